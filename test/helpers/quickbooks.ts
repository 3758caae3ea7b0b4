/**
 * Connecting a test tenant to the gateway's built-in QBO simulator through the real flow: the
 * connectQuickBooks mutation, the simulator's consent page (submitted like a browser), and the
 * gateway's own /oauth/callback.
 */
import { type Sandbox } from '../../src/sandbox/sandbox.js';
import { ConnectQuickBooksDocument } from '../generated/graphql.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';
import { type TestGateway } from './gateway.js';
import { gql } from './graphql-client.js';

export function simulatorOf(gw: TestGateway): Sandbox {
  const simulator = gw.app.quickbooks.simulator;
  if (!simulator) throw new Error('this gateway does not run the QBO simulator in-process');
  return simulator;
}

export function realmOf(gw: TestGateway, country: 'AU' | 'US'): { realmId: string; name: string } {
  const company = simulatorOf(gw).info().companies.find((c) => c.country === country);
  if (!company) throw new Error(`the simulator has no ${country} company`);
  return { realmId: company.realmId, name: company.name };
}

export interface ConnectAttempt {
  authorizationUrl: string;
  /** Where the consent page sent the browser (the gateway's /oauth/callback with code/state or error). */
  callbackUrl: string;
  /** The gateway's answer to the callback. */
  response: Response;
}

export async function startConnect(gw: TestGateway, apiKey: string, variables: { returnTo?: string; allowRealmChange?: boolean } = {}): Promise<string> {
  const started = await gql(gw.graphqlUrl, ConnectQuickBooksDocument, variables, apiKey);
  if (started.errors) throw new Error(`connectQuickBooks failed: ${JSON.stringify(started.errors)}`);
  return started.data!.connectQuickBooks.authorizationUrl;
}

/** Runs the whole browser round trip; `button: 'cancel'` declines on the consent page. */
export async function connectThroughBrowser(
  gw: TestGateway,
  apiKey: string,
  options: { country?: 'AU' | 'US'; realmId?: string; button?: 'connect' | 'cancel'; returnTo?: string; allowRealmChange?: boolean; follow?: boolean } = {},
): Promise<ConnectAttempt> {
  const authorizationUrl = await startConnect(gw, apiKey, { returnTo: options.returnTo, allowRealmChange: options.allowRealmChange });
  const realmId = options.realmId ?? realmOf(gw, options.country ?? 'AU').realmId;
  const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: options.button ?? 'connect', realmId });
  const response = await fetch(callbackUrl, { redirect: 'manual' });
  return { authorizationUrl, callbackUrl, response };
}

/** A connected tenant for tests that need one (fails loudly otherwise). */
export async function connectTenant(gw: TestGateway, apiKey: string, country: 'AU' | 'US' = 'AU', realmId?: string): Promise<void> {
  const attempt = await connectThroughBrowser(gw, apiKey, { country, realmId });
  if (attempt.response.status !== 200) throw new Error(`connecting failed: ${attempt.response.status} ${await attempt.response.text()}`);
  await gw.app.services.connections.idle();
}
