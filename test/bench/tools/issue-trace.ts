/**
 * Experiments: where a rush's slow issues spend their time. Run the bench with
 * BENCH_TRACE_DIR=dir (kiosks.ts and hub-process.ts write their traces there), then
 * `npx tsx test/bench/tools/issue-trace.ts dir`. Joins each hub issue by its idempotency key:
 * out = emit -> engine.io packet in the hub (client send, loopback, the hub's loop reading),
 * dispatch = packet -> submit, exec = submit -> ack, back = ack -> the kiosk's callback; and how
 * much of `out` and `exec` the hub's loop spent in a transaction (Tx), a broadcast (Bc), a WAL
 * checkpoint (Cp) or a V8 garbage collection (Gc; GC inside a transaction or broadcast counts in both).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/trace';
const hub = JSON.parse(readFileSync(join(dir, 'hub.json'), 'utf8')) as { issues: Array<[string, number, number, number]>; spans: Array<[string, number, number]> };
const kiosk = new Map<string, [number, number]>();
for (const f of readdirSync(dir).filter((f) => f.startsWith('kiosk-'))) {
  for (const [k, s, r] of JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<[string, number, number]>) kiosk.set(k, [s, r]);
}
const spans = hub.spans.sort((a, b) => a[1] - b[1]);
function busyIn(from: number, to: number, kind: string): number {
  let t = 0;
  for (const [k, s, e] of spans) {
    if (k !== kind || e < from) continue;
    if (s > to) break;
    t += Math.min(e, to) - Math.max(s, from);
  }
  return t;
}
const rows = hub.issues.flatMap(([key, packet, submit, ack]) => {
  const c = kiosk.get(key);
  if (!c) return [];
  const [sent, recv] = c;
  return [{ total: recv - sent, out: packet - sent, dispatch: submit - packet, exec: ack - submit, back: recv - ack, outTx: busyIn(sent, packet, 'tx'), outBc: busyIn(sent, packet, 'broadcast'), outCp: busyIn(sent, packet, 'checkpoint'), outGc: busyIn(sent, packet, 'gc'), execTx: busyIn(submit, ack, 'tx'), execBc: busyIn(submit, ack, 'broadcast'), execCp: busyIn(submit, ack, 'checkpoint'), execGc: busyIn(submit, ack, 'gc'), backGc: busyIn(ack, recv, 'gc') }];
});
rows.sort((a, b) => a.total - b.total);
const q = (p: number) => rows[Math.min(rows.length - 1, Math.floor(p * rows.length))];
type Row = (typeof rows)[number];
const mean = (list: Row[], k: keyof Row) => list.reduce((s, r) => s + r[k], 0) / list.length;
const keys: Array<keyof Row> = ['total', 'out', 'outTx', 'outBc', 'outCp', 'outGc', 'dispatch', 'exec', 'execTx', 'execBc', 'execCp', 'execGc', 'back', 'backGc'];
for (const kind of ['tx', 'broadcast', 'checkpoint', 'gc']) {
  const d = spans.filter((s) => s[0] === kind).map((s) => s[2] - s[1]).sort((a, b) => a - b);
  if (d.length > 0) console.log(`${kind}: n=${d.length} p50=${d[Math.floor(d.length / 2)]?.toFixed(2)} p99=${d[Math.floor(d.length * 0.99)]?.toFixed(2)} max=${d.at(-1)?.toFixed(2)} total=${d.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
}
console.log(`joined ${rows.length} issues (hub ${hub.issues.length}, kiosk ${kiosk.size})`);
console.log(['', ...keys].map((k) => String(k).padStart(9)).join(''));
for (const [name, list] of [
  ['all', rows],
  ['p50-p90', rows.slice(Math.floor(rows.length * 0.5), Math.floor(rows.length * 0.9))],
  ['p90-p99', rows.slice(Math.floor(rows.length * 0.9), Math.floor(rows.length * 0.99))],
  ['top 1%', rows.slice(Math.floor(rows.length * 0.99))],
] as Array<[string, Row[]]>) {
  console.log([name.padStart(9), ...keys.map((k) => mean(list, k).toFixed(2).padStart(9))].join(''));
}
console.log(`p50 ${q(0.5)?.total.toFixed(2)} p99 ${q(0.99)?.total.toFixed(2)}`);
console.log('slowest 15:');
for (const r of rows.slice(-15)) console.log(keys.map((k) => `${k}=${r[k].toFixed(2)}`).join(' '));
