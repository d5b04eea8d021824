/**
 * A simulated rush: kiosks issuing tickets and officers calling and serving them, every command
 * with an idempotency key and retried with the SAME key after a lost ack (once the socket is back
 * and holds a fresh snapshot). Everything acknowledged goes into the ledger, which the audit then
 * holds against the database file.
 */
import type { AckResult, CommandPayload, CommandResults } from '@qms/protocol';
import { between, sleep } from './hubs';
import type { SyncedClient } from './synced-client';

/** The six fields counters q1..q4 serve between them. */
export const RUSH_FIELDS = ['tu-phap-ho-tich', 'chung-thuc', 'dat-dai-xay-dung', 'kinh-doanh', 'van-hoa-xa-hoi', 'cu-tru'] as const;
export const RUSH_COUNTERS: ReadonlyArray<{ officer: string; counterId: string; fields: readonly string[] }> = [
  { officer: 'canbo1', counterId: 'q1', fields: ['tu-phap-ho-tich', 'chung-thuc'] },
  { officer: 'canbo2', counterId: 'q2', fields: ['chung-thuc', 'tu-phap-ho-tich'] },
  { officer: 'canbo3', counterId: 'q3', fields: ['dat-dai-xay-dung', 'kinh-doanh'] },
  { officer: 'canbo4', counterId: 'q4', fields: ['van-hoa-xa-hoi', 'cu-tru'] },
];

export interface Sent {
  /** Who sent it: `kiosk:kiosk-1` or `officer:canbo2` (the idempotency scope without the day). */
  actor: string;
  command: string;
  key: string;
  attempts: number;
  /** When the attempt that got the answer was sent (to tell a stored answer from a fresh one). */
  answeredAttemptSentAt: number;
}
export interface IssueRecord extends Sent {
  ticketId: string;
  number: string;
  fieldId: string;
}
export interface CallRecord extends Sent {
  ticketId: string;
  counterId: string;
}
export interface ChangeRecord extends Sent {
  ticketId: string;
  action: 'finish' | 'no_show' | 'transfer' | 'recall';
}

export class Ledger {
  readonly issues: IssueRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly changes: ChangeRecord[] = [];
  /** Every command that got an answer after more than one attempt (the first ack was lost). */
  readonly retried: Sent[] = [];
  /** Attempts that got no answer (connection dropped or hub killed before the ack). */
  lostAcks = 0;
  /** Error answers: none is expected from this load. */
  readonly errors: Array<{ command: string; key: string; code: string; message: string }> = [];
  /** Deliberate second sends of an acknowledged key (a double tap): must return the same ticket. */
  doubleTaps = 0;
  readonly doubleTapMismatches: string[] = [];
}

export interface RushControl {
  stopped: boolean;
  /** Unique per run: keys never collide with another test's. */
  prefix: string;
  /** Give up on one command after this long without an answer (hub down for good). */
  commandDeadlineMs: number;
}

/**
 * Sends until answered: an attempt whose ack is lost (disconnect, timeout) is sent again with
 * the same payload, hence the same idempotency key, once the socket is back with a snapshot.
 */
export async function sendReliably<C extends keyof CommandResults>(
  c: SyncedClient,
  name: C,
  payload: CommandPayload<C>,
  ctl: RushControl,
  ledger: Ledger,
): Promise<{ ack: AckResult<CommandResults[C]>; attempts: number; sentAt: number }> {
  const deadline = Date.now() + ctl.commandDeadlineMs;
  for (let attempts = 1; ; attempts++) {
    await c.waitConnected(Math.max(1, deadline - Date.now()));
    const sentAt = Date.now();
    try {
      const ack = await c.send(name, payload, 5000);
      return { ack, attempts, sentAt };
    } catch {
      ledger.lostAcks += 1;
      if (attempts >= 50 || Date.now() > deadline) {
        throw new Error(`${c.label}: ${name} got no answer after ${attempts} attempts`);
      }
    }
  }
}

function keyOf(payload: object): string {
  return (payload as { idempotencyKey?: string }).idempotencyKey ?? '';
}

function sentRecord(actor: string, command: string, payload: object, r: { attempts: number; sentAt: number }): Sent {
  return { actor, command, key: keyOf(payload), attempts: r.attempts, answeredAttemptSentAt: r.sentAt };
}

/** Sends reliably and files the answer: retries, errors. Returns the data of an ok answer. */
async function run<C extends keyof CommandResults>(
  c: SyncedClient,
  actor: string,
  name: C,
  payload: CommandPayload<C>,
  ctl: RushControl,
  ledger: Ledger,
): Promise<{ data: CommandResults[C]; sent: Sent } | null> {
  const r = await sendReliably(c, name, payload, ctl, ledger);
  const sent = sentRecord(actor, name, payload as object, r);
  if (r.attempts > 1) ledger.retried.push(sent);
  if (!r.ack.ok) {
    ledger.errors.push({ command: name, key: sent.key, code: r.ack.error.code, message: r.ack.error.message });
    return null;
  }
  return { data: r.ack.data, sent };
}

