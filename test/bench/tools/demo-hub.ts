/**
 * The in-process hub the statement tools drive (no sockets): the demo ward on a migrated
 * database, every counter opened by its officer, the kiosk's anti-hoarding limit lifted.
 */
import { createHub, seedDemoSite, systemClock } from '@qms/hub';
import { Store, type Db } from '@qms/store';

/** Experiment only: drops the report rollup triggers on tickets (reports are then wrong). */
export function dropTicketRollups(db: Db): void {
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tickets_rollup%'").all() as Array<{ name: string }>) {
    db.exec(`DROP TRIGGER ${name}`);
  }
}

/** More commits or WAL pages than any run of the tools reaches. */
const NEVER = 2 ** 30;

/**
 * `checkpoints: false` turns off both the hub's deferred checkpoints and SQLite's auto-checkpoint
 * (createHub sets the latter as a backstop, so a `wal_autocheckpoint = 0` set before it is undone).
 */
export async function startDemoHub(db: Db, options: { checkpoints?: boolean } = {}) {
  const store = new Store(db);
  await seedDemoSite(store, systemClock);
  const hub = createHub({ store, alwaysOpen: true });
  if (options.checkpoints === false) store.deferCheckpoints({ everyCommits: NEVER, backstopPages: NEVER });
  const ex = hub.executor;
  const counters = store.config.counters();
  const officers = counters.map((_c, i) => ({ role: 'officer' as const, id: `canbo${i + 1}`, name: 'x', deviceId: null }));
  const dev = store.accounts.devices().find((d) => d.kind === 'kiosk')!;
  store.accounts.saveDevice({ ...dev, settings: { maxTicketsPerMinute: 1e9 } }, store.accounts.deviceTokenHash(dev.id)!);
  const kiosk = { role: 'kiosk' as const, id: dev.id, name: 'k', deviceId: dev.id };
  for (const [i, c] of counters.entries()) {
    const opened = await ex.execute(officers[i]!, 'counter:open', { counterId: c.id });
    if (!opened.ok) throw new Error(`counter:open failed: ${JSON.stringify(opened)}`);
  }
  const fields = store.config.fields().filter((f) => f.enabled).map((f) => f.id);
  return { store, hub, ex, counters, officers, kiosk, fields };
}
