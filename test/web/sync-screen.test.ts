/**
 * The sync screen in a real browser against a real gateway (demo tenant, in-process simulator): start a
 * push of the tenant's records and watch the live progress bar reach 100%, then see a sync issue caused
 * by a fault injected into the simulator and retry it from the screen until it is resolved.
 * Records go in through the ledger slice's service, as the FSM backend's upserts would put them.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts } from '../accounts/seed-charts.js';
import { DEMO_COUNTS } from '../../src/demo/demo-data.js';
import { QuickBooksCreatedRecordsDocument, RemoteChangeInvoiceDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';
import { ensureWebBuild, launchChromium, screenshot, watchExternalRequests, watchPageErrors } from './browser.js';

const FLOW_TIMEOUT = 120_000;
/** expect.poll's 1 s default is too short on a busy 2-core CI machine. */
const POLL = { timeout: 20_000, interval: 100 };

let gw: TestGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let external: string[];
let tenantId: string;
let pageErrors: string[];
const progressFrames: string[] = [];

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;

function invoice(externalId: string, number: string, amount: string) {
  const tax = (Number(amount) / 10).toFixed(2);
  return {
    externalId,
    customerExternalId: 'demo-c-1',
    number,
    date: '2026-03-02',
    currency: 'AUD',
    lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '1', unitPrice: amount, amount, taxCode: 'GST' }],
    subtotal: amount,
    totalTax: tax,
    total: (Number(amount) + Number(tax)).toFixed(2),
    jobNumber: `J-${number}`,
  };
}

async function injectFault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ realmId: realmOf(gw, 'AU').realmId, ...rule }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  await ensureWebBuild();
  browser = await launchChromium();
  // No automatic worker: the user starts the sync from the screen.
  gw = await startTestGateway('web_sync', { FIELDBOOKS_DEMO: 'true', FIELDBOOKS_SYNC_WORKER: 'false' });
  const demo = gw.app.demo!;
  tenantId = demo.tenantId;
  await connectTenant(gw, demo.apiKey, 'AU');
  const { settings } = gw.app.services;
  await settings.update(
    tenantId,
    {
      defaultLabourIncomeAccountId: acct('Labour Income'),
      defaultSuppliesIncomeAccountId: acct('Materials Income'),
      paymentsAccountId: acct('Business Cheque Account'),
      creditCardPaymentsAccountId: acct('Card Clearing'),
      defaultRoundingAccountId: acct('Rounding'),
      accountingStartDate: '2026-01-01',
    },
    { apiKeyPrefix: 'test' },
  );
  // The demo tenant comes with its own small business (src/demo/demo-data.ts): that is what the user syncs.

  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  external = watchExternalRequests(page);
  pageErrors = watchPageErrors(page);
  // The progress must arrive live over graphql-ws (the screen also re-reads runs as a fallback).
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"syncProgress"')) progressFrames.push(payload);
    });
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await gw?.close();
});

