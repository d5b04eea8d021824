/**
 * Child process of the soak: the real hub (createHub) on a temp SQLite file, seeded like the
 * bench's hub child (`seedLoadSite`, test/bench/load-site.ts) but sized for one ward: the demo ward plus
 * counters q9..q20 (all fields) and officers canbo9..canbo20, so 20 officers each hold a
 * counter; kiosks kiosk-1..kiosk-3 (one device token each) whose anti-hoarding limit is lifted
 * (the check still runs); number ranges widened to 9,999 per field. `alwaysOpen`, so the soak
 * runs at any hour. Bundled by test/soak/bundle.ts and run with plain node and the settings of
 * build/hub-runtime.json (test/bench/child.ts `Child`).
 *
 * Besides the bench's `usage` reply (RSS, V8 heap, CPU), each reply carries `db`: the file
 * sizes of the database and its WAL, the logical size (page_count x page_size, what the data
 * takes whether or not the WAL was checkpointed), and the number of event and ticket rows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import { seedLoadSite, type LoadSite } from '../bench/load-site';
import { answerUsage, onParentGone, runtimeInfo, usageMeter, type ChildUsage, type Runtime } from '../bench/child';

export const COUNTERS = 20;
export const KIOSK_DEVICES = 3;
const TICKETS_PER_MINUTE = 1_000_000;

export interface SoakReady extends LoadSite {
  url: string;
  dbPath: string;
  runtime?: Runtime;
}

export interface DbStats {
  fileBytes: number;
  walBytes: number;
  /** page_count x page_size as the hub's connection sees it (WAL content included). */
  logicalBytes: number;
  eventRows: number;
  ticketRows: number;
}

export type SoakUsage = ChildUsage & { db: DbStats };

const dir = mkdtempSync(join(tmpdir(), 'qms-soak-hub-'));
const dbPath = join(dir, 'qms.sqlite');

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const db = openDatabase(dbPath);
  migrate(db);
  const store = new Store(db);
  const seeded = await seedLoadSite(store, { counters: COUNTERS, kiosks: KIOSK_DEVICES, ticketsPerMinute: TICKETS_PER_MINUTE, password: 'soak-password-1' });
  // every simulated officer logs in from 127.0.0.1 at once: the per-address login limit would throttle them
  const hub = createHub({ store, alwaysOpen: true, addressLimits: { maxFailures: 10_000 } });
  const meter = usageMeter();
  const pageCount = db.prepare('PRAGMA page_count');
  const pageSize = db.prepare('PRAGMA page_size');
  const events = db.prepare('SELECT count(*) AS n FROM events');
  const tickets = db.prepare('SELECT count(*) AS n FROM tickets');
  const dbStats = (): DbStats => ({
    fileBytes: size(dbPath),
    walBytes: size(`${dbPath}-wal`),
    logicalBytes: (pageCount.pluck().get() as number) * (pageSize.pluck().get() as number),
    eventRows: (events.get() as { n: number }).n,
    ticketRows: (tickets.get() as { n: number }).n,
  });
  const { url } = await hub.listen(0, '127.0.0.1');
  // extra fields travel with the bench's usage reply (the parent reads them as SoakUsage)
  answerUsage(meter, { extra: () => ({ db: dbStats() }) as Partial<ChildUsage> });
  onParentGone(async () => {
    await hub.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  process.send?.({ type: 'ready', url, dbPath, ...seeded, runtime: runtimeInfo() } satisfies { type: 'ready' } & SoakReady);
}

main().catch((e: unknown) => {
  console.error('soak hub-process failed:', e);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
