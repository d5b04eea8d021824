import { DomainError } from './errors';
import type { EpochMs, Site } from './model';
import { localTimeOf } from './numbering';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` -> minutes since midnight ('07:30' -> 450). `24:00` is accepted as end of day (1440). */
export function parseHHMM(value: string): number {
  if (value === '24:00') return 24 * 60;
  const m = HHMM.exec(value);
  if (m === null) throw new DomainError('INVALID_ARGUMENT', `Giờ không hợp lệ: “${value}” (cần dạng HH:MM)`, { value });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Open when some session of the local weekday has open <= now < close. */
export function isOpenAt(site: Pick<Site, 'openingHours' | 'timeZone'>, at: EpochMs): boolean {
  const { weekday, minutes } = localTimeOf(at, site.timeZone);
  return site.openingHours.some(
    (s) => s.weekday === weekday && parseHHMM(s.open) <= minutes && minutes < parseHHMM(s.close),
  );
}
