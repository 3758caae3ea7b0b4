/**
 * The customer import screen in a real browser against a real gateway (demo tenant, in-process
 * simulator): after connecting, the connection screen points at the import; the import links the
 * QuickBooks customer the FSM already has, creates the others, and leaves one that fits two FSM
 * customers (same email) to resolve; choosing one links it, and the API agrees.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { connectTenant } from '../helpers/quickbooks.js';
import { ensureWebBuild, launchChromium, screenshot, watchExternalRequests, watchPageErrors } from './browser.js';

const FLOW_TIMEOUT = 120_000;
const POLL = { timeout: 20_000, interval: 100 };

let gw: TestGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let pageErrors: string[];
let tenantId: string;

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
  gw = await startTestGateway('web_import', { FIELDBOOKS_DEMO: 'true', FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const demo = gw.app.demo!;
  tenantId = demo.tenantId;
  const ledger = gw.app.services.ledgerRecords;
  // The simulator's AU company has "Jane Citizen" and "Bondi Beach Cafe" (owner@bondicafe.example).
  await ledger.upsertCustomer(tenantId, { externalId: 'fsm-jane', displayName: 'Jane Citizen' });
  await ledger.upsertCustomer(tenantId, { externalId: 'fsm-bondi-1', displayName: 'Bondi Cafe (Campbell Pde)', email: 'owner@bondicafe.example' });
  await ledger.upsertCustomer(tenantId, { externalId: 'fsm-bondi-2', displayName: 'Bondi Cafe Catering', email: 'owner@bondicafe.example', phone: '0400 111 222' });
  await connectTenant(gw, demo.apiKey, 'AU');
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  external = watchExternalRequests(page);
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await gw?.close();
});

describe('customer import screen', () => {
  it('runs the import after connecting, shows linked / created / to resolve, and resolves the ambiguous one', { timeout: FLOW_TIMEOUT }, async () => {
    await page.goto(`${gw.url}/connection`);
    await expect.poll(() => page.getByLabel('API key', { exact: true }).inputValue(), POLL).toBe(gw.app.demo!.apiKey);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('import-suggested').waitFor();
    await page.getByTestId('import-suggested').getByRole('link', { name: 'Import customers' }).click();
    await page.getByRole('heading', { name: 'Customer import', exact: true }).waitFor();
    await page.getByText('Nothing to resolve.').waitFor();
    await screenshot(page, '21-import-before');

    await page.getByRole('button', { name: 'Import customers from QuickBooks' }).click();
    await page.getByText(/^Import finished/).waitFor({ timeout: 60_000 });
    const summary = page.getByTestId('import-summary');
    await expect.poll(() => summary.textContent(), POLL).toMatch(/^1 linked to a customer you had\d+ created1 to resolve$/);
    const match = page.getByTestId('ambiguous-match');
    expect(await match.count()).toBe(1);
    expect(await match.getByRole('group').textContent()).toContain('QuickBooks customer Bondi Beach Cafe fits 2 of your customers by the same email');
    await screenshot(page, '22-import-ambiguous');

    await match.getByLabel(/Bondi Cafe Catering/).check();
    await match.getByRole('button', { name: 'Link to the chosen customer' }).click();
    await page.getByText('Nothing to resolve.').waitFor({ timeout: 30_000 });
    await expect.poll(() => summary.textContent(), POLL).toMatch(/^2 linked to a customer you had\d+ created0 to resolve$/);
    await screenshot(page, '23-import-resolved');

    // The API agrees: the chosen FSM customer is the one linked to QuickBooks' Bondi Beach Cafe.
    const catering = await gw.app.services.ledgerRecords.findByExternalId('customer', tenantId, 'fsm-bondi-2');
    const status = await gw.app.services.sync.statusOf(tenantId, 'customer', [catering!.id]);
    const matches = await gw.app.services.pull.customers.list(tenantId, 'LINKED', { limit: 50, after: undefined });
    const bondi = matches.rows.find((m) => m.qboDisplayName === 'Bondi Beach Cafe')!;
    expect(bondi.customerId).toBe(catering!.id);
    expect(status.get(catering!.id)!.quickBooksId).toBe(bondi.qboId);
  });

  it('made no request outside this machine, and logged no error', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
