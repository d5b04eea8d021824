/**
 * The as-of dossier report on one year of a busy site (300,000 dossiers), against the rollup
 * read it replaced, measured in the same run on the same file:
 *   npx tsx test/bench/dossier-as-of.ts [--quick]
 * Generates 2025's dossiers (35 % in person, 60 % online, 5 % by post; due in 3-15 days;
 * 95 % resolved 1-20 days after reception, the rest open) with prepared INSERTs in one
 * transaction (the 0005 rollup triggers run), then times, 15 runs each, p50 and max:
 * - rollup: ReportRepo.dossierCohort + openDossiers (what reports read before 0010);
 * - as of:  DossierReportRepo.asOf, as of the end of the range;
 * for a month, a quarter and the year, grouped by field and by counter.
 * Prints a table; docs/decisions/0001-as-of-dossier-report.md records a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, migrate, openDatabase, type DossierGroupBy } from '@qms/store';

const QUICK = process.argv.includes('--quick');
const N = QUICK ? 30_000 : 300_000;
const RUNS = 15;
const at = (day: string, hh: number): number => Date.parse(`${day}T00:00:00Z`) + (hh - 7) * 3_600_000;
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let seed = 2025;
const rnd = (): number => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
const pick = (n: number): number => Math.floor(rnd() * n);

function generate(store: Store): void {
  const db = store.db;
  const field = db.prepare(`INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
    VALUES (?, ?, ?, ?, 'prefixed', ?, 1, 999, 3, ?)`);
  for (let f = 0; f < 8; f += 1) field.run(`f${f}`, `F${f}`, `Lĩnh vực ${f}`, `Field ${f}`, String.fromCharCode(65 + f), f);
  const proc = db.prepare(`INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES (?, ?, ?, ?, 5)`);
  for (let p = 0; p < 40; p += 1) proc.run(`p${p}`, `f${p % 8}`, `P${p}`, `Thủ tục ${p}`);
  const counter = db.prepare(`INSERT INTO counters (id, number, name, kind) VALUES (?, ?, ?, 'receiving')`);
  for (let c = 0; c < 20; c += 1) counter.run(`c${c}`, c + 1, `Quầy ${c + 1}`);
  const officer = db.prepare(`INSERT INTO officers (id, username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, 'officer', 'x', 0)`);
  for (let o = 0; o < 25; o += 1) officer.run(`o${o}`, `u${o}`, `Cán bộ ${o}`);
  const insert = db.prepare(`INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status,
      resolved_at, returned_at, counter_id, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const days: string[] = [];
  for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) days.push(d);
  store.transaction(() => {
    for (let i = 0; i < N; i += 1) {
      const day = days[Math.floor((i * days.length) / N)]!;
      const p = pick(40);
      const r = rnd();
      const channel = r < 0.35 ? 'counter' : r < 0.95 ? 'online' : 'post';
      const receivedAt = at(day, 8) + pick(8 * 3_600_000);
      const resolved = rnd() < 0.95 ? receivedAt + (1 + pick(20)) * 86_400_000 : null;
      const inPerson = channel === 'counter';
      insert.run(`d${i}`, `C-${i}`, `p${p}`, `f${p % 8}`, channel, receivedAt, day, addDays(day, 3 + pick(13)), resolved === null ? 'processing' : 'returned',
        resolved, resolved, inPerson ? `c${pick(20)}` : null, inPerson ? `o${pick(25)}` : null);
    }
  });
}

function time(f: () => unknown): { p50: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(ms[Math.floor(RUNS / 2)]! * 10) / 10, max: Math.round(ms[RUNS - 1]! * 10) / 10 };
}

const dir = mkdtempSync(join(tmpdir(), 'qms-bench-asof-'));
try {
  const db = openDatabase(join(dir, 'hub.sqlite'));
  migrate(db);
  const store = new Store(db);
  const t0 = performance.now();
  generate(store);
  console.log(`generated ${N.toLocaleString('en')} dossiers in ${Math.round(performance.now() - t0)} ms`);
  store.db.exec('ANALYZE');
  const ranges = [['month', '2025-06-01', '2025-06-30'], ['quarter', '2025-07-01', '2025-09-30'], ['year', '2025-01-01', '2025-12-31']] as const;
  console.log('range    groupBy  rollup p50/max ms   as-of p50/max ms   ratio p50   received / carried over');
  for (const [name, from, to] of ranges) {
    for (const groupBy of ['field', 'counter'] as DossierGroupBy[]) {
      const rollupGroup = groupBy === 'field' ? 'field' : 'all';
      const q = { from, to, groupBy: rollupGroup } as const;
      const rollup = time(() => [store.reports.dossierCohort(q), store.reports.openDossiers(q, '2026-01-20')]);
      const aq = { from, to, groupBy, fromStart: at(from, 0), asOf: at(addDays(to, 1), 0) - 1, asOfDay: to };
      const asOf = time(() => store.dossierReports.asOf(aq));
      const sums = store.dossierReports.asOf(aq);
      const received = sums.reduce((n, s) => n + s.receivedCounter + s.receivedOnline + s.receivedPost, 0);
      const carried = sums.reduce((n, s) => n + s.carriedOver, 0);
      console.log(`${name.padEnd(8)} ${groupBy.padEnd(8)} ${`${rollup.p50} / ${rollup.max}`.padStart(17)}   ${`${asOf.p50} / ${asOf.max}`.padStart(16)}   ${(asOf.p50 / rollup.p50).toFixed(1).padStart(9)}   ${received} / ${carried}`);
    }
  }
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
