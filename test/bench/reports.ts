/**
 * Report latency on one year of a busy service point:
 *   npx tsx test/bench/reports.ts [--quick] [--keep /tmp/year.sqlite]
 * (--quick: a tenth of the year's volume; --keep: keep the generated file, and reuse it when it
 * exists, to iterate on the queries without generating again).
 *
 * 1. Generates the year through prepared statements, one transaction per day, so the rollup
 *    triggers of migration 0005 maintain the rollups (reports how long); in memory, then written
 *    to a temp file (VACUUM INTO) that the reports read with the hub's pragmas.
 *    Nine tickets in ten are written once in their final state (the insert triggers), one in ten
 *    and every transfer through the hub's path (insert, then updates).
 * 2. Times buildReport (what the hub runs for /api/admin/reports/export) for every grouping over
 *    one month, the whole year and a year with ragged edges, 20 times each: p50 / max and the
 *    process's CPU time; PASS when max <= 100 ms.
 * 3. Times the same figures computed from the raw tables (the baseline the rollups replace) and
 *    checks that the totals agree.
 * 4. Measures what the triggers add to a ticket's writes.
 * Writes bench-reports.json at the repo root.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callTicket, finishTicket, serviceDayOf, startServing, type Ticket } from '@qms/core';
import { REPORT_GROUP_BYS, Store, migrate, openDatabase, type ReportGroupBy } from '@qms/store';
import { buildReport } from '../../apps/hub/src/reports/build-report';
import type { Report, ReportDirectory } from '../../apps/hub/src/reports/types';
import { generateYear, seedSite, siteConfig, workingDays, type Generated } from './reports-data';
import { rawReport } from './reports-raw';

const QUICK = process.argv.includes('--quick');
/** --keep <file>: generate into this file and keep it; run again with the same file to skip generation. */
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;
const YEAR = 2026;
const TICKETS = QUICK ? 100_000 : 1_000_000;
const DOSSIERS = QUICK ? 30_000 : 300_000;
const RUNS = 20;
/** The raw baseline is slow (seconds for a year): fewer runs. */
const RAW_RUNS = { month: 3, year: QUICK ? 2 : 1 } as const;
const LIMIT_MS = 100;
const TARGET_WAIT = 15;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const RANGES = [
  { name: 'month', from: `${YEAR}-11-01`, to: `${YEAR}-11-30` },
  { name: 'year', from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
  { name: 'year, ragged edges', from: `${YEAR}-01-02`, to: `${YEAR}-12-30` },
];

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}
const r1 = (x: number): number => Math.round(x * 10) / 10;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/**
 * What the rollups cost a hub write: µs per ticket lifecycle (issue, call, start, finish and a
 * rating for 3 in 10) through TicketRepo/RatingRepo, with and without the rollup triggers, in one
 * transaction so the commit's fsync does not hide it.
 */
