/**
 * Where a hub command's time goes, statement by statement: drives the executor in-process (no
 * sockets) with an issue / call-next mix on a temp file (the line stays short, as in the rush)
 * and times every better-sqlite3 statement, plus the spread of COMMIT times.
 * `npx tsx test/bench/tools/stmt-profile.ts [N]`. Experiments (env): NO_AUTOCHECKPOINT=1 (no checkpoint
 * at all: neither the hub's nor SQLite's; pages per commit: see wal-pages.ts), CHECKPOINT_EVERY=N (neither; a PASSIVE one after every N
 * commands, timed apart), NO_ROLLUPS=1 (drops the report triggers), MONTHS_IN_WRITE_PATH=1 (month rollups
 * kept with every write, as before migration 0007), FULL_INDEXES=1 (the
 * three ticket indexes as before migration 0006), SYNC_NORMAL=1,
 * CACHE_KB=N, GAP_MS=N (idle between commands: the cold path), NO_WRAP=1 (no statement timing, for `node --cpu-prof`). Not part of `npm run bench`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@qms/store';
import { timeStatements } from '../child';
import { dropTicketRollups, startDemoHub } from './demo-hub';

const N = Number(process.argv[2] ?? 3000);
const times = new Map<string, { n: number; ms: number }>();
const commits: number[] = [];
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-stmt-'));
  const db = openDatabase(join(dir, 'q.sqlite'));
  migrate(db);
  // experiment: checkpoint outside the commits, after every N of them (timed separately)
  const checkpointEvery = Number(process.env.CHECKPOINT_EVERY ?? 0);
  const checkpoints: number[] = [];
  let sinceCheckpoint = 0;
  const afterCommand = () => {
    if (checkpointEvery > 0 && ++sinceCheckpoint >= checkpointEvery) {
      sinceCheckpoint = 0;
      const t0 = performance.now();
      db.pragma('wal_checkpoint(PASSIVE)');
      checkpoints.push(performance.now() - t0);
    }
  };
  // experiments: what the report rollup triggers and the ticket indexes cost
  if (process.env.NO_ROLLUPS) dropTicketRollups(db);
  // experiment: the three ticket indexes as they were before migration 0006 (full, not partial)
  if (process.env.FULL_INDEXES) {
    db.exec(`DROP INDEX tickets_counter; CREATE INDEX tickets_counter ON tickets (counter_id, status);
      DROP INDEX tickets_field_finished; CREATE INDEX tickets_field_finished ON tickets (field_id, finished_at);
      DROP INDEX tickets_officer_day; CREATE INDEX tickets_officer_day ON tickets (officer_id, service_day);`);
  }
  if (process.env.SYNC_NORMAL) db.pragma('synchronous = NORMAL');
  if (process.env.CACHE_KB) db.pragma(`cache_size = -${process.env.CACHE_KB}`);
  const { store, hub, ex, counters, officers, kiosk, fields } = await startDemoHub(db, {
    checkpoints: !(process.env.NO_AUTOCHECKPOINT || process.env.CHECKPOINT_EVERY),
  });
  // experiment: month rollups in the write path again, as before migration 0007 (the hub opened this month at its first command)
  if (process.env.MONTHS_IN_WRITE_PATH) db.prepare("UPDATE rollup_state SET open_month = '9999-12'").run();
  if (!process.env.NO_WRAP) {
    timeStatements(db, ['run', 'get', 'all'], (method, sql, ms) => {
      if (sql === 'COMMIT') commits.push(ms);
      const key = `${method} ${sql.slice(0, 90)}`;
      const e = times.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += ms;
      times.set(key, e);
    });
  }
  const cmd = new Map<string, { n: number; ms: number }>();
  // experiment: idle between commands (GAP_MS), so each one finds caches and the machine cold, like the soak's pace
  const gapMs = Number(process.env.GAP_MS ?? 0);
  const t = async (name: string, f: () => Promise<{ ok: boolean }>) => {
    const t0 = performance.now();
    const r = await f();
    afterCommand();
    const e = cmd.get(name) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += performance.now() - t0;
    cmd.set(name, e);
    if (!r.ok && name === 'issue') console.log(JSON.stringify(r));
    // the idle gap comes after the command's time is taken
    if (gapMs > 0) await new Promise((done) => setTimeout(done, gapMs));
  };
  // like the bench's paced rush: the line stays short (each ticket is called soon after it is issued)
  let next = 0;
  for (let i = 0; i < N; i++) {
    await t('issue', () => ex.execute(kiosk, 'ticket:issue', { fieldId: fields[i % fields.length], idempotencyKey: `kiosk-key-${i}` }));
    for (let tries = 0; tries < counters.length; tries++) {
      const k = next++ % counters.length;
      let got = false;
      await t('call', async () => {
        const r = await ex.execute(officers[k]!, 'counter:callNext', { counterId: counters[k]!.id, idempotencyKey: `call-key-${i}-${tries}` });
        got = r.ok && (r.data as { ticket: unknown }).ticket !== null;
        return r;
      });
      if (got) break;
    }
  }
  console.log('waiting at the end:', [...store.tickets.waitingCounts(store.tickets.active('x').length ? 'x' : (store.db.prepare('SELECT service_day AS d FROM tickets LIMIT 1').get() as { d: string }).d).values()]);
  const rows = [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  for (const [k, v] of rows) console.log(`${(v.ms / N).toFixed(4).padStart(8)} ms/iter ${String(v.n).padStart(6)} × ${(v.ms * 1000 / v.n).toFixed(1).padStart(7)} µs  ${k}`);
  for (const [k, v] of cmd) console.log(`${k}: ${(v.ms / v.n * 1000).toFixed(1)} µs mean`);
  commits.sort((a, b) => a - b);
  const q = (p: number) => (commits[Math.min(commits.length - 1, Math.floor(p * commits.length))] ?? 0).toFixed(3);
  console.log(`COMMIT ms: p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} p99.9 ${q(0.999)} max ${q(1)}`);
  if (checkpoints.length > 0) {
    checkpoints.sort((a, b) => a - b);
    const c = (p: number) => (checkpoints[Math.min(checkpoints.length - 1, Math.floor(p * checkpoints.length))] ?? 0).toFixed(3);
    console.log(`checkpoints (every ${checkpointEvery} commands, outside the commits) ${checkpoints.length}: p50 ${c(0.5)} p99 ${c(0.99)} max ${c(1)} ms`);
  }
  await hub.close();
}
main();
