import { defaultHolidays, isAnnouncedYear, type CalendarEntry } from '@qms/core';
import type { Locale, Translate } from '@qms/ui';
import { WEEKDAY_LABELS } from '../i18n/labels';
import type { HolidayKey } from '../i18n/holidays';

export function weekdayOf(day: string): number | null {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d.getUTCDay();
}

/** Vietnam's default holidays of one year (read-only); each day can be worked or opened for the kiosk. */
export function DefaultHolidays({ year, site, locale, t, onAdd }: {
  year: number;
  site: readonly CalendarEntry[];
  locale: Locale;
  t: Translate<HolidayKey>;
  onAdd: (entry: CalendarEntry) => void;
}) {
  const rows = defaultHolidays(year);
  const lunar = rows.some((r) => r.name.startsWith('Tết Nguyên đán'));
  return (
    <div data-testid="default-holidays" data-year={year}>
      <h3>{t('defaultsTitle', { year })}</h3>
      <p className="muted small">{isAnnouncedYear(year) ? t('defaultsAnnounced', { year }) : t('defaultsComputed')}</p>
      {!lunar && <p className="muted small" data-testid="no-lunar">{t('noDefaults')}</p>}
      <table className="table compact default-holidays">
        <tbody>
          {rows.map((r) => {
            const wd = weekdayOf(r.day);
            const own = site.find((s) => s.day === r.day);
            return (
              <tr key={r.day} data-default-day={r.day} className={own ? 'muted' : ''}>
                <td className="nowrap">{r.day.split('-').reverse().join('/')}<br /><span className="muted small">{wd === null ? '' : WEEKDAY_LABELS[locale][wd]}</span></td>
                <td>{r.name}<br /><span className="muted small">{r.kind === 'work' ? t('defaultWork') : t('defaultOff')}</span></td>
                <td className="nowrap">
                  {own ? <span className="small">{t('overridden')}</span> : r.kind === 'off' && (
                    <>
                      <button type="button" className="btn small" data-work-day={r.day} onClick={() => onAdd({ day: r.day, name: t('newWorkName'), kind: 'work' })}>{t('workThisDay')}</button>{' '}
                      <button type="button" className="btn small" data-open-day={r.day} onClick={() => onAdd({ day: r.day, name: t('newOpenName'), kind: 'open' })}>{t('openKiosk')}</button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
