/**
 * Which pages a command writes to the WAL: runs issue + call-next in-process (like
 * stmt-profile.ts) with checkpoints off, then reads the WAL file's frame headers and names each
 * page's table or index through the dbstat virtual table.
 * `npx tsx test/bench/tools/wal-pages.ts [N]`. Env NO_ROLLUPS=1 drops the ticket rollup triggers.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@qms/store';
import { dropTicketRollups, startDemoHub } from './demo-hub';

const N = Number(process.argv[2] ?? 200);
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-walpages-'));
  const path = join(dir, 'q.sqlite');
  const db = openDatabase(path);
  migrate(db);
  if (process.env.NO_ROLLUPS) dropTicketRollups(db);
  const { hub, ex, counters, officers, kiosk, fields } = await startDemoHub(db, { checkpoints: false });
  let next = 0;
  let commits = 0;
  const round = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const issued = await ex.execute(kiosk, 'ticket:issue', { fieldId: fields[i % fields.length], idempotencyKey: `kiosk-key-${i}` });
      if (!issued.ok) throw new Error(`issue failed: ${JSON.stringify(issued)}`);
      commits++;
      for (let tries = 0; tries < counters.length; tries++) {
        const k = next++ % counters.length;
        const r = await ex.execute(officers[k]!, 'counter:callNext', { counterId: counters[k]!.id, idempotencyKey: `call-key-${i}-${tries}` });
        commits++;
        if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
        if ((r.data as { ticket: unknown }).ticket !== null) break;
      }
    }
  };
  await round(0, 1000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  commits = 0;
  await round(1000, 1000 + N);
  const names = new Map<number, string>();
  for (const r of db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>) names.set(r.pageno, r.name);
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const byName = new Map<string, number>();
  let frames = 0;
  let commitFrames = 0;
  for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) {
    const page = wal.readUInt32BE(off);
    const commitSize = wal.readUInt32BE(off + 4);
    frames++;
    if (commitSize > 0) commitFrames++;
    const name = names.get(page) ?? `page ${page} (free or new)`;
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  // a checkpoint that restarted the WAL mid-run would have overwritten frames: the counts would be short
  if (commitFrames !== commits) throw new Error(`${commitFrames} commit marks in the WAL for ${commits} commits`);
  console.log(`${N} issue + call-next pairs: ${commits} commits, ${frames} WAL frames (${commitFrames} commit marks), ${(frames / commits).toFixed(2)} frames per commit`);
  for (const [name, n] of [...byName].sort((a, b) => b[1] - a[1])) console.log(`${(n / commits).toFixed(2).padStart(6)} per commit  ${name}`);
  await hub.close();
}
void main();
