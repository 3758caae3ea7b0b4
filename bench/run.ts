/**
 * `npm run bench`: throughput benchmarks against the QBO simulator on a compressed clock. Not a test:
 * it prints figures (records per virtual minute against QBO's ceiling, 429s met) for humans and notes.
 * BENCH_RECORDS and BENCH_SCALE tune the client benchmark (size, clock compression); BENCH_INVOICES
 * and BENCH_SYNC_SCALE the sync engine's. The engine runs on the real clock by default (scale 1): its
 * pace is QBO's limits plus the embedded database's, which a compressed QBO clock does not speed up.
 * BENCH_LIST_TENANTS and BENCH_LIST_INVOICES size the lists-at-scale part (BENCH_LIST_DIR keeps its seeded
 * data between runs). BENCH_READ_SECONDS, BENCH_READ_CONNECTIONS and BENCH_READ_ACCOUNTS tune the read
 * path part (length of each measurement, concurrent clients, accounts in the chart).
 * BENCH_FANOUT_SUBSCRIBERS and BENCH_FANOUT_INVOICES size the fan-out part (three instances, Redis).
 * BENCH_ONLY=reads,client,push,lists,fanout runs just the named parts.
 */
import 'reflect-metadata';
import { benchFanout } from './fanout.bench.js';
import { benchQboClient } from './qbo-client.bench.js';
import { benchListScale } from './list-scale.bench.js';
import { benchReadPath, formatReadBench } from './read-path.bench.js';
import { benchSyncPush } from './sync-push.bench.js';

const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
const wants = (part: 'reads' | 'client' | 'push' | 'lists' | 'fanout') => !only || only.includes(part);

if (wants('reads')) {
  const seconds = Number(process.env.BENCH_READ_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_READ_CONNECTIONS ?? 50);
  const accounts = Number(process.env.BENCH_READ_ACCOUNTS ?? 150);
  if (![seconds, connections, accounts].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('BENCH_READ_SECONDS, BENCH_READ_CONNECTIONS and BENCH_READ_ACCOUNTS must be positive integers');
    process.exit(2);
  }
  const reads = await benchReadPath({ accounts, connections, seconds, only: process.env.BENCH_READ_QUERIES?.split(',') });
  console.log(`Read path: built gateway, embedded database, one tenant with ${reads.accounts} accounts, ${connections} concurrent clients, ${seconds} s each`);
  console.log(formatReadBench(reads));
  if (reads.measurements.some((m) => m.failures > 0)) process.exitCode = 1;
  if (!only || only.length > 1) console.log('');
}

if (wants('client')) {
const records = Number(process.env.BENCH_RECORDS ?? 1500);
const scale = Number(process.env.BENCH_SCALE ?? 10);
if (!Number.isInteger(records) || records < 1 || !(scale > 0)) {
  console.error('BENCH_RECORDS must be a positive integer and BENCH_SCALE a positive number');
  process.exit(2);
}

console.log(`QBO client facade: ${records} customer creates, clock x${scale}`);
const r = await benchQboClient({ records, scale });
console.log(
  [
    `  created            ${r.created} (${r.created === r.records ? 'no duplicates, none missing' : 'MISMATCH'})`,
    `  virtual time       ${r.virtualMinutes.toFixed(2)} min (${r.realSeconds.toFixed(1)} s real)`,
    `  throughput         ${r.perMinute.toFixed(0)} records/min (ceiling ${r.ceilingPerMinute}/min: ${((r.perMinute / r.ceilingPerMinute) * 100).toFixed(0)}%)`,
    `  429s met           ${r.throttled}`,
  ].join('\n'),
);
if (r.created !== r.records) process.exitCode = 1;
}

