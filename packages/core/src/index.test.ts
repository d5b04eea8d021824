import { describe, it, expect } from 'vitest';
import * as core from './index';

describe('package entry', () => {
  it('re-exports every module', () => {
    const names = [
      'DomainError', 'ERROR_CODES', 'TICKET_STATUSES', 'PRIORITY_GROUPS',
      'callTicket', 'recallTicket', 'startServing', 'finishTicket', 'markNoShow', 'transferTicket',
      'cancelTicket', 'canTransition', 'IllegalTransitionError',
      'serviceDayOf', 'localTimeOf', 'validateNumberFormat', 'nextSequence', 'formatTicketNumber',
      'isEligibleForCounter', 'compareQueueOrder', 'selectNextTicket', 'nextConsecutivePriorityCalls',
      'queueForCounter', 'peopleAheadInField', 'priorityGroupsInEffect', 'ranksAsPriority', 'ranksAhead', 'averageServiceMs', 'estimateWaitMinutes',
      'numberToVietnameseWords', 'numberToWords', 'isOpenAt', 'parseHHMM',
    ];
    for (const name of names) expect(core, name).toHaveProperty(name);
  });
});
