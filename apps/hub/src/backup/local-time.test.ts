import { describe, expect, it } from 'vitest';
import { formatLocal, instantOf, localStamp, nextDailyAt, parseTimeOfDay, previousDailyAt } from './local-time';

const HCM = 'Asia/Ho_Chi_Minh';

describe('local time of backups (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('names a moment by its local date and time', () => {
    expect(localStamp(Date.parse('2026-11-23T15:30:05Z'), HCM)).toBe('20261123-223005');
    expect(localStamp(Date.parse('2026-12-31T17:00:00Z'), HCM)).toBe('20270101-000000');
    expect(formatLocal(Date.parse('2026-11-23T02:00:00Z'), HCM)).toBe('2026-11-23 09:00:00');
  });

  it('finds the instant of a local date and time', () => {
    expect(instantOf({ year: 2026, month: 11, day: 23, hour: 22, minute: 30, second: 0 }, HCM)).toBe(Date.parse('2026-11-23T15:30:00Z'));
    expect(instantOf({ year: 2026, month: 7, day: 1, hour: 22, minute: 30, second: 0 }, 'Europe/Berlin')).toBe(Date.parse('2026-07-01T20:30:00Z'));
  });

  it('parses HH:MM and nothing else', () => {
    expect(parseTimeOfDay('22:30')).toBe(22 * 60 + 30);
    expect(parseTimeOfDay('7:05')).toBe(7 * 60 + 5);
    expect(parseTimeOfDay('00:00')).toBe(0);
    for (const bad of ['24:00', '22:60', '2230', '', '22:30:00', 'noon']) expect(parseTimeOfDay(bad)).toBeNull();
  });

  it('the next daily time is strictly later; the previous one at or before now', () => {
    const at = 22 * 60 + 30;
    const morning = Date.parse('2026-11-23T02:00:00Z'); // 09:00 local
    expect(nextDailyAt(morning, at, HCM)).toBe(Date.parse('2026-11-23T15:30:00Z'));
    expect(previousDailyAt(morning, at, HCM)).toBe(Date.parse('2026-11-22T15:30:00Z'));
    const exactly = Date.parse('2026-11-23T15:30:00Z');
    expect(nextDailyAt(exactly, at, HCM)).toBe(Date.parse('2026-11-24T15:30:00Z'));
    expect(previousDailyAt(exactly, at, HCM)).toBe(exactly);
    // local midnight crossing: 23:59 local on the 31st of December
    expect(nextDailyAt(Date.parse('2026-12-31T16:59:00Z'), 30, HCM)).toBe(Date.parse('2026-12-31T17:30:00Z'));
  });
});
