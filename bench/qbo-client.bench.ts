/**
 * Benchmark: how close the QBO client facade gets to QBO's per-realm ceiling (500 requests per
 * minute) against the simulator on a compressed clock, and how many 429s it meets on the way.
 * The gateway's limiter runs on the same compression, so the ratio is what a real realm would see.
 */
import { QboClient } from '../src/providers/quickbooks/qbo.client.js';
import { QBO_LIMITS, RealmLimiter } from '../src/providers/quickbooks/qbo.limiter.js';
import { createSandbox } from '../src/sandbox/sandbox.js';

export interface ClientBenchResult {
  records: number;
  virtualMinutes: number;
  perMinute: number;
  ceilingPerMinute: number;
  throttled: number;
  created: number;
  realSeconds: number;
}

export async function benchQboClient(options: { records: number; scale: number }): Promise<ClientBenchResult> {
  const sandbox = createSandbox({ scale: options.scale });
  const { url } = await sandbox.listen(0);
  const realm = sandbox.info().companies.find((c) => c.country === 'US')!.realmId;
  const tokens = sandbox.oauth.issueTokensForTest(realm);
  const limiter = new RealmLimiter({ ...QBO_LIMITS, windowMs: QBO_LIMITS.windowMs / options.scale });
  const client = new QboClient({
    realmId: realm,
    apiBaseUrl: url,
    limiter,
    retryBaseMs: 50,
    tokens: { accessToken: () => Promise.resolve(tokens.access_token), refreshAfterUnauthorized: () => Promise.reject(new Error('token rejected')) },
  });
  const before = sandbox.companies.get(realm)!.list('Customer').length;
  const startVirtual = sandbox.clock.now();
  const startReal = Date.now();
  await Promise.all(
    Array.from({ length: options.records }, (_, i) =>
      client.create('Customer', { DisplayName: `Bench Customer ${i.toString().padStart(5, '0')}` }, `bench-customer-${i}`),
    ),
  );
  const virtualMinutes = (sandbox.clock.now() - startVirtual) / 60_000;
  const result: ClientBenchResult = {
    records: options.records,
    virtualMinutes,
    perMinute: options.records / virtualMinutes,
    ceilingPerMinute: QBO_LIMITS.perMinute,
    throttled: sandbox.state.requests.list().filter((r) => r.status === 429).length,
    created: sandbox.companies.get(realm)!.list('Customer').length - before,
    realSeconds: (Date.now() - startReal) / 1000,
  };
  await limiter.stop();
  await sandbox.close();
  return result;
}
