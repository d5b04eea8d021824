/**
 * One rush, open loop by default (a paced "morning rush", not a saturating closed loop):
 *  - kiosks: together they offer `ratePerS` tickets/s, from their own worker thread (kiosks.ts:
 *    each on its own schedule, one request in flight, no catch-up bursts). Issue latency is
 *    emit -> ack, never from the scheduled time (the lag is reported separately).
 *  - counters: loop "call next", then serve for a random `serveMs` before the next call; they
 *    call only while tickets wait (the waiting count the load generator sees, i.e. issued minus
 *    called minus calls in flight), and back off `backoffMs` after an empty ("no ticket") result.
 *  - displays: the DisplayWall times callNext emit -> the last display with that ticket.
 * With `ratePerS: null` and `serveMs: [0, 0]` the same code is the closed-loop saturation run.
 * Every random choice comes from a seeded generator per kiosk / counter, so the bare server and
 * the hub get the same offered load.
 */
import type { CallResult } from '@qms/protocol';
import { ask, type DisplayWall, type KioskPool, type RawSocket } from './clients';
import { CALLED, ISSUED, PROGRESS_SLOTS } from './kiosks';
import { prng, sleep, until } from './stats';

export interface RushResult {
  issued: number;
  called: number;
  issueMs: number[];
  callAckMs: number[];
  callToLastDisplayMs: number[];
  /** Calls whose event did not reach every display in time. */
  undelivered: number;
  nullCalls: number;
  errors: Record<string, number>;
  durationMs: number;
  issuePhaseMs: number;
  /** Planned combined arrival rate (null: closed loop). */
  offeredPerS: number | null;
  /** Kiosk sends more than one mean gap behind their schedule (the kiosk then re-paced). */
  lateSends: number;
  /** Largest delay of a send behind its schedule, ms. */
  maxLagMs: number;
  maxWaiting: number;
  meanWaiting: number;
  truncated: boolean;
  /** The load generator during the rush: process CPU ms, event-loop utilisation of its main thread, display and kiosk workers. */
  loadGen: { cpuMs: number; elu: number; displaysElu: number; kiosksElu: number };
}

export interface RushPlan {
  tickets: number;
  /** Combined kiosk arrival rate, tickets/s; null: closed loop (each kiosk sends on its ack). */
  ratePerS: number | null;
  /** Random spread of each kiosk gap, as a fraction of the mean gap (0.2 = +-20 %). */
  jitter: number;
  /** Service time after each successful call, ms, uniform in [min, max]. */
  serveMs: [number, number];
  /** Pause after a call that found no ticket for this counter, ms. */
  backoffMs: number;
  /** Kiosks stop after this long (the result says `truncated` if tickets were left). */
  issueForMs: number;
  /** Counters keep calling this long after the kiosks stopped, until every ticket is called (0: stop with the kiosks). */
  drainMs: number;
  fieldIds: string[];
  counterIds: string[];
  runId: string;
  seed: number;
}

const POLL_MS = 5;

