import { describe, it, expect } from 'vitest';
import { DomainError } from './errors';
import {
  IllegalTransitionError,
  TICKET_ACTIONS,
  callTicket,
  canTransition,
  cancelTicket,
  finishTicket,
  issuedTicket,
  markNoShow,
  recallTicket,
  startServing,
  transferTicket,
  type TicketAction,
} from './lifecycle';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from './model';
import { T0, makeTicket } from './test-fixtures';

const AT = T0 + 60_000;

const apply: Record<TicketAction, (t: Ticket) => Ticket> = {
  call: (t) => callTicket(t, { counterId: 'c1', officerId: 'o1', at: AT }),
  recall: (t) => recallTicket(t, { at: AT }),
  start: (t) => startServing(t, { at: AT }),
  finish: (t) => finishTicket(t, { at: AT }),
  no_show: (t) => markNoShow(t, { at: AT }),
  transfer: (t) => transferTicket(t, { toFieldId: 'f-civil', at: AT }),
  cancel: (t) => cancelTicket(t, { at: AT }),
};

/** Expected result status of each legal (status, action); absent = illegal. */
const LEGAL: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  waiting: { call: 'called', transfer: 'waiting', cancel: 'cancelled' },
  called: {
    recall: 'called',
    start: 'serving',
    finish: 'done',
    no_show: 'no_show',
    transfer: 'waiting',
    cancel: 'cancelled',
  },
  serving: { finish: 'done', transfer: 'waiting' },
  no_show: { call: 'called' },
  done: {},
  cancelled: {},
};

function inStatus(status: TicketStatus): Ticket {
  const called = status !== 'waiting';
  return makeTicket({
    status,
    counterId: called ? 'c9' : null,
    officerId: called ? 'o9' : null,
    calledAt: called ? T0 + 1000 : null,
    callCount: called ? 1 : 0,
    servingAt: status === 'serving' || status === 'done' ? T0 + 2000 : null,
    finishedAt: ['done', 'no_show', 'cancelled'].includes(status) ? T0 + 3000 : null,
  });
}

describe('ticket state machine (all statuses x actions)', () => {
  const cases = TICKET_STATUSES.flatMap((status) => TICKET_ACTIONS.map((action) => ({ status, action })));
  it('covers 6 statuses x 7 actions', () => expect(cases).toHaveLength(42));

  it.each(cases)('$status + $action', ({ status, action }) => {
    const expected = LEGAL[status][action];
    const before = Object.freeze(inStatus(status));
    expect(canTransition(status, action)).toBe(expected !== undefined);
    if (expected === undefined) {
      let error: unknown;
      try {
        apply[action](before);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: status, action });
    } else {
      const after = apply[action](before);
      expect(after.status).toBe(expected);
      expect(after).not.toBe(before);
      expect(before.status).toBe(status);
    }
  });

  it('done and cancelled are terminal', () => {
    for (const action of TICKET_ACTIONS) {
      expect(canTransition('done', action)).toBe(false);
      expect(canTransition('cancelled', action)).toBe(false);
    }
  });
});

describe('call / recall', () => {
  it('calls a waiting ticket: sets counter, officer, time, first call, clears target', () => {
    const t = makeTicket({ targetCounterId: 'c1' });
    const called = callTicket(t, { counterId: 'c1', officerId: 'o1', at: AT });
    expect(called).toMatchObject({ status: 'called', counterId: 'c1', officerId: 'o1', calledAt: AT });
    expect(called).toMatchObject({ callCount: 1, targetCounterId: null });
    expect(t.status).toBe('waiting');
  });

  it('calls back a no-show: callCount goes on, finishedAt cleared', () => {
    const noShow = inStatus('no_show');
    const called = callTicket(noShow, { counterId: 'c2', officerId: 'o2', at: AT });
    expect(called).toMatchObject({ status: 'called', counterId: 'c2', callCount: 2, calledAt: AT, finishedAt: null });
  });

  it('recall increments callCount and moves calledAt', () => {
    const recalled = recallTicket(inStatus('called'), { at: AT });
    expect(recalled).toMatchObject({ status: 'called', callCount: 2, calledAt: AT, counterId: 'c9' });
  });
});

