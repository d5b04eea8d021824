/**
 * Child process: a real hub on a temp SQLite file, seeded with the demo ward plus counters
 * q9..q30 (all fields) and officers canbo9..canbo30, so 30 officers can each hold a counter.
 * Talks to the bench over IPC (see child.ts). Run: node --import tsx test/bench/hub-process.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, demoFields, hashPassword, seedDemoSite, systemClock } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import { onParentGone, usageMeter, type ToChild } from './child';
import { summarize } from './stats';

export const COUNTERS = 30;

export interface CounterLogin {
  counterId: string;
  username: string;
  password: string;
}

export interface HubReady {
  url: string;
  kioskToken: string;
  displayToken: string;
  fieldIds: string[];
  counters: CounterLogin[];
}

async function seed(store: Store): Promise<Omit<HubReady, 'url'>> {
  const now = systemClock.now();
  const creds = await seedDemoSite(store, systemClock);
  const fields = demoFields();
  const password = 'bench-password-1';
  const hash = await hashPassword(password);
  const counters: CounterLogin[] = creds.officers.map((o, i) => ({ counterId: `q${i + 1}`, username: o.username, password: o.password }));
  store.transaction(() => {
    // The demo ranges hold 999 numbers per field and day; a 10,000-ticket rush needs more.
    fields.forEach((f, i) =>
      store.config.saveField({ ...f, numberFormat: { ...f.numberFormat, rangeStart: (i + 1) * 10_000 + 1, rangeEnd: (i + 1) * 10_000 + 9_999 } }),
    );
    for (let n = counters.length + 1; n <= COUNTERS; n++) {
      const username = `canbo${n}`;
      store.accounts.saveOfficer(
        { id: username, username, fullName: `Cán bộ ${n}`, role: 'officer', enabled: true, passwordHash: hash, failedLogins: 0, lockedUntil: null },
        now,
      );
      // Each extra counter serves every field, starting from a different one.
      const fieldIds = fields.map((_, k) => fields[(n + k) % fields.length]?.id ?? '');
      store.config.saveCounter({ id: `q${n}`, number: n, name: `Quầy ${n}`, kind: 'receiving', fieldIds, status: 'closed', officerId: null, consecutivePriorityCalls: 0, enabled: true });
      counters.push({ counterId: `q${n}`, username, password });
    }
  });
  return { kioskToken: creds.kioskToken, displayToken: creds.displayToken, fieldIds: fields.map((f) => f.id), counters };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qms-bench-hub-'));
  const store = new Store(openDatabase(join(dir, 'qms.sqlite')));
  migrate(store.db);
  const seeded = await seed(store);
  const hub = createHub({ store });
  const timings = instrument(hub.executor, store);
  const { url } = await hub.listen(0, '127.0.0.1');
  const meter = usageMeter();

  process.on('message', (m: ToChild) => {
    if (m.type === 'mark') {
      meter.mark();
      timings.clear();
    } else if (m.type === 'usage') {
      process.send?.({ type: 'usage', usage: { ...meter.read(), timings: timings.summary() } });
    }
  });
  onParentGone(async () => {
    await hub.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  process.send?.({ type: 'ready', url, ...seeded } satisfies { type: 'ready' } & HubReady);
}

/**
 * Times, inside the hub process, each command end to end (`exec:<name>`: validation, transaction,
 * commit, broadcast) and each write transaction alone (`tx`, including the fsync of the commit).
 * Wraps the two instances' methods; hub code is unchanged.
 */
function instrument(executor: { execute: (...a: never[]) => unknown }, store: Store) {
  const samples = new Map<string, number[]>();
  const add = (k: string, ms: number) => {
    const list = samples.get(k) ?? [];
    list.push(ms);
    samples.set(k, list);
  };
  const execute = executor.execute.bind(executor) as (actor: unknown, name: string, payload: unknown) => unknown;
  (executor as { execute: typeof execute }).execute = (actor, name, payload) => {
    const t0 = performance.now();
    try {
      return execute(actor, name, payload);
    } finally {
      add(`exec:${name}`, performance.now() - t0);
    }
  };
  const transaction = store.transaction.bind(store);
  store.transaction = <T>(fn: () => T): T => {
    const t0 = performance.now();
    try {
      return transaction(fn);
    } finally {
      add('tx', performance.now() - t0);
    }
  };
  return {
    clear: () => samples.clear(),
    summary: () => Object.fromEntries([...samples].map(([k, v]) => [k, summarize(v)])),
  };
}

main().catch((e: unknown) => {
  console.error('hub-process failed:', e);
  process.exit(1);
});
