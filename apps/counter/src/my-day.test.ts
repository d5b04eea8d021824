import type { HubEvent, OfficerDayStats, TicketView } from '@qms/protocol';
import { describe, expect, it } from 'vitest';
import { applyMyDay, myDayNeedsHubFigures } from './my-day';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 't', number: '1001', seq: 1, fieldId: 'f', status: 'done', priorityGroup: null, issuedAt: 0, calledAt: 0, servingAt: 0,
  finishedAt: 0, counterId: 'q1', targetCounterId: null, callCount: 1, transferCount: 0, officerId: 'me', note: null, ...over,
});
const changed = (action: 'finish' | 'no_show' | 'start', t: TicketView): HubEvent => ({ type: 'ticket:changed', action, ticket: t, stats: [], seq: 1, at: 0 });

describe('my day figures', () => {
  it('counts my finishes with their service time and my no-shows; ignores others', () => {
    let s: OfficerDayStats = { served: 1, noShow: 0, avgServiceMs: 60_000 };
    s = applyMyDay(s, changed('finish', ticket({ servingAt: 0, finishedAt: 180_000 })), 'me');
    expect(s).toEqual({ served: 2, noShow: 0, avgServiceMs: 120_000 });
    s = applyMyDay(s, changed('no_show', ticket({ status: 'no_show' })), 'me');
    expect(s.noShow).toBe(1);
    s = applyMyDay(s, changed('finish', ticket({ officerId: 'someone-else' })), 'me');
    s = applyMyDay(s, changed('start', ticket({ status: 'serving' })), 'me');
    expect(s).toEqual({ served: 2, noShow: 1, avgServiceMs: 120_000 });
  });

  it('a no-show called back needs the hub\'s figures; a first call or a recall does not', () => {
    const called = (t: TicketView, recall: boolean): HubEvent => ({ type: 'ticket:called', ticket: t, counterNumber: 1, recall, stats: [], seq: 1, at: 0 });
    expect(myDayNeedsHubFigures(called(ticket({ status: 'called', callCount: 2 }), false))).toBe(true);
    expect(myDayNeedsHubFigures(called(ticket({ status: 'called', callCount: 1 }), false))).toBe(false);
    expect(myDayNeedsHubFigures(called(ticket({ status: 'called', callCount: 3 }), true))).toBe(false);
  });
});
