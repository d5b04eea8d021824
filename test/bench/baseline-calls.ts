/**
 * Baseline (b), client side, against the bare server child (baseline-server.ts): the serial calls
 * (50 displays and one caller; one call at a time, timed emit -> the last display: the reference
 * "bare Socket.IO + better-sqlite3" call latency, `baseline_call_*`), and what the load generator
 * needs to run the hub's paced rush against the bare server (`bareHub`).
 */
import type { Child } from './child';
import { ask, connect, DisplayWall } from './clients';
import type { BaselineReady } from './baseline-server';
import type { HubReady } from './hub-process';

/** Shaped and sized like the hub's public 'ticket:called' event. */
export function sampleCallEvent(i: number): Record<string, unknown> {
  const id = crypto.randomUUID();
  const now = Date.now();
  return {
    type: 'ticket:called',
    ticket: {
      id, number: String(10_001 + i), fieldId: 'tu-phap-ho-tich', status: 'called', priorityGroup: null,
      issuedAt: now - 60_000, calledAt: now, servingAt: null, finishedAt: null, counterId: 'q9',
      targetCounterId: null, callCount: 1, transferCount: 0, officerId: null, note: null,
    },
    counterNumber: 9,
    recall: false,
    stats: [{ fieldId: 'tu-phap-ho-tich', waiting: 42, openCounters: 24, estimatedWaitMinutes: 21 }],
    seq: i + 1,
    at: now,
  };
}

export interface SerialResult {
  callToLastDisplayMs: number[];
  lost: number;
  serverCpuMs: number;
}

/** What the rush needs to know about a hub; the bare server ignores credentials. */
export function bareHub(url: string): HubReady {
  const token = 'bare-server-ignores-tokens';
  return {
    url,
    kioskTokens: [token],
    displayToken: token,
    fieldIds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'],
    counters: Array.from({ length: 30 }, (_, i) => ({ counterId: `q${i + 1}`, username: 'bare', password: 'bare' })),
  };
}

export async function serialCalls(
  server: Child<BaselineReady>,
  url: string,
  calls: number,
  displays: number,
  displayWorker: string,
  warmup = 200,
): Promise<SerialResult> {
  const wall = await DisplayWall.open({ script: displayWorker, url, auth: undefined, readyEvent: null, count: displays });
  const { socket: caller } = await connect(url, undefined, null);
  const samples: number[] = [];
  let lost = 0;
  for (let i = 0; i < warmup + calls; i++) {
    if (i === warmup) {
      server.send({ type: 'mark' });
      server.send({ type: 'resume' });
    }
    const event = sampleCallEvent(i);
    const key = (event.ticket as { id: string }).id;
    const t0 = performance.now();
    const [ack, last] = await Promise.all([ask(caller, 'call', event), wall.waitAll(key)]);
    if (!ack.ok || last === null) lost++;
    else if (i >= warmup) samples.push(last - t0);
    wall.forget(key);
  }
  const usage = await server.usage();
  caller.disconnect();
  await wall.close();
  return { callToLastDisplayMs: samples, lost, serverCpuMs: usage.cpuMs };
}
