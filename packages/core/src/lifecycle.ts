import { DomainError } from './errors';
import type { EpochMs, Id, Ticket, TicketStatus } from './model';

/** Everything an officer (or the system) can do to a ticket. */
export type TicketAction = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'transfer' | 'cancel';

export const TICKET_ACTIONS: readonly TicketAction[] = [
  'call',
  'recall',
  'start',
  'finish',
  'no_show',
  'transfer',
  'cancel',
];

/** What is known of a ticket when it is issued; the rest of it starts empty. */
export type IssuedTicketInput = Pick<
  Ticket,
  'id' | 'serviceDay' | 'fieldId' | 'seq' | 'number' | 'priorityGroup' | 'issuedAt' | 'source' | 'issuedBy'
>;

/** A newly issued ticket: waiting in its field, numbered in that field, not yet called anywhere. */
export function issuedTicket(input: IssuedTicketInput): Ticket {
  return {
    ...input,
    numberFieldId: input.fieldId,
    status: 'waiting',
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    officerId: null,
    callCount: 0,
    targetCounterId: null,
    transferCount: 0,
    note: null,
  };
}

/** Legal actions per status; `done` and `cancelled` are terminal. */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketAction[]>> = {
  waiting: ['call', 'transfer', 'cancel'],
  called: ['recall', 'start', 'finish', 'no_show', 'transfer', 'cancel'],
  serving: ['finish', 'transfer'],
  no_show: ['call'],
  done: [],
  cancelled: [],
};

export class IllegalTransitionError extends DomainError {
  readonly from: TicketStatus;
  readonly action: TicketAction;
  constructor(from: TicketStatus, action: TicketAction, ticketId?: Id) {
    super('ILLEGAL_TRANSITION', `Không thể thực hiện “${action}” với số đang ở trạng thái “${from}”`, {
      from,
      action,
      ticketId,
    });
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.action = action;
  }
}

export function canTransition(status: TicketStatus, action: TicketAction): boolean {
  return TRANSITIONS[status].includes(action);
}

function assertTransition(t: Ticket, action: TicketAction): void {
  if (!canTransition(t.status, action)) throw new IllegalTransitionError(t.status, action, t.id);
}

export interface CallInput {
  counterId: Id;
  officerId: Id | null;
  at: EpochMs;
}

/** waiting -> called, or no_show -> called (calling back a citizen who stepped out). */
export function callTicket(t: Ticket, input: CallInput): Ticket {
  assertTransition(t, 'call');
  return {
    ...t,
    status: 'called',
    counterId: input.counterId,
    officerId: input.officerId,
    calledAt: input.at,
    servingAt: null,
    finishedAt: null,
    callCount: t.status === 'no_show' ? t.callCount + 1 : 1,
    targetCounterId: null,
  };
}

/** called -> called: announce again. */
export function recallTicket(t: Ticket, input: { at: EpochMs }): Ticket {
  assertTransition(t, 'recall');
  return { ...t, callCount: t.callCount + 1, calledAt: input.at };
}

/** called -> serving. */
export function startServing(t: Ticket, input: { at: EpochMs }): Ticket {
  assertTransition(t, 'start');
  return { ...t, status: 'serving', servingAt: input.at };
}

/** serving -> done, or called -> done when the officer skipped "Bắt đầu". */
export function finishTicket(t: Ticket, input: { at: EpochMs }): Ticket {
  assertTransition(t, 'finish');
  const servingAt = t.status === 'called' ? input.at : t.servingAt;
  return { ...t, status: 'done', servingAt, finishedAt: input.at };
}

/** called -> no_show. */
export function markNoShow(t: Ticket, input: { at: EpochMs }): Ticket {
  assertTransition(t, 'no_show');
  return { ...t, status: 'no_show', finishedAt: input.at };
}

export interface TransferInput {
  toFieldId?: Id;
  toCounterId?: Id;
  /** `undefined` keeps the current note, `null` clears it. */
  note?: string | null;
  at: EpochMs;
}

/**
 * waiting / called / serving -> waiting in another field and/or for a named counter.
 * The ticket keeps its number and issue time, so it keeps its place in the new queue.
 */
export function transferTicket(t: Ticket, input: TransferInput): Ticket {
  assertTransition(t, 'transfer');
  if (input.toFieldId === undefined && input.toCounterId === undefined) {
    throw new DomainError('INVALID_ARGUMENT', 'Cần chọn lĩnh vực hoặc quầy để chuyển', { ticketId: t.id });
  }
  return {
    ...t,
    status: 'waiting',
    fieldId: input.toFieldId ?? t.fieldId,
    targetCounterId: input.toCounterId ?? null,
    transferCount: t.transferCount + 1,
    note: input.note === undefined ? t.note : input.note,
    counterId: null,
    officerId: null,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    callCount: 0,
  };
}

/** waiting / called -> cancelled. */
export function cancelTicket(t: Ticket, input: { at: EpochMs }): Ticket {
  assertTransition(t, 'cancel');
  return { ...t, status: 'cancelled', finishedAt: input.at };
}
