import { describe, expect, it } from 'vitest';
import { localDateTime, localDateTimeIntl } from './local-time';

const SINCE_1975 = Date.UTC(1975, 5, 12, 16);
const YEAR_2100 = Date.UTC(2100, 0, 1);
/** A step that is no whole number of minutes, hours or days, so the samples fall everywhere in the day. */
const STEP = 86_400_000 + 7 * 60_000 + 13_337;

describe('localDateTime', () => {
  it('Vietnam (fixed +07:00 since June 1975) by arithmetic agrees with Intl from 1975 to 2100', () => {
    let checked = 0;
    for (let at = SINCE_1975; at < YEAR_2100; at += STEP) {
      expect(localDateTime(at, 'Asia/Ho_Chi_Minh')).toEqual(localDateTimeIntl(at, 'Asia/Ho_Chi_Minh'));
      checked++;
    }
    expect(checked).toBeGreaterThan(45_000);
  });

  it('agrees with Intl around local midnight, the instant numbering restarts', () => {
    for (let day = 0; day < 400; day++) {
      const midnight = Date.UTC(2026, 0, 1 + day) - 7 * 3600_000;
      for (const at of [midnight - 1, midnight, midnight + 1, midnight + 59_999]) {
        expect(localDateTime(at, 'Asia/Ho_Chi_Minh')).toEqual(localDateTimeIntl(at, 'Asia/Ho_Chi_Minh'));
      }
    }
    expect(localDateTime(Date.UTC(2026, 10, 23, 17) - 1, 'Asia/Ho_Chi_Minh')).toMatchObject({ day: 23, hour: 23, minute: 59, second: 59 });
    expect(localDateTime(Date.UTC(2026, 10, 23, 17), 'Asia/Ho_Chi_Minh')).toMatchObject({ day: 24, hour: 0, minute: 0, weekday: 2 });
  });

  it('before June 1975 (+08:00 then) and in zones with daylight saving, it is Intl', () => {
    const at = Date.UTC(1975, 0, 1, 16, 30);
    expect(localDateTime(at, 'Asia/Ho_Chi_Minh')).toMatchObject({ year: 1975, month: 1, day: 2, hour: 0, minute: 30 });
    for (let t = 0; t < YEAR_2100; t += STEP * 7) {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'UTC']) expect(localDateTime(t, zone)).toEqual(localDateTimeIntl(t, zone));
    }
  });
});