if (wants('push')) {

const invoices = Number(process.env.BENCH_INVOICES ?? 2000);
if (!Number.isInteger(invoices) || invoices < 1) {
  console.error('BENCH_INVOICES must be a positive integer');
  process.exit(2);
}
// The real clock: the engine's pace is QBO's limits, and a compressed clock would hide the database's cost.
const syncScale = Number(process.env.BENCH_SYNC_SCALE ?? 1);
if (!(syncScale > 0)) {
  console.error('BENCH_SYNC_SCALE must be a positive number');
  process.exit(2);
}
console.log(`\nSync engine push: ${invoices} invoices (plus their customers) in one run, US company, clock x${syncScale}`);
const s = await benchSyncPush({ invoices, scale: syncScale });
console.log(
  [
    `  run                ${s.status}: ${s.pushed} records pushed (${s.customers} customers + ${s.invoices} invoices)`,
    `  in QBO             ${s.inQbo < 0 ? 'DUPLICATE DocNumbers' : `${s.inQbo} invoices, each once`}`,
    `  virtual time       ${s.virtualMinutes.toFixed(2)} min (${s.realSeconds.toFixed(1)} s real)`,
    `  calls              ${s.requests} requests: ${s.batchCalls} batch calls carrying ${s.batchedItems} records (${(s.batchedItems / Math.max(1, s.batchCalls)).toFixed(1)} per call, at most 30), ${s.singleCreates} single-call creates, ${s.requests - s.batchCalls - s.singleCreates} lookups and other calls`,
    `  throughput         ${s.perMinute.toFixed(0)} records/min on the sandbox clock: ${((s.perMinute / s.batchCeilingPerMinute) * 100).toFixed(1)}% of the ceiling (${s.batchCeilingPerMinute}/min: 40 batch calls of 30 + 460 single calls)`,
    `  real time          ${s.realPerMinute.toFixed(0)} records per real minute`,
    `  429s met           ${s.throttled}`,
  ].join('\n'),
);
if (s.inQbo !== s.invoices || s.status !== 'SUCCEEDED') process.exitCode = 1;
}

if (wants('lists')) {
const tenants = Number(process.env.BENCH_LIST_TENANTS ?? 1000);
const perTenant = Number(process.env.BENCH_LIST_INVOICES ?? 200);
if (!Number.isInteger(tenants) || tenants < 1 || !Number.isInteger(perTenant) || perTenant < 4) {
  console.error('BENCH_LIST_TENANTS must be a positive integer and BENCH_LIST_INVOICES an integer of at least 4');
  process.exit(2);
}
console.log(`\nLists at scale: ${tenants} businesses, each with its chart of accounts, ${perTenant} invoices, ${perTenant / 4} customers, ${perTenant / 2} payments and their sync mappings; ${process.env.BENCH_LIST_CONCURRENCY ?? 10} concurrent readers`);
const l = await benchListScale({ tenants, invoices: perTenant, requests: Number(process.env.BENCH_LIST_REQUESTS ?? 500), concurrency: Number(process.env.BENCH_LIST_CONCURRENCY ?? 10) });
console.log(`  database           ${l.documents} documents${l.seededSeconds === null ? ' (seeded before: BENCH_LIST_DIR)' : `, seeded in ${l.seededSeconds.toFixed(0)} s`}`);
for (const r of l.lists) {
  console.log(`  ${r.name.padEnd(32)} p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (${r.requests} requests, ${r.rows} rows each)${r.p99 < 100 ? '' : '  ABOVE the 100 ms target'}`);
}
}

if (wants('fanout')) {
  const subscribers = Number(process.env.BENCH_FANOUT_SUBSCRIBERS ?? 1000);
  const invoices = Number(process.env.BENCH_FANOUT_INVOICES ?? 150);
  if (![subscribers, invoices].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('BENCH_FANOUT_SUBSCRIBERS and BENCH_FANOUT_INVOICES must be positive integers');
    process.exit(2);
  }
  console.log(`\nProgress fan-out: ${subscribers} WebSocket subscribers over three gateway processes (one database, one Redis) watching one run of ${invoices} invoices`);
  const f = await benchFanout({ subscribers, invoices });
  console.log(
    [
      `  run                ${f.status} in ${f.runSeconds.toFixed(1)} s, ${f.events} progress events: ${f.eventsPerSecond.toFixed(2)} events/s (goal: at most 5)`,
      `  delivered          ${f.complete} of ${f.subscribers} subscribers got every event, ${f.missing} copies missing (goal: 0)`,
      `  publish->delivery  p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms (goal: p99 under 100 ms)`,
    ].join('\n'),
  );
  if (f.missing > 0 || f.status !== 'SUCCEEDED') process.exitCode = 1;
}
