import { describe, expect, it } from 'vitest';
import { voiceTestCalls } from './use-announcements';

describe('voice test parameter', () => {
  it('reads number:counter pairs and ignores the rest', () => {
    expect(voiceTestCalls('1023:3, A-012:12,bad,5:x')).toEqual([
      { ticketId: 'voicetest-0', number: '1023', counterNumber: 3, recall: false },
      { ticketId: 'voicetest-1', number: 'A-012', counterNumber: 12, recall: false },
    ]);
    expect(voiceTestCalls(null)).toEqual([]);
  });
});
