/**
 * One rush, open loop by default (a paced "morning rush", not a saturating closed loop):
 *  - kiosks: together they offer `ratePerS` tickets/s. Each kiosk sends at its own schedule
 *    (mean gap = kiosks / rate, +-`jitter` random per gap, kiosks staggered), one request in
 *    flight (it awaits each ack). A kiosk that falls behind (slow acks) does not burst to catch
 *    up: its schedule restarts from "now". Issue latency is emit -> ack, never from the
 *    scheduled time (the lag is reported separately).
 *  - counters: loop "call next", then serve for a random `serveMs` before the next call; they
 *    call only while tickets wait (the waiting count the load generator sees, i.e. issued minus
 *    called minus calls in flight), and back off `backoffMs` after an empty ("no ticket") result.
 *  - displays: the DisplayWall times callNext emit -> the last display with that ticket.
 * With `ratePerS: null` and `serveMs: [0, 0]` the same code is the closed-loop saturation run.
 * Every random choice comes from a seeded generator per kiosk / counter, so the bare server and
 * the hub get the same offered load.
 */
import type { CallResult, IssueTicketResult } from '@qms/protocol';
import { ask, type DisplayWall, type RawSocket } from './clients';
import { sleep, until } from './stats';

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
  /** The load generator during the rush: process CPU ms, main event-loop and display-worker utilisation. */
  loadGen: { cpuMs: number; elu: number; displaysElu: number };
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

/** mulberry32: a small seeded generator, [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rush {
  private readonly r: RushResult = {
    issued: 0, called: 0, issueMs: [], callAckMs: [], callToLastDisplayMs: [], undelivered: 0,
    nullCalls: 0, errors: {}, durationMs: 0, issuePhaseMs: 0, offeredPerS: null, lateSends: 0,
    maxLagMs: 0, maxWaiting: 0, meanWaiting: 0, truncated: false, loadGen: { cpuMs: 0, elu: 0, displaysElu: 0 },
  };
  private readonly calls: Array<{ ticketId: string; t0: number }> = [];
  private start = 0;
  private started = 0;
  private inFlightCalls = 0;
  private kiosksDoneAt: number | null = null;
  private waitingSum = 0;

  constructor(private readonly plan: RushPlan) {
    this.r.offeredPerS = plan.ratePerS;
  }

  async run(kiosks: RawSocket[], counters: RawSocket[], wall: DisplayWall): Promise<RushResult> {
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const wallElu0 = wall.elu();
    this.start = performance.now();
    const calling = Promise.all(counters.map((s, c) => this.counter(s, c)));
    await Promise.all(kiosks.map((s, k) => this.kiosk(s, k, kiosks.length)));
    this.kiosksDoneAt = performance.now();
    this.r.issuePhaseMs = this.kiosksDoneAt - this.start;
    await calling;
    this.r.durationMs = performance.now() - this.start;
    this.r.meanWaiting = this.r.issued ? this.waitingSum / this.r.issued : 0;
    const cpu = process.cpuUsage(cpu0);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    this.r.loadGen = {
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      elu: r3(performance.eventLoopUtilization(elu0).utilization),
      displaysElu: r3(wall.elu(wallElu0).utilization),
    };
    await until(() => wall.complete(this.calls.map((c) => c.ticketId)), 10_000, 10);
    for (const { ticketId, t0 } of this.calls) {
      const last = wall.lastArrival(ticketId);
      if (last === null) this.r.undelivered++;
      else this.r.callToLastDisplayMs.push(last - t0);
      wall.forget(ticketId);
    }
    return this.r;
  }

  private fail(code: string): void {
    this.r.errors[code] = (this.r.errors[code] ?? 0) + 1;
  }

  private async kiosk(s: RawSocket, k: number, kiosks: number): Promise<void> {
    const { plan, r } = this;
    const rand = prng(plan.seed * 7919 + k);
    const gapMs = plan.ratePerS === null ? 0 : (kiosks / plan.ratePerS) * 1000;
    const nextGap = () => gapMs * (1 + plan.jitter * (2 * rand() - 1));
    const stopAt = this.start + plan.issueForMs;
    // staggered so the kiosks do not send in step
    let due = this.start + (gapMs * k) / kiosks + rand() * gapMs * plan.jitter;
    while (this.started < plan.tickets) {
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const now = performance.now();
      if (now >= stopAt) break;
      if (this.started >= plan.tickets) return; // the other kiosks took the last ones meanwhile
      const lag = now - due;
      if (gapMs > 0 && lag > gapMs) r.lateSends++;
      r.maxLagMs = Math.max(r.maxLagMs, lag);
      const n = this.started++;
      const fieldId = plan.fieldIds[Math.floor(rand() * plan.fieldIds.length)] ?? '';
      const t0 = performance.now();
      const ack = await ask<IssueTicketResult>(s, 'ticket:issue', { fieldId, idempotencyKey: `${plan.runId}-k${k}-${n}` });
      r.issueMs.push(performance.now() - t0);
      if (ack.ok) r.issued++;
      else this.fail(`issue:${ack.error.code}`);
      const waiting = r.issued - r.called;
      this.waitingSum += waiting;
      r.maxWaiting = Math.max(r.maxWaiting, waiting);
      // behind schedule: send the next one now, but never more than one to catch up
      due = Math.max(due + nextGap(), performance.now());
    }
    if (this.started < plan.tickets) r.truncated = true;
  }

  private finished(): boolean {
    if (this.kiosksDoneAt === null) return false;
    if (this.r.called >= this.r.issued) return true;
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
      if (r.issued - r.called - this.inFlightCalls <= 0) {
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
    },
  };
}
