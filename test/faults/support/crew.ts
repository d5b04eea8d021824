/**
 * The people of the rush, as live sockets: 3 kiosks (the demo kiosk's token), 4 officers at
 * q1..q4 (session tokens from /api/login, so a restarted hub lets them straight back in) and
 * 3 wall displays. `start()` runs the kiosk and officer loops until `stop()`.
 */
import type { DemoCredentials } from '@qms/hub';
import { health, login, sleep } from './hubs';
import { Ledger, RUSH_COUNTERS, kioskLoop, officerLoop, type NoShowPool, type RushControl } from './rush';
import { SyncedClient } from './synced-client';

export interface Crew {
  kiosks: SyncedClient[];
  officers: SyncedClient[];
  displays: SyncedClient[];
  all: SyncedClient[];
  /** Session token of the officer at q1 (for a fresh staff snapshot). */
  officerToken: string;
  ledger: Ledger;
  ctl: RushControl;
  start(): void;
  /** Ends the loops after their command in flight (answered, with retries) and waits for them. */
  stop(timeoutMs: number): Promise<void>;
  close(): void;
}

export interface CrewOptions {
  prefix: string;
  kioskThinkMs: [number, number];
  serviceMs: [number, number];
}

export async function assembleCrew(url: string, creds: DemoCredentials, o: CrewOptions): Promise<Crew> {
  const passwordOf = (u: string): string => creds.officers.find((x) => x.username === u)?.password ?? '';
  const tokens = await Promise.all(RUSH_COUNTERS.map((c) => login(url, c.officer, passwordOf(c.officer))));
  const kiosks = [1, 2, 3].map((i) => new SyncedClient(`kiosk-${i}`, url, { kind: 'device', token: creds.kioskToken }));
  const officers = RUSH_COUNTERS.map((c, i) => new SyncedClient(`${c.officer}@${c.counterId}`, url, { kind: 'session', token: tokens[i] ?? '' }));
  const displays = [1, 2, 3].map((i) => new SyncedClient(`display-${i}`, url, { kind: 'device', token: creds.displayToken }));
  const all = [...kiosks, ...officers, ...displays];
  await Promise.all(all.map((c) => c.waitConnected(15_000)));
  for (const [i, c] of RUSH_COUNTERS.entries()) {
    const r = await officers[i]?.send('counter:open', { counterId: c.counterId, force: true });
    if (!r?.ok) throw new Error(`open ${c.counterId}: ${r?.ok === false ? r.error.code : 'no answer'}`);
  }
  const ledger = new Ledger();
  const ctl: RushControl = { stopped: false, prefix: o.prefix, commandDeadlineMs: 60_000 };
  const pool: NoShowPool = [];
  let loops: Promise<void>[] = [];
  const failures: unknown[] = [];
  const guard = (p: Promise<void>): Promise<void> => p.catch((e: unknown) => void failures.push(e));
  return {
    kiosks,
    officers,
    displays,
    all,
    officerToken: tokens[0] ?? '',
    ledger,
    ctl,
    start: () => {
      loops = [
        ...kiosks.map((k, i) => guard(kioskLoop(k, i + 1, ctl, ledger, o.kioskThinkMs))),
        ...RUSH_COUNTERS.flatMap((at, i) => {
          const c = officers[i];
          return c ? [guard(officerLoop(c, at, ctl, ledger, pool, o.serviceMs))] : [];
        }),
      ];
    },
    stop: async (timeoutMs) => {
      ctl.stopped = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rush did not stop within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([Promise.all(loops), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (failures.length > 0) throw failures[0];
    },
    close: () => all.forEach((c) => c.close()),
  };
}

/** Fresh snapshots of both projections, each from a new socket, to compare the crew against. */
export async function freshSnapshots(url: string, creds: DemoCredentials, officerToken: string) {
  const pub = new SyncedClient('fresh-display', url, { kind: 'device', token: creds.displayToken });
  const staff = new SyncedClient('fresh-officer', url, { kind: 'session', token: officerToken });
  try {
    await Promise.all([pub.waitConnected(10_000), staff.waitConnected(10_000)]);
    if (!pub.state || !staff.state) throw new Error('no fresh snapshot');
    return { public: pub.state.snapshot, staff: staff.state.snapshot };
  } finally {
    pub.close();
    staff.close();
  }
}

/**
 * After the load has stopped: waits until every client has caught up with the hub's last seq
 * (bounded), then compares each one with a fresh snapshot of its projection (kiosks and displays:
 * public; officers: staff). Returns how many match exactly and what differs.
 */
export async function checkInSync(crew: Crew, url: string, creds: DemoCredentials): Promise<{ inSync: number; seq: number; problems: string[] }> {
  const until = Date.now() + 10_000;
  let seq = -1;
  while (Date.now() < until) {
    const h = await health(url);
    if (h) seq = h.seq;
    if (h && crew.all.every((c) => c.connected && c.state?.seq === h.seq)) break;
    await sleep(50);
  }
  const fresh = await freshSnapshots(url, creds, crew.officerToken);
  const problems: string[] = [];
  let inSync = 0;
  for (const c of crew.all) {
    const d = c.diff(crew.officers.includes(c) ? fresh.staff : fresh.public);
    if (d.length === 0) inSync += 1;
    problems.push(...d.slice(0, 5));
  }
  if (fresh.public.seq !== seq) problems.push(`fresh snapshot seq ${fresh.public.seq} != health seq ${seq}`);
  return { inSync, seq, problems };
}
