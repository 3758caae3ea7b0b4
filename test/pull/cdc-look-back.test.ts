/**
 * The change poller when QuickBooks' clock is ahead of ours: our watermark is inside CDC's 30 days by
 * our clock, but QuickBooks refuses it as older ("Invalid query", the reason only in the fault's Detail).
 * The poller must read the window by query instead of failing every poll (a real gateway, FerretDB and
 * the simulator over HTTP, the simulator's clock moved two days ahead).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { connectTenant, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let tenantId: string;

beforeAll(async () => {
  gw = await startTestGateway('pull-look-back', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Look-back Co');
  tenantId = created.tenant.id;
  await connectTenant(gw, created.apiKey, 'AU');
});
afterAll(() => gw?.close());

it('falls back to the query path when QuickBooks refuses a window our clock thinks is within 30 days', async () => {
  const poller = gw.app.services.pull.poller;
  await poller.setWatermark(tenantId, new Date(Date.now() - 29 * 86_400_000));
  simulatorOf(gw).clock.advance(2 * 86_400_000);

  const report = await poller.poll(tenantId);
  expect(report).toMatchObject({ path: 'QUERY', windows: 0 });
  expect(report!.read).toBeGreaterThan(0); // the seeded company's customers, read by change time
  // The watermark moved to this poll's start (less a second), so the next poll is within CDC again.
  expect((await poller.watermark(tenantId))!.getTime()).toBeGreaterThan(Date.now() - 60_000);
});
