import { describe, it, expect } from 'vitest';
import type { OpeningSession } from './model';
import { isOpenAt, parseHHMM } from './opening-hours';

/** Mon–Fri 07:30–11:30 and 13:30–17:00, Saturday morning. */
const WEEK: OpeningSession[] = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, open: '07:30', close: '11:30' },
    { weekday, open: '13:30', close: '17:00' },
  ]),
  { weekday: 6, open: '07:30', close: '11:30' },
];
const site = { openingHours: WEEK, timeZone: 'Asia/Ho_Chi_Minh' };

/** Local Hanoi time on Monday 2026-11-23 (+ dayOffset days) -> epoch ms. */
function hanoi(hhmm: string, dayOffset = 0): number {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 10, 23 + dayOffset, (h ?? 0) - 7, m ?? 0);
}

describe('parseHHMM', () => {
  it('parses valid times', () => {
    expect(parseHHMM('07:30')).toBe(450);
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('23:59')).toBe(1439);
    expect(parseHHMM('24:00')).toBe(1440);
  });

  it.each(['7:30', '24:01', '25:00', '12:60', '', '12-30', ' 07:30', '07:30:00', 'ab:cd'])('rejects "%s"', (v) => {
    expect(() => parseHHMM(v)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('isOpenAt', () => {
  it('is open inside a session, including its opening minute', () => {
    expect(isOpenAt(site, hanoi('07:30'))).toBe(true);
    expect(isOpenAt(site, hanoi('10:00'))).toBe(true);
    expect(isOpenAt(site, hanoi('16:59'))).toBe(true);
  });

  it('is closed before opening, at closing time and over lunch', () => {
    expect(isOpenAt(site, hanoi('07:29'))).toBe(false);
    expect(isOpenAt(site, hanoi('11:30'))).toBe(false);
    expect(isOpenAt(site, hanoi('12:00'))).toBe(false);
    expect(isOpenAt(site, hanoi('17:00'))).toBe(false);
  });

  it('uses the local weekday: Saturday morning only, Sunday closed', () => {
    expect(isOpenAt(site, hanoi('08:00', 5))).toBe(true);
    expect(isOpenAt(site, hanoi('14:00', 5))).toBe(false);
    expect(isOpenAt(site, hanoi('08:00', 6))).toBe(false);
  });

  it('reads the clock in the site zone, not UTC', () => {
    // 2026-11-23T00:30Z is Monday 07:30 in Hanoi but still Sunday night in UTC
    expect(isOpenAt(site, Date.parse('2026-11-23T00:30:00Z'))).toBe(true);
    expect(isOpenAt({ ...site, timeZone: 'UTC' }, Date.parse('2026-11-23T00:30:00Z'))).toBe(false);
  });

  it('is closed with no sessions', () => {
    expect(isOpenAt({ openingHours: [], timeZone: 'Asia/Ho_Chi_Minh' }, hanoi('10:00'))).toBe(false);
  });
});
