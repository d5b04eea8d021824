import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, seedDemoSite, type DemoCredentials, type Hub, type HubOptions } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import pino from 'pino';
import { TestClient } from './client';
import { FakeClock } from './fake-clock';

export interface TestHub {
  hub: Hub;
  store: Store;
  clock: FakeClock;
  url: string;
  dir: string;
  dbPath: string;
  creds: DemoCredentials;
  kiosk(): TestClient;
  display(): TestClient;
  officer(username: string): TestClient;
  admin(): TestClient;
  /** Stops the hub and closes its database, as a crash or a stop would (the file stays). */
  stopHub(): Promise<void>;
  /** Starts a new hub on the same port and database file. */
  startHub(): Promise<void>;
  /** Officer client that has opened `counterId` and received its snapshot. */
  officerAt(username: string, counterId: string): Promise<TestClient>;
  close(): Promise<void>;
}

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

/** Sets the demo kiosk's anti-hoarding limit (device settings, as the admin screen will). */
export function setKioskLimit(store: Store, perMinute: number): void {
  const kiosk = store.accounts.devices().find((d) => d.id === 'kiosk-1');
  if (!kiosk) return;
  const row = store.db.prepare<[], { token_hash: string }>("SELECT token_hash FROM devices WHERE id = 'kiosk-1'").get();
  store.accounts.saveDevice({ ...kiosk, settings: { ...kiosk.settings, maxTicketsPerMinute: perMinute } }, row?.token_hash ?? '');
}

/** Seeds a demo database file for a hub started as a child process (`--seed none`), as main would. */
export async function prepareDemoDb(dbPath: string, kioskTicketsPerMinute = 100_000): Promise<DemoCredentials> {
  const db = openDatabase(dbPath);
  migrate(db);
  const store = new Store(db);
  const creds = await seedDemoSite(store, { now: () => Date.now() });
  setKioskLimit(store, kioskTicketsPerMinute);
  store.close();
  writeFileSync(`${dbPath}.demo-credentials.json`, JSON.stringify(creds));
  return creds;
}

/** A real hub on loopback with a real SQLite file in a temp folder, seeded with the demo ward. */
export interface TestHubOptions {
  clock?: FakeClock;
  /** Default true: tests run at any hour; the opening-hours tests turn it off. */
  alwaysOpen?: boolean;
  /** Kiosk anti-hoarding limit; default high so load tests are not throttled. */
  kioskTicketsPerMinute?: number;
  hubOptions?: Partial<HubOptions>;
}

export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-test-'));
  const dbPath = join(dir, 'qms.sqlite');
  const db = openDatabase(dbPath);
  migrate(db);
  const store = new Store(db);
  const clock = options.clock ?? new FakeClock();
  const creds = await seedDemoSite(store, clock);
  setKioskLimit(store, options.kioskTicketsPerMinute ?? 100_000);
  const logger = pino({ level: process.env.QMS_TEST_LOG ?? 'error' }, pino.destination(2));
  const make = (s: Store): Hub =>
    createHub({ store: s, clock, logger, alwaysOpen: options.alwaysOpen ?? true, webRoot: WEB_ROOT, ...options.hubOptions });
  const hub = make(store);
  const { url, port } = await hub.listen(0, '127.0.0.1');
  let running = true;
  const clients: TestClient[] = [];
  const track = (c: TestClient): TestClient => {
    clients.push(c);
    return c;
  };
  const passwordOf = (u: string): string =>
    u === 'admin' ? creds.admin.password : (creds.officers.find((o) => o.username === u)?.password ?? 'unknown');
  const t: TestHub = {
    hub,
    store,
    clock,
    url,
    dir,
    dbPath,
    creds,
    kiosk: () => track(new TestClient(url, { kind: 'device', token: creds.kioskToken })),
    display: () => track(new TestClient(url, { kind: 'device', token: creds.displayToken })),
    officer: (username) => track(new TestClient(url, { kind: 'password', username, password: passwordOf(username) })),
    admin: () => track(new TestClient(url, { kind: 'password', username: 'admin', password: creds.admin.password })),
    officerAt: async (username, counterId) => {
      const c = t.officer(username);
      await c.ready();
      const ack = await c.send('counter:open', { counterId });
      if (!ack.ok) throw new Error(`open ${counterId}: ${ack.error.code}`);
      return c;
    },
    stopHub: async () => {
      if (!running) return;
      running = false;
      await t.hub.close();
      t.store.close();
    },
    startHub: async () => {
      if (running) return;
      const db2 = openDatabase(dbPath);
      migrate(db2);
      t.store = new Store(db2);
      t.hub = make(t.store);
      await t.hub.listen(port, '127.0.0.1');
      running = true;
    },
    close: async () => {
      for (const c of clients) c.close();
      await t.stopHub();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
