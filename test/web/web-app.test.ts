/**
 * The reference web app in a real browser (Debian's Chromium via playwright-core) against a real
 * gateway assembled like `npm start`'s embedded default: demo tenant on, the in-process QBO simulator
 * with its consent page, the built web app at `/`. Enter the key, connect through the consent page,
 * pick accounts, see a wrong one refused next to its field, save, reload, and reach Save by keyboard.
 * Screenshots of each screen land in test-results/screenshots/.
 */
import http from 'node:http';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoredTokens } from '../../src/persistence/connection/connection.repository.js';
import { loadTokenCipher } from '../../src/connection/encryption-key.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { PaymentMethodSurchargeTaxCodesDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { realmOf } from '../helpers/quickbooks.js';
import { ensureWebBuild, launchChromium, screenshot, watchExternalRequests, watchPageErrors } from './browser.js';

const FLOW_TIMEOUT = 120_000;
/** expect.poll's 1 s default is too short on a busy 2-core CI machine. */
const POLL = { timeout: 20_000, interval: 100 };

let gw: TestGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let demoKey: string;
let pageErrors: string[];

const au = seedAccounts('AU');
const account = (name: string) => {
  const found = au.find((a) => a.name === name);
  if (!found) throw new Error(`the AU seed has no account "${name}"`);
  return found;
};
const labour = account('Labour Income');
const materials = account('Materials Income');
const bank = account('Business Cheque Account');
const clearing = account('Card Clearing');

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
  // The embedded default's shape: demo tenant on, simulator in-process (consent page, not auto-approve).
  gw = await startTestGateway('web_app', { FIELDBOOKS_DEMO: 'true' });
  demoKey = gw.app.demo!.apiKey;
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  external = watchExternalRequests(page);
  pageErrors = watchPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await gw?.close();
});