export class Rush {
  private readonly r: RushResult = {
    issued: 0, called: 0, issueMs: [], callAckMs: [], callToLastDisplayMs: [], undelivered: 0,
    nullCalls: 0, errors: {}, durationMs: 0, issuePhaseMs: 0, offeredPerS: null, lateSends: 0,
    maxLagMs: 0, maxWaiting: 0, meanWaiting: 0, truncated: false, loadGen: { cpuMs: 0, elu: 0, displaysElu: 0, kiosksElu: 0 },
  };
  private readonly calls: Array<{ ticketId: string; t0: number }> = [];
  private start = 0;
  private inFlightCalls = 0;
  private kiosksDoneAt: number | null = null;
  /** Shared with the kiosk worker: tickets started / issued there, called here (kiosks.ts). */
  private readonly progress = new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * 4));

  constructor(private readonly plan: RushPlan) {
    this.r.offeredPerS = plan.ratePerS;
  }

  async run(kiosks: KioskPool, counters: RawSocket[], wall: DisplayWall): Promise<RushResult> {
    const { plan, r } = this;
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const wallElu0 = wall.elu();
    const kiosksElu0 = kiosks.elu();
    this.start = performance.now();
    const calling = Promise.all(counters.map((s, c) => this.counter(s, c)));
    const k = await kiosks.run(
      { kiosks: kiosks.size, tickets: plan.tickets, ratePerS: plan.ratePerS, jitter: plan.jitter, issueForMs: plan.issueForMs, fieldIds: plan.fieldIds, runId: plan.runId, seed: plan.seed },
      this.progress.buffer as SharedArrayBuffer,
    );
    this.kiosksDoneAt = performance.now();
    Object.assign(r, { issued: k.issued, issueMs: k.issueMs, lateSends: k.lateSends, maxLagMs: k.maxLagMs, maxWaiting: k.maxWaiting, truncated: k.truncated });
    for (const [code, n] of Object.entries(k.errors)) r.errors[code] = (r.errors[code] ?? 0) + n;
    r.issuePhaseMs = this.kiosksDoneAt - this.start;
    await calling;
    r.durationMs = performance.now() - this.start;
    r.meanWaiting = k.issued ? k.waitingSum / k.issued : 0;
    const cpu = process.cpuUsage(cpu0);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    r.loadGen = {
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      elu: r3(performance.eventLoopUtilization(elu0).utilization),
      displaysElu: r3(wall.elu(wallElu0).utilization),
      kiosksElu: r3(kiosks.elu(kiosksElu0).utilization),
    };
    await until(() => wall.complete(this.calls.map((c) => c.ticketId)), 10_000, 10);
    for (const { ticketId, t0 } of this.calls) {
      const last = wall.lastArrival(ticketId);
      if (last === null) r.undelivered++;
      else r.callToLastDisplayMs.push(last - t0);
      wall.forget(ticketId);
    }
    return r;
  }

  /** Tickets the kiosks have issued so far (in the kiosk worker). */
  private issued(): number {
    return Atomics.load(this.progress, ISSUED);
  }

  private fail(code: string): void {
    this.r.errors[code] = (this.r.errors[code] ?? 0) + 1;
  }

  private finished(): boolean {
    if (this.kiosksDoneAt === null) return false;
    if (this.r.called >= this.issued()) return true;
    if (performance.now() > this.kiosksDoneAt + this.plan.drainMs) {
      if (this.plan.drainMs > 0) this.r.truncated = true;
      return true;
    }
    return false;
  }

  private async counter(s: RawSocket, c: number): Promise<void> {
    const { plan, r } = this;
    const rand = prng(plan.seed * 104_729 + 1000 + c);
    const counterId = plan.counterIds[c] ?? '';
    const [serveMin, serveMax] = plan.serveMs;
    for (let n = 0; !this.finished(); n++) {
      if (this.issued() - r.called - this.inFlightCalls <= 0) {
        await sleep(POLL_MS);
        continue;
      }
      this.inFlightCalls++;
      const t0 = performance.now();
      const ack = await ask<CallResult>(s, 'counter:callNext', { counterId, idempotencyKey: `${plan.runId}-c${c}-${n}` });
      this.inFlightCalls--;
      r.callAckMs.push(performance.now() - t0);
      if (ack.ok && ack.data.ticket) {
        r.called++;
        Atomics.store(this.progress, CALLED, r.called);
        this.calls.push({ ticketId: ack.data.ticket.id, t0 });
        const serve = serveMin + rand() * (serveMax - serveMin);
        if (serve > 0) await sleep(serve);
        continue;
      }
      if (ack.ok) r.nullCalls++;
      else this.fail(`call:${ack.error.code}`);
      await sleep(plan.backoffMs);
    }
  }
}

/** One result for several rounds of the same plan (latency samples pooled). */
export function mergeRushes(rounds: readonly RushResult[]): RushResult {
  const sum = (f: (r: RushResult) => number) => rounds.reduce((s, r) => s + f(r), 0);
  const errors: Record<string, number> = {};
  for (const r of rounds) for (const [k, n] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + n;
  const issued = sum((r) => r.issued);
  const durationMs = sum((r) => r.durationMs);
  return {
    issued,
    called: sum((r) => r.called),
    issueMs: rounds.flatMap((r) => r.issueMs),
    callAckMs: rounds.flatMap((r) => r.callAckMs),
    callToLastDisplayMs: rounds.flatMap((r) => r.callToLastDisplayMs),
    undelivered: sum((r) => r.undelivered),
    nullCalls: sum((r) => r.nullCalls),
    errors,
    durationMs,
    issuePhaseMs: sum((r) => r.issuePhaseMs),
    offeredPerS: rounds[0]?.offeredPerS ?? null,
    lateSends: sum((r) => r.lateSends),
    maxLagMs: Math.max(0, ...rounds.map((r) => r.maxLagMs)),
    maxWaiting: Math.max(0, ...rounds.map((r) => r.maxWaiting)),
    meanWaiting: issued ? sum((r) => r.meanWaiting * r.issued) / issued : 0,
    truncated: rounds.some((r) => r.truncated),
    loadGen: {
      cpuMs: sum((r) => r.loadGen.cpuMs),
      elu: durationMs ? Math.round((sum((r) => r.loadGen.elu * r.durationMs) / durationMs) * 1000) / 1000 : 0,
      displaysElu: durationMs ? Math.round((sum((r) => r.loadGen.displaysElu * r.durationMs) / durationMs) * 1000) / 1000 : 0,
      kiosksElu: durationMs ? Math.round((sum((r) => r.loadGen.kiosksElu * r.durationMs) / durationMs) * 1000) / 1000 : 0,
    },
  };
}