function lifecycleCostUs(withTriggers: boolean, n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-write-'));
  const db = openDatabase(join(dir, 'hub.sqlite'));
  try {
    migrate(db);
    if (!withTriggers) {
      const triggers = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%rollup%' OR name LIKE '%month%')")
        .all();
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    }
    const store = new Store(db);
    const t0 = Date.UTC(YEAR, 10, 23, 1);
    seedSite(store, t0);
    const { fields, counters } = siteConfig();
    // as on a hub: November (the tickets' month) is the open month, its changes write day rows only (migration 0007)
    store.reports.foldMonths(`${YEAR}-11`);
    const started = performance.now();
    store.transaction(() => {
      for (let i = 0; i < n; i++) {
        const field = fields[i % fields.length]!;
        const counter = counters[i % counters.length]!;
        const issuedAt = t0 + i * 1000;
        let t: Ticket = {
          id: `w${i}`, serviceDay: `${YEAR}-11-23`, fieldId: field.id, numberFieldId: field.id, seq: i + 1, number: String(i + 1),
          priorityGroup: null, status: 'waiting', issuedAt, calledAt: null, servingAt: null, finishedAt: null, counterId: null,
          officerId: null, callCount: 0, targetCounterId: null, transferCount: 0, note: null, source: 'kiosk', issuedBy: 'kiosk-1',
        };
        store.tickets.insert(t);
        t = callTicket(t, { counterId: counter.id, officerId: `o${(i % 25) + 1}`, at: issuedAt + (i % 47) * 60_000 });
        store.tickets.update(t);
        t = startServing(t, { at: t.calledAt! + 30_000 });
        store.tickets.update(t);
        t = finishTicket(t, { at: t.servingAt! + (i % 13) * 60_000 });
        store.tickets.update(t);
        if (i % 10 < 3) store.ratings.save({ ticketId: t.id, counterId: t.counterId, officerId: t.officerId, level: 'satisfied', at: t.finishedAt! + 1, deviceId: null });
      }
    });
    return ((performance.now() - started) * 1000) / n;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures of a kept file generated earlier (--keep), without generating again. */
function regenerated(path: string): Generated {
  const { fields, counters, officers } = siteConfig();
  const days = workingDays(YEAR, 250);
  const db = openDatabase(path);
  const count = (t: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const n = { tickets: count('tickets'), ratings: count('ratings'), dossiers: count('dossiers') };
  db.close();
  const last = days[days.length - 1]!;
  return { days, fields, counters, officers, ...n, now: Date.parse(`${last}T10:00:00Z`) };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-reports-'));
  const path = KEEP ?? join(dir, 'hub.sqlite');
  const reuse = KEEP !== undefined && existsSync(KEEP);
  let gen: { ms: number; value: Generated };
  let copyMs = 0;
  if (reuse) {
    gen = { ms: 0, value: regenerated(path) };
  } else {
    // Generated in memory (the same schema, triggers and statements; the disk would only add the
    // page writes of 250 big transactions), then written to a file the reports read like a hub.
    console.log(`generating ${TICKETS.toLocaleString('en')} tickets and ${DOSSIERS.toLocaleString('en')} dossiers of ${YEAR} …`);
    const mem = openDatabase(':memory:');
    migrate(mem);
    const memStore = new Store(mem);
    gen = time(() => generateYear(memStore, { year: YEAR, tickets: TICKETS, dossiers: DOSSIERS, seed: 2026 }));
    copyMs = time(() => mem.exec(`VACUUM INTO '${path.replaceAll("'", "''")}'`)).ms;
    memStore.close();
  }
  const db = openDatabase(path);
  migrate(db);
  db.exec('ANALYZE');
  const store = new Store(db);
  try {
    const g = gen.value;
    const sizeMb = statSync(path).size / 1e6;
    const rollupRows = Object.fromEntries(
      ['ticket_daily', 'ticket_monthly', 'wait_hist', 'wait_hist_monthly', 'service_hist', 'service_hist_monthly', 'arrivals_hourly', 'arrivals_monthly', 'dossier_cohort'].map(
        (t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n],
      ),
    );
    console.log(
      `${reuse ? `reused ${path}` : `generated in ${r1(gen.ms / 1000)} s (+ ${r1(copyMs / 1000)} s to write the file)`}: ` +
        `${g.tickets} tickets, ${g.ratings} ratings, ${g.dossiers} dossiers over ${g.days.length} days; ` +
        `file ${r1(sizeMb)} MB; rollup rows ${JSON.stringify(rollupRows)}`,
    );

    const names = new Map(g.officers.map((o) => [o.id, o.fullName]));
    const directory: ReportDirectory = { fields: () => g.fields, counters: () => g.counters, officerName: (id) => names.get(id) ?? null };
    const today = serviceDayOf(g.now);
    // as on a hub: the day rollover has opened today's month, whose figures are read from the day rows (migration 0007)
    store.reports.foldMonths(today.slice(0, 7));
    console.log(`open month ${store.reports.openMonth()}: months before it from the month tables, it and the edge days from the day tables`);

    const results: Array<{
      range: string;
      from: string;
      to: string;
      groupBy: ReportGroupBy;
      p50Ms: number;
      maxMs: number;
      cpuMaxMs: number;
      pass: boolean;
    }> = [];
    console.log(`\nbuildReport, ${RUNS} runs each (limit ${LIMIT_MS} ms; load average ${loadavg().map(r1).join(' ')} on ${cpus().length} cores)`);
    console.log('range                 groupBy    p50 ms   max ms   cpu max ms   result');
    const reports = new Map<string, Report>();
    for (const range of RANGES) {
      for (const groupBy of REPORT_GROUP_BYS) {
        const samples: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const c0 = process.cpuUsage();
          const t = time(() => buildReport(store, directory, { from: range.from, to: range.to, groupBy, targetWaitMinutes: TARGET_WAIT, now: g.now, asOf: g.now }));
          const c = process.cpuUsage(c0);
          samples.push(t.ms);
          cpu.push((c.user + c.system) / 1000);
          reports.set(`${range.name}/${groupBy}`, t.value);
        }
        samples.sort((a, b) => a - b);
        const p50 = r1(pct(samples, 50));
        const max = r1(samples[samples.length - 1] ?? Number.NaN);
        const cpuMax = r1(Math.max(...cpu));
        // wall clock over the limit while the process's own CPU time was under it: other load on the machine
        const pass = max <= LIMIT_MS;
        const verdict = pass ? 'PASS' : cpuMax <= LIMIT_MS && p50 <= LIMIT_MS ? 'FAIL (wall only: machine busy)' : 'FAIL';
        results.push({ range: range.name, from: range.from, to: range.to, groupBy, p50Ms: p50, maxMs: max, cpuMaxMs: cpuMax, pass });
        console.log(
          `${range.name.padEnd(21)} ${groupBy.padEnd(8)} ${String(p50).padStart(8)} ${String(max).padStart(8)} ${String(cpuMax).padStart(12)}   ${verdict}`,
        );
      }
    }

    console.log(`\nraw baseline (same figures from the raw tables), ${RAW_RUNS.month} runs for the month, ${RAW_RUNS.year} for the year`);
    console.log('range                 groupBy    p50 ms   max ms   totals agree');
    const raw: Array<{ range: string; groupBy: ReportGroupBy; p50Ms: number; maxMs: number; totalsAgree: boolean }> = [];
    for (const range of RANGES.slice(0, 2)) {
      for (const groupBy of REPORT_GROUP_BYS) {
        const samples: number[] = [];
        let last: ReturnType<typeof rawReport> | null = null;
        for (let i = 0; i < RAW_RUNS[range.name === 'month' ? 'month' : 'year']; i++) {
          const t = time(() => rawReport(db, range.from, range.to, groupBy, today, TARGET_WAIT));
          samples.push(t.ms);
          last = t.value;
        }
        samples.sort((a, b) => a - b);
        const rep = reports.get(`${range.name}/${groupBy}`)!;
        const sum = (f: (r: ReturnType<typeof rawReport>['rows'][number]) => number): number => last!.rows.reduce((s, r) => s + f(r), 0);
        const t = rep.totals.tickets;
        const d = rep.dossiers.totals;
        const rawD = last!.dossiers.reduce((s, x) => ({ received: s.received + x.received, resolved: s.resolved + x.resolved, overdue: s.overdue + x.overdue }), { received: 0, resolved: 0, overdue: 0 });
        const agree =
          sum((r) => r.issued) === t.issued && sum((r) => r.served) === t.served && sum((r) => r.noShow) === t.noShow &&
          sum((r) => r.cancelled) === t.cancelled && sum((r) => r.transferred) === t.transferred &&
          last!.arrivalsByHour.every((n, h) => n === rep.arrivalsByHour[h]) &&
          // as of now; the raw figures know nothing of dossiers carried over from before the range
          rawD.received === d.received && d.toResolve === d.resolved + d.inProgress &&
          (d.carriedOver > 0 || (rawD.resolved === d.resolved && rawD.overdue === d.overdue));
        const p50 = r1(pct(samples, 50));
        const max = r1(samples[samples.length - 1] ?? Number.NaN);
        raw.push({ range: range.name, groupBy, p50Ms: p50, maxMs: max, totalsAgree: agree });
        console.log(`${range.name.padEnd(21)} ${groupBy.padEnd(8)} ${String(p50).padStart(8)} ${String(max).padStart(8)}   ${agree ? 'yes' : 'NO'}`);
      }
    }

    const year = reports.get('year/all')!;
    console.log(
      `\nyear totals: issued ${year.totals.tickets.issued}, served ${year.totals.tickets.served}, wait avg ${r1(year.totals.wait.avgMin ?? 0)} / ` +
        `median ${r1(year.totals.wait.medianMin ?? 0)} / p90 ${r1(year.totals.wait.p90Min ?? 0)} min, within ${TARGET_WAIT} min ` +
        `${r1((year.totals.wait.withinTargetShare ?? 0) * 100)} %; dossiers received ${year.dossiers.totals.received}, ` +
        `resolved ${year.dossiers.totals.resolved}, overdue ${year.dossiers.totals.overdue}`,
    );
    const writeN = QUICK ? 5_000 : 20_000;
    const bare = lifecycleCostUs(false, writeN);
    const rolled = lifecycleCostUs(true, writeN);
    console.log(
      `write cost per ticket lifecycle (issue, call, start, finish, 30 % rated; ${writeN} in one transaction): ` +
        `${r1(bare)} µs without the rollup triggers, ${r1(rolled)} µs with them (+${r1(rolled - bare)} µs)`,
    );
    const allPass = results.every((r) => r.pass) && raw.every((r) => r.totalsAgree);
    const out = {
      at: new Date().toISOString(),
      quick: QUICK,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, loadAverageAtEnd: loadavg().map(r1) },
      writeCostUsPerTicket: { withoutRollups: r1(bare), withRollups: r1(rolled) },
      generation: {
        tickets: g.tickets,
        ratings: g.ratings,
        dossiers: g.dossiers,
        days: g.days.length,
        inMemorySeconds: r1(gen.ms / 1000),
        writeFileSeconds: r1(copyMs / 1000),
        fileMb: r1(sizeMb),
        rollupRows,
      },
      limitMs: LIMIT_MS,
      runs: RUNS,
      reports: results,
      rawBaseline: raw,
      pass: allPass,
    };
    writeFileSync(join(ROOT, 'bench-reports.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\n${allPass ? 'PASS' : 'FAIL'}: every report <= ${LIMIT_MS} ms and totals agree with the raw tables; wrote bench-reports.json`);
    process.exitCode = allPass ? 0 : 1;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    if (KEEP) console.log(`kept ${KEEP}`);
  }
}

main();
