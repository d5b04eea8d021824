/**
 * The kiosks of a rush. They run in a worker thread of the load generator (kiosk-worker.ts), as
 * the displays do: a kiosk's ack must not wait in the same event loop behind the decoding of
 * every broadcast the 30 simulated counters receive (real kiosks are separate machines). The
 * counters in the main thread see the kiosks' progress through shared counters (`Progress`).
 */
import { writeFileSync } from 'node:fs';
import type { IssueTicketResult } from '@qms/protocol';
import { ask, hrMs, type RawSocket } from './clients';
import { prng, sleep } from './stats';

/** Experiments only: BENCH_TRACE_DIR=dir writes each issue's key, send and ack times (hrMs) there. */
const TRACE_DIR = process.env['BENCH_TRACE_DIR'];

/** Slots of the shared Int32Array between the kiosk worker and the main thread. */
export const STARTED = 0;
export const ISSUED = 1;
/** Written by the main thread (its counters). */
export const CALLED = 2;
export const PROGRESS_SLOTS = 3;

export interface KioskPlan {
  /** How many of the connected kiosks take part (the quiet phase uses one). */
  kiosks: number;
  tickets: number;
  /** Combined arrival rate, tickets/s; null: closed loop (each kiosk sends on its ack). */
  ratePerS: number | null;
  jitter: number;
  issueForMs: number;
  fieldIds: string[];
  runId: string;
  seed: number;
  /**
   * Fixed arrival times instead of the paced rate (the soak's compressed day): ms after the
   * start, sorted; kiosk k takes arrivals k, k + kiosks, ... With it, `ratePerS` and `jitter`
   * are not used and `tickets` should be its length.
   */
  dueMs?: number[];
}

export interface KioskResult {
  issued: number;
  issueMs: number[];
  /** When each issue of `issueMs` was sent, on the process-wide clock (clients.ts hrMs). */
  sentAt: number[];
  errors: Record<string, number>;
  lateSends: number;
  maxLagMs: number;
  maxWaiting: number;
  waitingSum: number;
  truncated: boolean;
}

/**
 * Each kiosk sends on its own schedule (mean gap = kiosks / rate, +-`jitter` random per gap,
 * kiosks staggered; or its share of `plan.dueMs`), one request in flight; a kiosk that falls
 * behind sends at once but never bursts to catch up. Issue latency is emit -> ack, never from
 * the scheduled time.
 */
export async function runKiosks(sockets: readonly RawSocket[], plan: KioskPlan, progress: Int32Array): Promise<KioskResult> {
  const r: KioskResult = { issued: 0, issueMs: [], sentAt: [], errors: {}, lateSends: 0, maxLagMs: 0, maxWaiting: 0, waitingSum: 0, truncated: false };
  const start = performance.now();
  const stopAt = start + plan.issueForMs;
  const used = sockets.slice(0, plan.kiosks);
  const schedule = plan.dueMs;
  const kiosk = schedule ? (s: RawSocket, k: number) => scheduled(s, k, schedule) : paced;
  async function scheduled(s: RawSocket, k: number, dueMs: number[]): Promise<void> {
    const rand = prng(plan.seed * 7919 + k);
    for (let n = k; n < dueMs.length && n < plan.tickets; n += used.length) {
      const due = start + (dueMs[n] ?? 0);
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      if (performance.now() >= stopAt) {
        r.truncated = true;
        return;
      }
      Atomics.add(progress, STARTED, 1);
      r.maxLagMs = Math.max(r.maxLagMs, performance.now() - due);
      await issue(s, k, n, plan.fieldIds[Math.floor(rand() * plan.fieldIds.length)] ?? '');
    }
  }
  const trace: Array<[string, number, number]> = [];
  async function issue(s: RawSocket, k: number, n: number, fieldId: string): Promise<void> {
    const sentAt = hrMs();
    const t0 = performance.now();
    const key = `${plan.runId}-k${k}-${n}`;
    const ack = await ask<IssueTicketResult>(s, 'ticket:issue', { fieldId, idempotencyKey: key });
    r.issueMs.push(performance.now() - t0);
    if (TRACE_DIR) trace.push([key, sentAt, hrMs()]);
    r.sentAt.push(sentAt);
    if (ack.ok) {
      r.issued++;
      Atomics.add(progress, ISSUED, 1);
    } else r.errors[`issue:${ack.error.code}`] = (r.errors[`issue:${ack.error.code}`] ?? 0) + 1;
    const waiting = Atomics.load(progress, ISSUED) - Atomics.load(progress, CALLED);
    r.waitingSum += waiting;
    r.maxWaiting = Math.max(r.maxWaiting, waiting);
  }
  async function paced(s: RawSocket, k: number): Promise<void> {
    const rand = prng(plan.seed * 7919 + k);
    const gapMs = plan.ratePerS === null ? 0 : (used.length / plan.ratePerS) * 1000;
    const nextGap = () => gapMs * (1 + plan.jitter * (2 * rand() - 1));
    let due = start + (gapMs * k) / used.length + rand() * gapMs * plan.jitter;
    for (;;) {
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const now = performance.now();
      if (now >= stopAt) break;
      const n = Atomics.add(progress, STARTED, 1);
      if (n >= plan.tickets) return; // the other kiosks took the last ones
      const lag = now - due;
      if (gapMs > 0 && lag > gapMs) r.lateSends++;
      r.maxLagMs = Math.max(r.maxLagMs, lag);
      await issue(s, k, n, plan.fieldIds[Math.floor(rand() * plan.fieldIds.length)] ?? '');
      due = Math.max(due + nextGap(), performance.now());
    }
    if (Atomics.load(progress, STARTED) < plan.tickets) r.truncated = true;
  }
  await Promise.all(used.map((s, k) => kiosk(s, k)));
  if (TRACE_DIR) writeFileSync(`${TRACE_DIR}/kiosk-${plan.runId}.json`, JSON.stringify(trace));
  return r;
}
