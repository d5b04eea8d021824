import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, seedDemoSite, type DemoCredentials, type Hub } from '@qms/hub';
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
  /** Officer client that has opened `counterId` and received its snapshot. */
  officerAt(username: string, counterId: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** A real hub on loopback with a real SQLite file in a temp folder, seeded with the demo ward. */
export async function startTestHub(options: { clock?: FakeClock } = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-test-'));
  const dbPath = join(dir, 'qms.sqlite');
  const db = openDatabase(dbPath);
  migrate(db);
  const store = new Store(db);
  const clock = options.clock ?? new FakeClock();
  const creds = await seedDemoSite(store, clock);
  const logger = pino({ level: process.env.QMS_TEST_LOG ?? 'error' }, pino.destination(2));
  const hub = createHub({ store, clock, logger });
  const { url } = await hub.listen(0, '127.0.0.1');
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
    close: async () => {
      for (const c of clients) c.close();
      await hub.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