/** A kiosk: a citizen taps a field (sometimes priority), waits for the ticket, the next one comes. */
export async function kioskLoop(k: SyncedClient, index: number, ctl: RushControl, ledger: Ledger, thinkMs: [number, number]): Promise<void> {
  for (let n = 1; !ctl.stopped && n <= 100_000; n++) {
    const fieldId = RUSH_FIELDS[between(0, RUSH_FIELDS.length - 1)] ?? 'cu-tru';
    const payload = { fieldId, priorityGroup: n % 7 === 0 ? ('elderly' as const) : null, idempotencyKey: `${ctl.prefix}-k${index}-${n}` };
    const r = await run(k, 'kiosk:kiosk-1', 'ticket:issue', payload, ctl, ledger);
    if (r) {
      const t = r.data.ticket;
      ledger.issues.push({ ...r.sent, ticketId: t.id, number: t.number, fieldId: t.fieldId });
      if (n % 15 === 0) {
        // a double tap: the same key again must give the same ticket, not a new one
        const again = await run(k, 'kiosk:kiosk-1', 'ticket:issue', payload, ctl, ledger);
        ledger.doubleTaps += 1;
        if (again?.data.ticket.id !== t.id) ledger.doubleTapMismatches.push(`${payload.idempotencyKey}: ${t.id} then ${again?.data.ticket.id}`);
      }
    }
    await sleep(between(thinkMs[0], thinkMs[1]));
  }
}

/** Tickets marked no-show, waiting to be called back (by whichever counter takes them first). */
export type NoShowPool = string[];

/**
 * An officer at a counter: "Gọi tiếp" (or calls a no-show back by id), then after a short
 * service finishes, marks no-show, transfers to another lane's field, recalls, or just calls the
 * next (which finishes the current one). Each action has its own key.
 */
export async function officerLoop(
  o: SyncedClient,
  at: { officer: string; counterId: string; fields: readonly string[] },
  ctl: RushControl,
  ledger: Ledger,
  pool: NoShowPool,
  serviceMs: [number, number],
): Promise<void> {
  const actor = `officer:${at.officer}`;
  const key = (n: number, what: string): string => `${ctl.prefix}-${at.officer}-${n}-${what}`;
  for (let n = 1; !ctl.stopped && n <= 100_000; n++) {
    const noShow = pool.length > 0 && Math.random() < 0.3 ? pool.shift() : undefined;
    const call = noShow
      ? await run(o, actor, 'counter:callTicket', { counterId: at.counterId, ticketId: noShow, idempotencyKey: key(n, 'back') }, ctl, ledger)
      : await run(o, actor, 'counter:callNext', { counterId: at.counterId, idempotencyKey: key(n, 'next') }, ctl, ledger);
    const t = call?.data.ticket ?? null;
    if (!call || !t) {
      await sleep(between(20, 40));
      continue;
    }
    ledger.calls.push({ ...call.sent, ticketId: t.id, counterId: at.counterId });
    if (!noShow && n % 12 === 0) {
      // a double press of "Gọi tiếp": the same key answers the same call
      const again = await run(o, actor, 'counter:callNext', { counterId: at.counterId, idempotencyKey: key(n, 'next') }, ctl, ledger);
      ledger.doubleTaps += 1;
      if (again?.data.ticket?.id !== t.id) ledger.doubleTapMismatches.push(`${key(n, 'next')}: ${t.id} then ${again?.data.ticket?.id}`);
    }
    await sleep(between(serviceMs[0], serviceMs[1]));
    const roll = Math.random();
    const ticketId = t.id;
    if (roll < 0.45) {
      const r = await run(o, actor, 'ticket:finish', { ticketId, idempotencyKey: key(n, 'finish') }, ctl, ledger);
      if (r) ledger.changes.push({ ...r.sent, ticketId, action: 'finish' });
    } else if (roll < 0.57) {
      const r = await run(o, actor, 'ticket:noShow', { ticketId, idempotencyKey: key(n, 'noshow') }, ctl, ledger);
      if (r) {
        ledger.changes.push({ ...r.sent, ticketId, action: 'no_show' });
        pool.push(ticketId);
      }
    } else if (roll < 0.67) {
      const others = RUSH_FIELDS.filter((f) => !at.fields.includes(f));
      const toFieldId = others[between(0, others.length - 1)] ?? 'cu-tru';
      const r = await run(o, actor, 'ticket:transfer', { ticketId, toFieldId, idempotencyKey: key(n, 'transfer') }, ctl, ledger);
      if (r) ledger.changes.push({ ...r.sent, ticketId, action: 'transfer' });
    } else if (roll < 0.75) {
      const r = await run(o, actor, 'ticket:recall', { ticketId, idempotencyKey: key(n, 'recall') }, ctl, ledger);
      if (r) ledger.changes.push({ ...r.sent, ticketId, action: 'recall' });
    }
    // else: the next "Gọi tiếp" finishes it
  }
}
