/**
 * Baseline (b), client side: 50 displays and one caller on the bare Socket.IO server; calls one
 * at a time and times emit -> the last of the displays receiving the broadcast.
 */
import { Child } from './child';
import { ask, connect, connectMany, DisplayWall } from './clients';
import type { BaselineReady } from './baseline-server';

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

export interface BaselineCallResult {
  callToLastDisplayMs: number[];
  lost: number;
  serverCpuMs: number;
}

export async function measureBaselineCalls(calls: number, displays: number, warmup = 200): Promise<BaselineCallResult> {
  const server = new Child<BaselineReady>('./baseline-server.ts');
  try {
    const { url } = await server.ready();
    const screens = await connectMany(displays, async () => (await connect(url, undefined, null)).socket);
    const wall = new DisplayWall(screens, 'called', (p) => ((p as { ticket?: { id?: string } }).ticket?.id ?? null));
    const { socket: caller } = await connect(url, undefined, null);
    const samples: number[] = [];
    let lost = 0;
    for (let i = 0; i < warmup + calls; i++) {
      if (i === warmup) server.send({ type: 'mark' });
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
    wall.close();
    return { callToLastDisplayMs: samples, lost, serverCpuMs: usage.cpuMs };
  } finally {
    await server.stop();
  }
}