describe('web app', () => {
  it('serves the app at / without shadowing the gateway paths', async () => {
    const html = await fetch(`${gw.url}/settings`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<div id="root">');
    const health = await fetch(`${gw.url}/healthz`, { headers: { accept: 'text/html' } });
    expect(await health.json()).toEqual({ status: 'ok' });
    // GET /graphql for a browser is Apollo's landing page, not the SPA.
    const landing = await fetch(`${gw.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toContain('<div id="root">');
    const callback = await fetch(`${gw.url}/oauth/callback?state=nope&code=x`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(await callback.text()).not.toContain('<div id="root">');
    const config = (await (await fetch(`${gw.url}/app-config.json`)).json()) as { demoApiKey: string | null };
    expect(config.demoApiKey).toBe(demoKey);
    // A DNS-rebound page (foreign Host) or a proxied request never gets the key.
    // (fetch cannot set Host: node:http can, as a rebinding victim's browser effectively does.)
    expect(await appConfigWithHost(gw.url, 'evil.example')).toEqual({ demoApiKey: null });
    expect(await appConfigWithHost(gw.url, 'localhost')).toEqual({ demoApiKey: demoKey });
    const proxied = (await (await fetch(`${gw.url}/app-config.json`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json()) as { demoApiKey: string | null };
    expect(proxied.demoApiKey).toBeNull();
  });

  it('asks for the API key once, pre-filled with the demo key', { timeout: FLOW_TIMEOUT }, async () => {
    await page.goto(`${gw.url}/`);
    const keyInput = page.getByLabel('API key', { exact: true });
    await expect.poll(() => keyInput.inputValue(), POLL).toBe(demoKey);
    await screenshot(page, '01-api-key');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'QuickBooks connection' }).waitFor();
    expect(page.url()).toBe(`${gw.url}/connection`);
    // (Page-side code is passed as strings: the gateway's tsconfig has no DOM types, on purpose.)
    expect(await page.evaluate<string | null>("sessionStorage.getItem('fieldbooks.apiKey')")).toBe(demoKey);
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('Not connected');
    await screenshot(page, '02-connection-not-connected');
  });

  it('connects through the simulator’s consent page and comes back CONNECTED with the company name', { timeout: FLOW_TIMEOUT }, async () => {
    const company = realmOf(gw, 'AU');
    await page.getByRole('button', { name: 'Connect to QuickBooks' }).click();
    // The simulator's consent page, on its own origin: choose the company and click Connect.
    await page.waitForURL((url) => url.origin !== gw.url);
    await page.locator(`input[name="realmId"][value="${company.realmId}"]`).check();
    await screenshot(page, '03-consent-page');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL(`${gw.url}/connection**`);
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('Connected');
    expect(await page.getByTestId('company-name').textContent()).toBe(company.name);
    await page.getByText('QuickBooks is connected.').waitFor();
    expect(await page.getByText(company.realmId).count()).toBeGreaterThan(0);
    expect(await page.getByText('Built-in QuickBooks simulator').count()).toBe(1);
    // The ?quickbooks=connected marker is dropped so a reload does not announce it again.
    expect(new URL(page.url()).search).toBe('');

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(`QuickBooks answered for ${company.name}`).waitFor();
    await screenshot(page, '04-connection-connected');
  });

  it('picks accounts, shows a wrong choice refused next to its field, saves, and keeps them after a reload', { timeout: FLOW_TIMEOUT }, async () => {
    await page.getByRole('link', { name: 'Accounting settings' }).click();
    await page.getByRole('heading', { name: 'Accounting settings' }).waitFor();
    for (const group of ['Customer Invoicing', 'Payments', 'Bills & Expenses', 'General Settings']) {
      expect(await page.getByRole('group', { name: group }).count()).toBe(1);
    }
    await page.getByRole('button', { name: 'Refresh chart of accounts' }).click();
    await page.getByText(/Chart of accounts refreshed: \d+ active accounts/).waitFor();

    const labourSelect = page.getByLabel('Default Labour Income Account', { exact: true });
    // Filtered by purpose: an income account is offered, a bank account is not.
    await expect.poll(() => optionValues(page, '#defaultLabourIncomeAccountId'), POLL).toContain(labour.id);
    expect(await optionValues(page, '#defaultLabourIncomeAccountId')).not.toContain(bank.id);

    // Relaxed (in the form, not saved yet): the list reloads with every active account.
    await page.getByLabel('Relax Account Selection Restrictions').check();
    await expect.poll(() => optionValues(page, '#defaultLabourIncomeAccountId'), POLL).toContain(bank.id);
    // Long charts get a search box; searching narrows the list on the server.
    await page.getByLabel('Search accounts for Default Labour Income Account').fill('Cheque');
    await expect.poll(() => optionValues(page, '#defaultLabourIncomeAccountId'), POLL).not.toContain(labour.id);
    await labourSelect.selectOption(bank.id);
    await page.getByLabel('Search accounts for Default Labour Income Account').fill('');
    // Restrictions back on before saving: the bank account stays selected (marked) and the API refuses it.
    await page.getByLabel('Relax Account Selection Restrictions').uncheck();
    await expect.poll(() => optionValues(page, '#defaultLabourIncomeAccountId'), POLL).toContain(labour.id);
    expect(await page.locator('#defaultLabourIncomeAccountId option:checked').textContent()).toContain('not allowed for this setting');
    await page.getByLabel('Default Supplies Income Account', { exact: true }).selectOption(materials.id);
    await page.getByLabel('Account for Payments', { exact: true }).selectOption(bank.id);
    await page.getByLabel('Account for Credit Card Payments', { exact: true }).selectOption(clearing.id);
    expect(await labourSelect.inputValue()).toBe(bank.id);

    await page.getByRole('button', { name: 'Save Accounting Settings' }).click();
    const fieldError = page.locator('.field', { has: page.locator('#defaultLabourIncomeAccountId') }).locator('[data-field-error="defaultLabourIncomeAccountId"]');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('is not allowed for defaultLabourIncomeAccount');
    // Tied to the control for assistive technology, and flagged invalid.
    expect(await labourSelect.getAttribute('aria-describedby')).toContain('defaultLabourIncomeAccountId-error');
    expect(await labourSelect.getAttribute('aria-invalid')).toBe('true');
    // The summary names the setting and takes focus; nothing was saved (all or nothing).
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Default Labour Income Account');
    expect(await page.locator(':focus').textContent()).toContain('Nothing was saved');
    expect(await fieldErrorsOnly(page)).toEqual(['defaultLabourIncomeAccountId']);
    await screenshot(page, '05-settings-wrong-account-refused');

    await labourSelect.selectOption(labour.id);
    await page.getByLabel('Accounting Start Date').fill('2026-01-01');
    await page.getByLabel('Team Tracking Category').selectOption('CLASS');
    await page.getByRole('button', { name: 'Save Accounting Settings' }).click();
    await page.getByText('Accounting settings saved.').waitFor();
    expect(await fieldErrorsOnly(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Accounting settings' }).waitFor();
    // Still signed in (sessionStorage), and every choice came back from the gateway.
    await expect.poll(() => page.getByLabel('Default Labour Income Account', { exact: true }).inputValue(), POLL).toBe(labour.id);
    expect(await page.getByLabel('Default Supplies Income Account', { exact: true }).inputValue()).toBe(materials.id);
    expect(await page.getByLabel('Account for Payments', { exact: true }).inputValue()).toBe(bank.id);
    expect(await page.getByLabel('Account for Credit Card Payments', { exact: true }).inputValue()).toBe(clearing.id);
    expect(await page.getByLabel('Accounting Start Date').inputValue()).toBe('2026-01-01');
    expect(await page.getByLabel('Team Tracking Category').inputValue()).toBe('CLASS');
    expect(await page.getByLabel('Relax Account Selection Restrictions').isChecked()).toBe(false);
    // The selected option shows the account's name, not just its id.
    expect(await page.locator('#defaultLabourIncomeAccountId option:checked').textContent()).toContain('Labour Income');
    await screenshot(page, '06-settings-saved');
  });

  it('reaches the save button with the keyboard alone, with a visible focus ring', { timeout: FLOW_TIMEOUT }, async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Accounting settings' }).waitFor();
    await expect.poll(() => page.getByLabel('Default Labour Income Account', { exact: true }).inputValue(), POLL).toBe(labour.id);
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate<string | undefined>('document.activeElement?.textContent')) === 'Save Accounting Settings';
    }
    expect(reached, 'Tab never reached "Save Accounting Settings"').toBe(true);
    const [outlineStyle, outlineWidth] = await page.evaluate<[string, string]>('(s => [s.outlineStyle, s.outlineWidth])(getComputedStyle(document.activeElement))');
    expect(outlineStyle).not.toBe('none');
    expect(parseFloat(outlineWidth)).toBeGreaterThanOrEqual(2);
    await screenshot(page, '07-settings-keyboard-focus-on-save');
    // Enter on the focused button submits (nothing changed, and the app says so).
    await page.keyboard.press('Enter');
    await page.getByText('Nothing changed since the last save.').waitFor();
  });

  it('sets a job type override on its own tab, and shows the supplies and payment method tabs', { timeout: FLOW_TIMEOUT }, async () => {
    // The demo business brings the Domestic job type, its supplies and the Visa payment method.

    await page.getByRole('link', { name: 'Job types' }).click();
    await page.getByRole('heading', { name: 'Job type accounts' }).waitFor();
    const domestic = account('Labour Income - Domestic');
    const select = page.getByLabel('Labour income account for Domestic', { exact: true });
    await select.selectOption(domestic.id);
    await page.getByRole('button', { name: 'Save Domestic' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screenshot(page, '08-job-types');
    await page.reload();
    await expect.poll(() => page.getByLabel('Labour income account for Domestic', { exact: true }).inputValue(), POLL).toBe(domestic.id);

    await page.getByRole('link', { name: 'Supplies' }).click();
    await page.getByRole('heading', { name: 'Supply income accounts' }).waitFor();
    await page.getByLabel('Income account for Tempering valve', { exact: true }).waitFor();
    // English plurals: "supplies", never "supplys".
    await page.getByLabel('Search supplies', { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('supplys');
    await screenshot(page, '09-supplies');

    await page.getByRole('link', { name: 'Payment methods' }).click();
    await page.getByRole('heading', { name: 'Payment method surcharge accounts' }).waitFor();
    const surcharge = account('Card Surcharge Income');
    await page.getByLabel('Surcharge income account for Visa', { exact: true }).selectOption(surcharge.id);
    await page.getByRole('button', { name: 'Save Visa' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // The surcharge tax code: chosen among the company's QuickBooks tax codes, saved through the API.
    const taxCode = page.getByLabel('Surcharge tax code for Visa', { exact: true });
    expect(await taxCode.inputValue()).toBe('');
    await taxCode.selectOption('GST');
    await page.getByRole('button', { name: 'Save Visa' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const methods = await gql(gw.graphqlUrl, PaymentMethodSurchargeTaxCodesDocument, {}, demoKey);
    expect(methods.data?.paymentMethods.edges.find((e) => e.node.name === 'Visa')?.node.surchargeTaxCode).toBe('GST');
    await page.reload();
    await expect.poll(() => page.getByLabel('Surcharge tax code for Visa', { exact: true }).inputValue(), POLL).toBe('GST');
    await screenshot(page, '10-payment-methods');
  });

  it('shows RECONNECT_REQUIRED with the reason in plain words, and reconnects through the consent page', { timeout: FLOW_TIMEOUT }, async () => {
    // Revoke the authorization at the simulator, as a user removing the app in QuickBooks would.
    const tenantId = gw.app.demo!.tenantId;
    const cipher = await loadTokenCipher({ dataDir: gw.dataDir });
    const doc = await gw.app.database.connection.collection('quickbooks_connections').findOne({});
    const refresh = cipher.open((doc!.tokens as StoredTokens).refresh, `${tenantId}:refresh`);
    const app = gw.app.quickbooks.simulator!.oauth.demoApp;
    const revoked = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
      body: JSON.stringify({ token: refresh }),
    });
    expect(revoked.status).toBe(200);

    await page.getByRole('link', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('Reconnect required');
    const warning = page.getByRole('alert').filter({ hasText: 'QuickBooks needs to be reconnected.' });
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Connect again/);
    await page.getByText('The test failed: see the status below.').waitFor();
    await screenshot(page, '15-connection-reconnect-required');

    await page.getByRole('button', { name: 'Reconnect to QuickBooks' }).click();
    await page.waitForURL((url) => url.origin !== gw.url);
    await page.locator(`input[name="realmId"][value="${realmOf(gw, 'AU').realmId}"]`).check();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL(`${gw.url}/connection**`);
    await expect.poll(() => page.getByTestId('connection-status').textContent(), POLL).toBe('Connected');
  });

  it('made no request outside this machine, and logged no error', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

async function optionValues(page: Page, selector: string): Promise<string[]> {
  const options = await page.locator(`${selector} option`).all();
  return Promise.all(options.map(async (o) => (await o.getAttribute('value')) ?? ''));
}

async function fieldErrorsOnly(page: Page): Promise<string[]> {
  const nodes = await page.locator('[data-field-error]').all();
  return Promise.all(nodes.map(async (n) => (await n.getAttribute('data-field-error')) ?? ''));
}

function appConfigWithHost(base: string, host: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/app-config.json`, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    });
    request.on('error', reject);
  });
}
