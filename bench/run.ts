/**
 * `npm run bench`: throughput benchmarks against the QBO simulator on a compressed clock. Not a test:
 * it prints figures (records per virtual minute against QBO's ceiling, 429s met) for humans and notes.
 * BENCH_RECORDS and BENCH_SCALE tune the size and the time compression.
 */
import 'reflect-metadata';
import { benchQboClient } from './qbo-client.bench.js';

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