describe('sync screen', () => {
  it('starts a sync of the demo data and watches the progress bar reach 100%', { timeout: FLOW_TIMEOUT }, async () => {
    // A deep link works: the key form first (pre-filled), then the page asked for.
    await page.goto(`${gw.url}/sync`);
    await expect.poll(() => page.getByLabel('API key', { exact: true }).inputValue(), POLL).toBe(gw.app.demo!.apiKey);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
    await page.getByText('No sync has run yet.').waitFor();
    await screenshot(page, '11-sync-before');
    await page.getByRole('button', { name: 'Start sync' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('SUCCEEDED');
    const demoRecords = DEMO_COUNTS.customers + DEMO_COUNTS.invoices + DEMO_COUNTS.payments;
    expect(await progress.getByText(`${demoRecords} of ${demoRecords} records went through (100%)`).count()).toBe(1);
    expect(await page.locator('#sync-progress-bar').getAttribute('value')).toBe('100');
    expect(await progress.getAttribute('data-outcome')).toBe('SUCCEEDED');
    // Per-kind counts, and "Everything" rather than a list of every kind.
    const kinds = page.getByTestId('kind-counts');
    // The counts table renders from the final run read, which can land a moment after the progress frame.
    await expect.poll(() => kinds.getByRole('row').count(), POLL).toBe(4); // the header, customers, invoices, payments
    expect(await kinds.getByRole('row', { name: /Invoices/ }).textContent()).toMatch(/^Invoices\d+0\d+\d+$/);
    await page.getByRole('table', { name: /sync runs/ }).getByRole('cell', { name: 'Everything' }).waitFor();
    const finals = progressFrames.filter((f) => f.includes('"final":true'));
    expect(finals.length, 'no final syncProgress event reached the page over the WebSocket').toBeGreaterThan(0);
    expect(finals.at(-1)).toContain(`"processed":${demoRecords}`);
    await page.getByRole('table', { name: /sync runs/ }).getByText('Succeeded').waitFor();
    await page.getByText('No open issues.').waitFor();
    await screenshot(page, '12-sync-succeeded');
  });

  it('shows a sync issue caused by an injected fault, and retries it successfully', { timeout: FLOW_TIMEOUT }, async () => {
    // QuickBooks fails every attempt at the next invoice (the first try and the client's 4 retries).
    await injectFault({ kind: '500', method: 'POST', path: '/invoice', count: 5 });
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoice('inv-5', '1005', '500.00'));
    await page.getByLabel('Invoices', { exact: true }).check();
    await page.getByRole('button', { name: 'Start sync' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toMatch(/FAILED/);
    const issue = page.getByTestId('sync-issue');
    await issue.first().waitFor();
    expect(await issue.count()).toBe(1);
    expect(await issue.textContent()).toContain('How to fix:');
    // The record in a bookkeeper's terms: kind, number, customer, date, amount (not an FSM id).
    expect(await issue.getByRole('strong').first().textContent()).toBe('Invoice 1005 · Harbour View Dental · 2 Mar 2026 · 550.00');
    expect(await issue.textContent()).toContain('QuickBooks said:');
    await screenshot(page, '13-sync-issue');

    await issue.getByRole('button', { name: 'Retry', exact: true }).click();
    await page.getByText('No open issues.').waitFor({ timeout: 60_000 });
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('SUCCEEDED');
    // The retry is in the history as a run of its own.
    await page.getByRole('cell', { name: 'retry' }).waitFor();
    await screenshot(page, '14-sync-retried');
  });

  it('shows a run that failed every record as failed (an empty red bar, never a full green one), and ignores its issue', { timeout: FLOW_TIMEOUT }, async () => {
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, { ...invoice('inv-6', '1006', '80.00'), lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'After-hours call-out', quantity: '1', unitPrice: '80.00', amount: '80.00', taxCode: 'NOPE' }] });
    await page.getByRole('button', { name: 'Start sync' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect.poll(() => progress.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('FAILED');
    expect(await progress.locator('.badge').textContent()).toBe('Failed');
    await progress.getByText('0 of 1 records went through (0%)').waitFor();
    const bar = page.locator('#sync-progress-bar');
    expect(await bar.getAttribute('value')).toBe('0');
    expect(await bar.getAttribute('class')).toBe('bar-failed');
    expect(await bar.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { accentColor: string } }).getComputedStyle(el).accentColor)).not.toMatch(/rgb\(26, 127, 55\)/);
    const issue = page.getByTestId('sync-issue');
    await issue.first().waitFor();
    expect(await issue.textContent()).toContain('The line "After-hours call-out" uses the tax code "NOPE", which your QuickBooks company does not have.');
    await screenshot(page, '15-sync-failed-run');

    // An issue action: IGNORE closes it, and the next sync leaves the invoice alone.
    await issue.getByRole('button', { name: 'Ignore', exact: true }).click();
    await page.getByText('No open issues.').waitFor({ timeout: 30_000 });
    const issues = await gw.app.services.sync.issues.list(tenantId, 'IGNORED', { limit: 10, after: undefined });
    expect(issues.rows.map((i) => i.code)).toEqual(['TAX_CODE_NOT_FOUND']);
    await screenshot(page, '16-sync-issue-ignored');
  });

  it('shows a dry run as a dry run: nothing was sent', { timeout: FLOW_TIMEOUT }, async () => {
    await page.getByLabel('Dry run', { exact: true }).check();
    await page.getByRole('button', { name: 'Preview sync' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect.poll(() => progress.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('DRY_RUN');
    await progress.getByText('Dry run: nothing was sent').waitFor();
    expect(await page.locator('#sync-progress-bar').getAttribute('class')).toBe('bar-dry-run');
    await page.getByLabel('Dry run', { exact: true }).uncheck();
  });

  it('an issue held on an account made inactive in QuickBooks leads to its setting, which shows the problem next to it', { timeout: FLOW_TIMEOUT }, async () => {
    const realmId = realmOf(gw, 'AU').realmId;
    const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${realmId}/set-active`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity: 'Account', id: acct('Labour Income'), active: false }),
    });
    expect(response.status).toBeLessThan(300);
    await gw.app.services.chart.refresh(tenantId, 'full');
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoice('inv-7', '1007', '120.00'));
    await page.getByRole('button', { name: 'Start sync' }).click();
    const progress = page.getByTestId('sync-progress');
    await expect.poll(() => progress.getAttribute('data-outcome'), { timeout: 60_000 }).toBe('FAILED');
    const issue = page.getByTestId('sync-issue');
    await issue.first().waitFor();
    expect(await issue.getByRole('strong').first().textContent()).toBe('Invoice 1007 · Harbour View Dental · 2 Mar 2026 · 132.00');
    await issue.getByRole('link', { name: 'Open “Default Labour Income Account” in Accounting settings' }).click();
    await page.getByRole('heading', { name: 'Accounting settings', exact: true }).waitFor();
    const problem = page.locator('[data-setting-problem="defaultLabourIncomeAccountId"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/inactive/i);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id), POLL).toBe('defaultLabourIncomeAccountId');
    await screenshot(page, '17-settings-problem');
  });

  it('lists a customer and an invoice entered in QuickBooks; links the invoice to its FSM invoice and imports the customer', { timeout: FLOW_TIMEOUT }, async () => {
    const realmId = realmOf(gw, 'AU').realmId;
    const admin = (path: string) => `${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox${path}`;
    const rows = async (entity: string) => ((await (await fetch(admin(`/entities/${realmId}/${entity}`))).json()) as { records: { Id: string; Name?: string; DisplayName?: string }[] }).records;
    // A QuickBooks user enters them directly (the simulator's admin API acts as that user).
    const act = async (body: Record<string, unknown>) => {
      const response = await fetch(admin(`/act/${realmId}/create`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as Record<string, { Id: string }>;
    };
    // The account the previous test made inactive is active again (the Labour item needs it).
    const reactivated = await fetch(admin(`/act/${realmId}/set-active`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entity: 'Account', id: acct('Labour Income'), active: true }) });
    expect(reactivated.status).toBeLessThan(300);
    const wanda = (await act({ entity: 'Customer', body: { DisplayName: 'Walk-in Wanda', PrimaryEmailAddr: { Address: 'wanda@example.com' } } })).Customer!;
    const dental = (await rows('Customer')).find((c) => c.DisplayName === 'Harbour View Dental')!.Id;
    const labourItem = (await rows('Item')).find((i) => i.Name === 'Labour')!.Id;
    const gst = (await rows('TaxCode')).find((t) => t.Name === 'GST')!.Id;
    const qboInvoice = (await act({
      entity: 'Invoice',
      body: { CustomerRef: { value: dental }, DocNumber: 'Q-88', TxnDate: '2026-03-05', GlobalTaxCalculation: 'TaxExcluded', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: labourItem }, TaxCodeRef: { value: gst } } }] },
    })).Invoice!;
    // The FSM invoice it stands for (same customer, same total 110.00), not sent to QuickBooks yet.
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoice('inv-8', '1008', '100.00'));
    await gw.app.services.pull.pullNow(tenantId);
    await gw.app.services.pull.idle();

    await page.goto(`${gw.url}/sync`);
    const created = page.getByTestId('quickbooks-created-record');
    await expect.poll(() => created.count(), POLL).toBe(2);
    const qboRow = created.filter({ hasText: 'Q-88' });
    expect(await qboRow.getByRole('strong').textContent()).toBe('Invoice Q-88 · Harbour View Dental · 5 Mar 2026 · 110.00');
    expect(await created.filter({ hasText: 'Walk-in Wanda' }).getByRole('strong').textContent()).toBe('Customer Walk-in Wanda · wanda@example.com');
    // The FSM invoice of the same total is offered first.
    expect(await qboRow.getByLabel('Field-service invoice').locator('option:checked').textContent()).toBe('Invoice 1008 · Harbour View Dental · 2 Mar 2026 · 110.00');
    await screenshot(page, '18-sync-created-in-quickbooks');

    await qboRow.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => created.count(), POLL).toBe(1);
    await created.filter({ hasText: 'Walk-in Wanda' }).getByRole('button', { name: 'Import as a new customer' }).click();
    await page.getByText('Nothing entered in QuickBooks is waiting to be linked.').waitFor({ timeout: 20_000 });

    // The API shows both linked, and the FSM invoice now stands for that QuickBooks invoice (no second one).
    const key = gw.app.demo!.apiKey;
    const listed = (await gql(gw.graphqlUrl, QuickBooksCreatedRecordsDocument, {}, key)).data!.quickBooksCreatedRecords.edges.map((e) => e.node);
    const fsmInvoice = (await gql(gw.graphqlUrl, RemoteChangeInvoiceDocument, { externalId: 'inv-8' }, key)).data!.invoice!;
    expect(listed.find((r) => r.quickBooksId === qboInvoice.Id)).toMatchObject({ status: 'LINKED', recordId: fsmInvoice.id });
    expect(fsmInvoice.sync).toMatchObject({ state: 'SYNCED', quickBooksId: qboInvoice.Id });
    const wandaRow = listed.find((r) => r.quickBooksId === wanda.Id);
    expect(wandaRow).toMatchObject({ status: 'LINKED' });
    expect(wandaRow?.recordId).toBeTruthy();
    await screenshot(page, '19-sync-created-linked');
  });

  it('made no request outside this machine, and logged no error', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
