import { describe, it, expect } from 'vitest';
import type { NumberFormat } from './model';
import { formatTicketNumber, localTimeOf, nextSequence, serviceDayOf, validateNumberFormat } from './numbering';

const prefixed: NumberFormat = { style: 'prefixed', prefix: 'A', rangeStart: 1, rangeEnd: 999, pad: 3 };
const numeric: NumberFormat = { style: 'numeric', prefix: '', rangeStart: 1001, rangeEnd: 1999, pad: 4 };

describe('service day (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('rolls over at local midnight, i.e. 17:00Z', () => {
    expect(serviceDayOf(Date.parse('2026-11-23T16:59:59.999Z'))).toBe('2026-11-23');
    expect(serviceDayOf(Date.parse('2026-11-23T17:00:00.000Z'))).toBe('2026-11-24');
  });

  it('defaults to Hanoi and honours another zone', () => {
    const at = Date.parse('2026-11-23T17:00:00.000Z');
    expect(serviceDayOf(at, 'Asia/Ho_Chi_Minh')).toBe('2026-11-24');
    expect(serviceDayOf(at, 'UTC')).toBe('2026-11-23');
  });

  it('handles a year boundary', () => {
    expect(serviceDayOf(Date.parse('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });
});

describe('local time', () => {
  it('gives weekday and minutes since local midnight', () => {
    // 2026-11-23 is a Monday; 00:30Z is 07:30 in Hanoi
    expect(localTimeOf(Date.parse('2026-11-23T00:30:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ weekday: 1, minutes: 450 });
  });

  it('starts the next weekday at local midnight with minute 0', () => {
    expect(localTimeOf(Date.parse('2026-11-23T16:59:59.999Z'))).toEqual({ weekday: 1, minutes: 1439 });
    expect(localTimeOf(Date.parse('2026-11-23T17:00:00.000Z'))).toEqual({ weekday: 2, minutes: 0 });
  });

  it('reads Sunday as 0', () => {
    expect(localTimeOf(Date.parse('2026-11-22T03:00:00Z')).weekday).toBe(0);
  });
});

describe('number format validation', () => {
  it('accepts sane formats', () => {
    expect(() => validateNumberFormat(prefixed)).not.toThrow();
    expect(() => validateNumberFormat(numeric)).not.toThrow();
    expect(() => validateNumberFormat({ ...prefixed, prefix: 'ABC', pad: 6 })).not.toThrow();
    expect(() => validateNumberFormat({ ...numeric, rangeStart: 0, rangeEnd: 99_999, pad: 1 })).not.toThrow();
  });

  it.each<[string, NumberFormat]>([
    ['negative start', { ...prefixed, rangeStart: -1 }],
    ['fractional end', { ...prefixed, rangeEnd: 10.5 }],
    ['NaN start', { ...prefixed, rangeStart: Number.NaN }],
    ['start above end', { ...prefixed, rangeStart: 500, rangeEnd: 499 }],
    ['empty prefix', { ...prefixed, prefix: '' }],
    ['lowercase prefix', { ...prefixed, prefix: 'a' }],
    ['four-letter prefix', { ...prefixed, prefix: 'ABCD' }],
    ['digit prefix', { ...prefixed, prefix: 'A1' }],
    ['Vietnamese letter prefix', { ...prefixed, prefix: 'Đ' }],
    ['pad 0', { ...prefixed, pad: 0 }],
    ['pad 7', { ...prefixed, pad: 7 }],
    ['fractional pad', { ...prefixed, pad: 2.5 }],
    ['numeric end above 99999', { ...numeric, rangeEnd: 100_000 }],
  ])('rejects %s', (_label, format) => {
    expect(() => validateNumberFormat(format)).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER_FORMAT' }));
  });

  it('ignores the prefix of a numeric format', () => {
    expect(() => validateNumberFormat({ ...numeric, prefix: 'whatever' })).not.toThrow();
  });
});

describe('sequence', () => {
  it('starts the day at rangeStart', () => {
    expect(nextSequence(prefixed, null)).toBe(1);
    expect(nextSequence(numeric, null)).toBe(1001);
  });

  it('continues from the stored last sequence after a restart', () => {
    expect(nextSequence(prefixed, 22)).toBe(23);
    expect(nextSequence(numeric, 1022)).toBe(1023);
  });

  it('issues the last number of the range, then is exhausted', () => {
    expect(nextSequence(prefixed, 998)).toBe(999);
    expect(() => nextSequence(prefixed, 999)).toThrow(expect.objectContaining({ code: 'NUMBER_RANGE_EXHAUSTED' }));
    const single = { ...prefixed, rangeStart: 5, rangeEnd: 5 };
    expect(nextSequence(single, null)).toBe(5);
    expect(() => nextSequence(single, 5)).toThrow(expect.objectContaining({ code: 'NUMBER_RANGE_EXHAUSTED' }));
  });

  it('restarts at rangeStart when the stored sequence is below a raised range', () => {
    expect(nextSequence(numeric, 7)).toBe(1001);
  });

  it('rejects a non-integer stored sequence', () => {
    expect(() => nextSequence(prefixed, 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('formatting', () => {
  it('pads prefixed numbers', () => {
    expect(formatTicketNumber(prefixed, 23)).toBe('A-023');
    expect(formatTicketNumber(prefixed, 7)).toBe('A-007');
    expect(formatTicketNumber({ ...prefixed, prefix: 'HT', pad: 2 }, 123)).toBe('HT-123');
  });

  it('prints numeric numbers as is', () => {
    expect(formatTicketNumber(numeric, 1023)).toBe('1023');
    expect(formatTicketNumber({ ...numeric, pad: 6 }, 5)).toBe('5');
  });
});