describe('start / finish / no-show / cancel', () => {
  it('starts serving at the given time', () => {
    expect(startServing(inStatus('called'), { at: AT })).toMatchObject({ status: 'serving', servingAt: AT });
  });

  it('finishes a serving ticket and keeps servingAt', () => {
    const done = finishTicket(inStatus('serving'), { at: AT });
    expect(done).toMatchObject({ status: 'done', servingAt: T0 + 2000, finishedAt: AT });
  });

  it('finishes straight from called, setting servingAt too', () => {
    expect(finishTicket(inStatus('called'), { at: AT })).toMatchObject({ status: 'done', servingAt: AT, finishedAt: AT });
  });

  it('marks a no-show with finishedAt', () => {
    expect(markNoShow(inStatus('called'), { at: AT })).toMatchObject({ status: 'no_show', finishedAt: AT });
  });

  it('cancels waiting and called tickets', () => {
    expect(cancelTicket(inStatus('waiting'), { at: AT })).toMatchObject({ status: 'cancelled', finishedAt: AT });
    expect(cancelTicket(inStatus('called'), { at: AT })).toMatchObject({ status: 'cancelled', finishedAt: AT });
  });
});

describe('transfer', () => {
  it('moves to another field keeping number, seq and issue time', () => {
    const serving = { ...inStatus('serving'), number: 'A-023', seq: 23, note: 'cũ' };
    const moved = transferTicket(serving, { toFieldId: 'f-civil', note: 'Thiếu giấy tờ', at: AT });
    expect(moved).toMatchObject({
      status: 'waiting',
      fieldId: 'f-civil',
      numberFieldId: 'f-land',
      number: 'A-023',
      seq: 23,
      issuedAt: T0,
      targetCounterId: null,
      transferCount: 1,
      note: 'Thiếu giấy tờ',
    });
    expect(moved).toMatchObject({ counterId: null, officerId: null, calledAt: null, servingAt: null, callCount: 0 });
  });

  it('targets a named counter, field unchanged', () => {
    const moved = transferTicket(inStatus('called'), { toCounterId: 'c3', at: AT });
    expect(moved).toMatchObject({ status: 'waiting', fieldId: 'f-land', targetCounterId: 'c3', transferCount: 1 });
  });

  it('keeps the note when none given and clears it with null', () => {
    const t = makeTicket({ note: 'giữ' });
    expect(transferTicket(t, { toCounterId: 'c3', at: AT }).note).toBe('giữ');
    expect(transferTicket(t, { toCounterId: 'c3', note: null, at: AT }).note).toBeNull();
  });

  it('counts repeated transfers', () => {
    const once = transferTicket(makeTicket(), { toFieldId: 'f-civil', at: AT });
    expect(transferTicket(once, { toFieldId: 'f-land', at: AT }).transferCount).toBe(2);
  });

  it('requires a target field or counter', () => {
    expect(() => transferTicket(makeTicket(), { at: AT })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('issuedTicket', () => {
  it('is waiting in its field, numbered there, and carries nothing of a call, a counter or a transfer', () => {
    const t = issuedTicket({ id: 'x', serviceDay: '2026-11-23', fieldId: 'f-civil', seq: 7, number: 'B-007', priorityGroup: 'elderly', issuedAt: T0, source: 'counter', issuedBy: 'o1' });
    expect(t).toEqual({
      id: 'x', serviceDay: '2026-11-23', fieldId: 'f-civil', numberFieldId: 'f-civil', seq: 7, number: 'B-007', priorityGroup: 'elderly',
      status: 'waiting', issuedAt: T0, calledAt: null, servingAt: null, finishedAt: null, counterId: null, officerId: null,
      callCount: 0, targetCounterId: null, transferCount: 0, note: null, source: 'counter', issuedBy: 'o1',
    });
    const called = callTicket(t, { counterId: 'c1', officerId: 'o1', at: T0 + 1000 });
    expect(called.status).toBe('called');
    expect(called.callCount).toBe(1);
  });
});
