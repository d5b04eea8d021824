import { describe, expect, it } from 'vitest';
import { parseDateCell, toEpochMs, toLocalDate } from './dates';
import { vn } from './test-fixtures';

const epoch = (cell: Parameters<typeof parseDateCell>[0]): number | null => {
  const t = parseDateCell(cell);
  return t ? toEpochMs(t) : null;
};

describe('dates (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('reads DD/MM/YYYY as local midnight and DD/MM/YYYY HH:mm as that local time', () => {
    expect(epoch('15/01/2024')).toBe(vn('2024-01-15T00:00'));
    expect(epoch('15/01/2024')).toBe(Date.UTC(2024, 0, 14, 17));
    expect(epoch('15/01/2024 08:30')).toBe(vn('2024-01-15T08:30'));
    expect(epoch('5/1/2024 8:05:09')).toBe(vn('2024-01-05T08:05:09'));
    expect(epoch('15-01-2024')).toBe(vn('2024-01-15T00:00'));
    expect(epoch('15.01.2024')).toBe(vn('2024-01-15T00:00'));
  });

  it('reads YYYY-MM-DD, with an optional time after a space or T', () => {
    expect(epoch('2024-01-15')).toBe(vn('2024-01-15T00:00'));
    expect(epoch(' 2024-01-15 23:59 ')).toBe(vn('2024-01-15T23:59'));
    expect(epoch('2024-01-15T07:00:30')).toBe(vn('2024-01-15T07:00:30'));
  });

  it('reads Excel date cells (wall clock in the UTC fields) and date serials, to the nearest second', () => {
    expect(epoch(new Date(Date.UTC(2024, 0, 15, 8, 30)))).toBe(vn('2024-01-15T08:30'));
    expect(epoch(new Date(Date.UTC(2024, 0, 15, 8, 29, 59, 999)))).toBe(vn('2024-01-15T08:30'));
    expect(epoch(45306)).toBe(vn('2024-01-15T00:00'));
    expect(epoch(45306.5)).toBe(vn('2024-01-15T12:00'));
  });

  it('refuses impossible dates, other orders, two-digit years, offsets and non-dates', () => {
    for (const bad of ['32/01/2024', '29/02/2023', '31/04/2024', '15/13/2024', '15/01/24', '01/15/2024 25:00', '2024/01/15', '15/01-2024',
      '2024-01-15T08:30Z', '2024-01-15T08:30+07:00', '15/01/2024 08:60', 'hôm nay', '', '45306', '31/12/1999', '01/01/2100']) {
      expect(parseDateCell(bad), bad).toBeNull();
    }
    expect(parseDateCell(29)).toBeNull(); // serial 29 = 1900-01-28: a number, not a dossier date
    expect(parseDateCell(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('takes the years 2000–2099', () => {
    expect(epoch('01/01/2000')).toBe(vn('2000-01-01T00:00'));
    expect(epoch('2099-12-31 23:59')).toBe(vn('2099-12-31T23:59'));
  });

  it('takes leap days and keeps the local date of a late-evening time', () => {
    expect(epoch('29/02/2024')).toBe(vn('2024-02-29T00:00'));
    const t = parseDateCell('31/12/2024 23:30');
    expect(t && toLocalDate(t)).toBe('2024-12-31');
  });

  it('blank and boolean cells hold no date', () => {
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(undefined)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(new Date(Number.NaN))).toBeNull();
  });
});
