import type { SiteView } from '@qms/protocol';
import { formatClock, formatLongDate, type Translate } from '@qms/ui';
import type { KioskKey } from './messages';

/** Outside opening hours, or all day on a public holiday (then its name is shown). */
export function ClosedScreen({ site, now, holiday, t }: { site: SiteView; now: number; holiday: string | null; t: Translate<KioskKey> }) {
  const byDay = [1, 2, 3, 4, 5, 6, 0].map((d) => ({
    day: t(`weekday${d}` as KioskKey),
    hours: site.openingHours.filter((h) => h.weekday === d).map((h) => `${h.open}–${h.close}`),
  }));
  return (
    <main className="closed" data-testid="closed">
      <h1 className="site-name">{site.name}</h1>
      <p className="closed-time">{formatClock(now, site.timeZone)} · {formatLongDate(now, site.timeZone)}</p>
      <h2 data-testid="closed-title">{holiday === null ? t('closedTitle') : t('holidayTitle', { holiday })}</h2>
      <p>{holiday === null ? t('closedBody') : t('holidayBody')}</p>
      <table className="hours">
        <tbody>
          {byDay.filter((d) => d.hours.length > 0).map((d) => (
            <tr key={d.day}><th>{d.day}</th><td>{d.hours.join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
