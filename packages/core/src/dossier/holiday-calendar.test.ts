import { describe, expect, it } from 'vitest';
import { computedHolidays, defaultHolidays, SiteCalendar } from './holiday-calendar';
import { LUNAR_HOLIDAYS } from './lunar-table';
import { addWorkingDays, dueDateFor } from './working-days';

const DEFAULTS = new SiteCalendar([]);
/** Local Hanoi wall-clock time as an instant. */
const hanoi = (iso: string): number => Date.parse(`${iso}+07:00`);
const offDays = (year: number, cal: SiteCalendar = DEFAULTS): string[] => {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    const wd = new Date(t).getUTCDay();
    if (wd >= 1 && wd <= 5 && !cal.isWorkingDay(d)) out.push(d);
  }
  return out;
};

describe('the lunar table', () => {
  it('has the known Tết and Giỗ Tổ dates (Vietnamese calendar, UTC+7)', () => {
    const tet = { 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-02' };
    for (const [y, d] of Object.entries(tet)) expect(LUNAR_HOLIDAYS[Number(y)]?.tet, y).toBe(d);
    expect(LUNAR_HOLIDAYS[2025]?.hungKings).toBe('2025-04-07');
    expect(LUNAR_HOLIDAYS[2026]?.hungKings).toBe('2026-04-26');
  });
});

describe('the default calendar', () => {
  it('reviewer: Friday 29/08/2025 16:30 + 3 working days = 05/09/2025, + 1 = 03/09/2025', () => {
    const at = hanoi('2025-08-29T16:30:00');
    expect(dueDateFor(at, 3, DEFAULTS)).toBe('2025-09-05');
    expect(dueDateFor(at, 1, DEFAULTS)).toBe('2025-09-03');
  });

  it('reviewer: same-day chứng thực received after the 15:00 cut-off is due the next working day', () => {
    expect(dueDateFor(hanoi('2025-08-28T14:59:00'), 0, DEFAULTS, undefined, '15:00')).toBe('2025-08-28');
    expect(dueDateFor(hanoi('2025-08-28T15:20:00'), 0, DEFAULTS, undefined, '15:00')).toBe('2025-08-29');
    // Friday after the cut-off: Monday 1/9 and Tuesday 2/9 are Quốc khánh
    expect(dueDateFor(hanoi('2025-08-29T15:20:00'), 0, DEFAULTS, undefined, '15:00')).toBe('2025-09-03');
    // on a Saturday the cut-off changes nothing: it already counts from Monday
    expect(dueDateFor(hanoi('2025-09-06T16:00:00'), 0, DEFAULTS, undefined, '15:00')).toBe('2025-09-08');
    expect(dueDateFor(hanoi('2025-08-28T15:20:00'), 0, DEFAULTS)).toBe('2025-08-28');
  });

  it('2025 as announced: Tết 25/01–02/02 with Saturday 08/02 worked, 30/4–2/5 with 26/4 worked, 1/9–2/9', () => {
    expect(offDays(2025)).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    ]);
    expect(DEFAULTS.isWorkingDay('2025-02-08')).toBe(true); // ngày làm bù, a Saturday
    expect(DEFAULTS.isWorkingDay('2025-04-26')).toBe(true);
    expect(addWorkingDays('2025-02-07', 1, DEFAULTS)).toBe('2025-02-08');
  });

  it('Tết spans 2025–2030: five days (last day of the lunar year + 1..4 tháng Giêng), nghỉ bù after a weekend', () => {
    const tetOff = (y: number): string[] => defaultHolidays(y).filter((h) => h.name.startsWith('Tết Nguyên đán') && h.kind === 'off').map((h) => h.day);
    expect(tetOff(2026)).toEqual(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
    // Tết 2027 is Saturday 6/2: 5/2–9/2 and two days nghỉ bù 10/2, 11/2
    expect(tetOff(2027)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
    expect(tetOff(2028)).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29', '2028-01-31']);
    expect(tetOff(2029)).toEqual(['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16']);
    expect(tetOff(2030)).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
  });

  it('a holiday on a Sunday gives its nghỉ bù on the next working day (Giỗ Tổ 26/4/2026, 2/9/2029)', () => {
    expect(DEFAULTS.holidayName('2026-04-27')).toBe('Giỗ Tổ Hùng Vương (nghỉ bù)');
    expect(computedHolidays(2029).filter((h) => h.day.startsWith('2029-09'))).toEqual([
      { day: '2029-09-01', name: 'Quốc khánh', kind: 'off' },
      { day: '2029-09-02', name: 'Quốc khánh', kind: 'off' },
      { day: '2029-09-03', name: 'Quốc khánh (nghỉ bù)', kind: 'off' },
      { day: '2029-09-04', name: 'Quốc khánh (nghỉ bù)', kind: 'off' },
    ]);
    expect(addWorkingDays('2029-08-31', 1, DEFAULTS)).toBe('2029-09-05');
  });
});

describe('site entries over the defaults', () => {
  it('a worked Saturday, an extra day off, a cancelled default and the 3/9 swap', () => {
    const cal = new SiteCalendar([
      { day: '2027-09-01', name: 'Hoán đổi sang 3/9', kind: 'work' },
      { day: '2027-09-03', name: 'Quốc khánh', kind: 'off' },
      { day: '2027-09-04', name: 'Làm bù', kind: 'work' },
      { day: '2027-12-31', name: 'Nghỉ cuối năm', kind: 'off' },
    ]);
    expect(offDays(2027, cal).filter((d) => d >= '2027-08-01')).toEqual(['2027-09-02', '2027-09-03', '2027-12-31']);
    expect(cal.isWorkingDay('2027-09-04')).toBe(true); // a Saturday
    expect(addWorkingDays('2027-08-31', 1, cal)).toBe('2027-09-01');
    expect(addWorkingDays('2027-09-01', 1, cal)).toBe('2027-09-04');
  });

  it('an open entry opens the kiosk and keeps the holiday for due dates', () => {
    const cal = new SiteCalendar([{ day: '2026-09-01', name: 'Mở cửa phục vụ', kind: 'open' }]);
    expect(DEFAULTS.kioskClosedFor('2026-09-01')).toBe('Quốc khánh');
    expect(cal.kioskClosedFor('2026-09-01')).toBeNull();
    expect(cal.kioskClosedFor('2026-09-02')).toBe('Quốc khánh');
    expect(cal.isWorkingDay('2026-09-01')).toBe(false);
    expect(cal.kioskClosedFor('2026-09-03')).toBeNull();
  });
});
