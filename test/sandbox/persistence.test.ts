/**
 * The simulator's state on disk: a simulator started again on the same folder has the same companies
 * (Ids, SyncTokens, deleted transactions, numbering, exchange rates), the same connections and tokens, the
 * same requestid replays and the request log; nothing is answered before it is saved; a crash at any
 * instant (SIGKILL of a real process mid-write) leaves a folder that loads, holding every write that was
 * answered; an unreadable file or a folder in use stops the start with a message saying what to do.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AU_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { SandboxStateError } from '../../src/sandbox/persistence/snapshot.files.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';

let dir: string;
const open: Sandbox[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-sim-'));
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<{ sandbox: Sandbox; url: string }> {
  const sandbox = createSandbox({ limits: false, persistence: { dir } });
  open.push(sandbox);
  const { url } = await sandbox.listen(0);
  return { sandbox, url };
}

async function stop(sandbox: Sandbox): Promise<void> {
  await sandbox.close();
  open.splice(open.indexOf(sandbox), 1);
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function api(url: string, token: string, method: string, pathAndQuery: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${url}/v3/company/${AU_REALM_ID}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function entity(answer: Answer, name: string): Record<string, unknown> & { Id: string; SyncToken: string } {
  if (answer.status !== 200) throw new Error(`QBO answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body[name] as Record<string, unknown> & { Id: string; SyncToken: string };
}

async function query(url: string, token: string, sql: string): Promise<Record<string, unknown>[]> {
  const answer = await api(url, token, 'GET', `/query?query=${encodeURIComponent(sql)}`);
  const response = answer.body.QueryResponse as Record<string, Record<string, unknown>[] | undefined>;
  return Object.values(response).find((v): v is Record<string, unknown>[] => Array.isArray(v)) ?? [];
}

async function invoiceDraft(url: string, token: string, customerId: string, amount: number, docNumber: string): Promise<Record<string, unknown>> {
  const [service] = await query(url, token, "select * from Item where Name = 'Retention'");
  const [gstFree] = await query(url, token, "select * from TaxCode where Name = 'FRE'");
  return {
    CustomerRef: { value: customerId },
    DocNumber: docNumber,
    GlobalTaxCalculation: 'TaxExcluded',
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: amount, SalesItemLineDetail: { ItemRef: { value: service!.Id }, Qty: 1, UnitPrice: amount, TaxCodeRef: { value: gstFree!.Id } } }],
  };
}

describe('the simulator across a restart', () => {
  it('keeps companies, deleted transactions, numbering, exchange rates, tokens, requestid replays and the request log', async () => {
    const first = await start();
    const tokens = first.sandbox.oauth.issueTokensForTest(AU_REALM_ID);
    const token = tokens.access_token;

    const customer = entity(await api(first.url, token, 'POST', '/customer?requestid=persist-customer-1', { DisplayName: 'Persisted Plumbing Pty Ltd' }), 'Customer');
    const created = entity(await api(first.url, token, 'POST', '/invoice?requestid=persist-invoice-1', await invoiceDraft(first.url, token, customer.Id, 110, 'P-1001')), 'Invoice');
    // Answered means saved: the company's file already holds the invoice, before any shutdown.
    const onDisk = JSON.parse(await readFile(path.join(dir, `realm-${AU_REALM_ID}.json`), 'utf8')) as { data: { company: { records: { Invoice: { Id: string }[] } } } };
    expect(onDisk.data.company.records.Invoice.map((i) => i.Id)).toContain(created.Id);

    const updated = entity(await api(first.url, token, 'POST', '/invoice', { ...created, sparse: true, PrivateNote: 'edited before the restart' }), 'Invoice');
    expect(updated.SyncToken).toBe('1');
    const doomed = entity(await api(first.url, token, 'POST', '/invoice', await invoiceDraft(first.url, token, customer.Id, 55, 'P-1002')), 'Invoice');
    expect((await api(first.url, token, 'POST', '/invoice?operation=delete', { Id: doomed.Id, SyncToken: doomed.SyncToken })).status).toBe(200);
    const rate = await fetch(`${first.url}/_sandbox/act/${AU_REALM_ID}/set-exchange-rate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ currency: 'NZD', asOfDate: '2026-03-01', rate: '0.9137' }) });
    expect(rate.status).toBe(200);
    const { requests: requestsBefore } = (await (await fetch(`${first.url}/_sandbox/requests`)).json()) as { requests: { seq: number }[] };
    await stop(first.sandbox);

    const second = await start();
    // The connection made before the restart still works: the access token, and a refresh with the refresh token.
    const invoice = entity(await api(second.url, token, 'GET', `/invoice/${created.Id}`), 'Invoice');
    expect(invoice).toMatchObject({ Id: created.Id, SyncToken: '1', DocNumber: 'P-1001', PrivateNote: 'edited before the restart', TotalAmt: 110 });
    const refreshed = await fetch(`${second.url}/oauth2/v1/tokens/bearer`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${second.sandbox.oauth.demoApp.clientId}:${second.sandbox.oauth.demoApp.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }).toString(),
    });
    expect(refreshed.status).toBe(200);

    // Deleted stays deleted (fault 610), and CDC still reports it.
    const gone = await api(second.url, token, 'GET', `/invoice/${doomed.Id}`);
    expect(gone.status).toBe(400);
    expect(JSON.stringify(gone.body)).toContain('"code":"610"');

    // The same requestid is a replay, not a second customer.
    const again = entity(await api(second.url, token, 'POST', '/customer?requestid=persist-customer-1', { DisplayName: 'Persisted Plumbing Pty Ltd' }), 'Customer');
    expect(again.Id).toBe(customer.Id);
    expect(await query(second.url, token, "select * from Customer where DisplayName = 'Persisted Plumbing Pty Ltd'")).toHaveLength(1);

    // Ids go on after the ones handed out before the restart.
    const next = entity(await api(second.url, token, 'POST', '/invoice', await invoiceDraft(second.url, token, customer.Id, 22, 'P-1003')), 'Invoice');
    expect(Number(next.Id)).toBeGreaterThan(Number(doomed.Id));

    expect(second.sandbox.companies.get(AU_REALM_ID)!.exchangeRate('NZD', '2026-03-02')?.toFixed()).toBe('0.9137');
    const { requests: requestsAfter } = (await (await fetch(`${second.url}/_sandbox/requests`)).json()) as { requests: { seq: number }[] };
    expect(requestsBefore.length).toBeGreaterThan(5);
    expect(requestsAfter.length).toBeGreaterThan(requestsBefore.length);
    expect(requestsAfter.slice(0, requestsBefore.length).map((r) => r.seq)).toEqual(requestsBefore.map((r) => r.seq));
  });

  it('an admin reset is saved too: the next start has the seeds again', async () => {
    const first = await start();
    const token = first.sandbox.oauth.issueTokensForTest(AU_REALM_ID).access_token;
    entity(await api(first.url, token, 'POST', '/customer', { DisplayName: 'Wiped By Reset' }), 'Customer');
    expect((await fetch(`${first.url}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    await stop(first.sandbox);

    const second = await start();
    const fresh = second.sandbox.oauth.issueTokensForTest(AU_REALM_ID).access_token;
    expect(await query(second.url, fresh, "select * from Customer where DisplayName = 'Wiped By Reset'")).toHaveLength(0);
    // The reset dropped the connections as well.
    expect((await api(second.url, token, 'GET', '/preferences')).status).toBe(401);
  });
});

describe('the folder on disk', () => {
  it('a temporary file a crash left behind is ignored and removed; the last complete snapshot loads', async () => {
    const first = await start();
    const token = first.sandbox.oauth.issueTokensForTest(AU_REALM_ID).access_token;
    const customer = entity(await api(first.url, token, 'POST', '/customer', { DisplayName: 'Survives A Torn Write' }), 'Customer');
    await stop(first.sandbox);
    // What a crash in the middle of writing the next snapshot leaves: a half-written temporary file.
    const torn = path.join(dir, `realm-${AU_REALM_ID}.json.1234567`);
    await writeFile(torn, '{"format":"fieldbooks-simulator","version":1,"data":{"company":{"recor');

    const second = await start();
    expect(existsSync(torn)).toBe(false);
    expect(second.sandbox.companies.get(AU_REALM_ID)!.read('Customer', customer.Id).DisplayName).toBe('Survives A Torn Write');
  });

  it('an unreadable snapshot stops the start, naming the file and what to do', async () => {
    const first = await start();
    await stop(first.sandbox);
    await writeFile(path.join(dir, 'oauth.json'), 'not json at all');
    let error: unknown;
    try {
      createSandbox({ limits: false, persistence: { dir } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SandboxStateError);
    expect((error as Error).message).toContain(path.join(dir, 'oauth.json'));
    expect((error as Error).message).toContain('FIELDBOOKS_SANDBOX_FRESH=true');
    // The failed start released the folder.
    expect(await readdir(dir)).not.toContain('simulator.lock');
  });

  it('a folder in use by a running simulator is refused; a lock left by a dead process is taken over', async () => {
    await start();
    expect(() => createSandbox({ limits: false, persistence: { dir } })).toThrow(/in use by another simulator/);
    for (const s of open.splice(0)) await s.close();

    // A process that has exited: its pid no longer runs.
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((r) => dead.once('exit', r));
    await writeFile(path.join(dir, 'simulator.lock'), String(pid));
    const taken = await start();
    expect(await readFile(path.join(dir, 'simulator.lock'), 'utf8')).toBe(String(process.pid));
    await stop(taken.sandbox);
  });
});

describe('a simulator process killed mid-write (SIGKILL)', () => {
  const child = path.resolve(import.meta.dirname, 'fixtures/persistent-simulator.child.mjs');
  const built = path.resolve(import.meta.dirname, '../../dist/src/sandbox/sandbox.js');

  async function spawnSimulator(): Promise<{ url: string; token: string; kill: () => Promise<void> }> {
    const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      proc.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line) as { url: string; token: string });
      });
      proc.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${err}`)));
    });
    return {
      ...ready,
      kill: async () => {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      },
    };
  }

  it('loads after every kill and holds every write it answered', async () => {
    expect(existsSync(built), 'dist/ is missing: run `npm run build`').toBe(true);
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const sim = await spawnSimulator();
      let stopped = false;
      // Eight writers in parallel; each name is recorded only once QBO answered it.
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stopped; i++) {
          const name = `Crash ${round}-${w}-${i}`;
          const answer = await api(sim.url, sim.token, 'POST', '/customer', { DisplayName: name }).catch(() => undefined);
          if (answer?.status === 200 && !stopped) acknowledged.push(name);
        }
      });
      await new Promise((r) => setTimeout(r, 400 + round * 300));
      await sim.kill();
      stopped = true;
      await Promise.allSettled(writers);
    }
    expect(acknowledged.length).toBeGreaterThan(20);

    const after = await start();
    const names = new Set(after.sandbox.companies.get(AU_REALM_ID)!.list('Customer').map((c) => String(c.DisplayName)));
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
  }, 60_000);
});
