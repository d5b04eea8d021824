import type { OfficerDayStats, Snapshot, TicketView } from '@qms/protocol';
import { minutesBetween, type ConnectionView, type HubConnection, type Locale, type Translate } from '@qms/ui';
import { useEffect, useState } from 'react';
import type { CounterKey } from './messages';
import { applyMyDay, myDayNeedsHubFigures } from './my-day';

interface Props {
  snapshot: Snapshot;
  queue: TicketView[];
  me: string;
  view: ConnectionView;
  t: Translate<CounterKey>;
  locale: Locale;
  now: number;
  conn: HubConnection;
}

const SHOWN = 12;

function useMyDay(conn: HubConnection, snapshot: Snapshot, me: string): OfficerDayStats {
  const [stats, setStats] = useState<OfficerDayStats>(snapshot.myStats ?? { served: 0, noShow: 0, avgServiceMs: null });
  useEffect(() => setStats(snapshot.myStats ?? { served: 0, noShow: 0, avgServiceMs: null }), [snapshot.myStats]);
  useEffect(
    () =>
      conn.onHubEvent((e, live) => {
        if (live && myDayNeedsHubFigures(e)) void conn.resync();
        else setStats((s) => applyMyDay(s, e, me));
      }),
    [conn, me],
  );
  return stats;
}

export function SidePanel({ snapshot, queue, me, view, t, locale, now, conn }: Props) {
  const stats = useMyDay(conn, snapshot, me);
  const fieldName = (id: string): string => {
    const f = snapshot.fields.find((x) => x.id === id);
    return (locale === 'vi' ? f?.nameVi : f?.nameEn) ?? id;
  };
  return (
    <aside className="side">
      <div className={`conn is-${view.status}`} data-testid="conn-state">{view.status === 'online' ? t('online') : t('offline')}</div>
      <section>
        <h2>{t('queue', { n: queue.length })}</h2>
        {queue.length === 0 && <p className="muted">{t('queueEmpty')}</p>}
        <ol className="queue" data-testid="queue">
          {queue.slice(0, SHOWN).map((q) => (
            <li key={q.id} data-number={q.number} className={q.priorityGroup ? 'is-priority' : ''}>
              <strong>{q.number}</strong>
              <span>{q.priorityGroup ? '★ ' : ''}{fieldName(q.fieldId)}</span>
              <em>{t('minutesShort', { n: minutesBetween(q.issuedAt, now) })}</em>
            </li>
          ))}
        </ol>
        {queue.length > SHOWN && <p className="muted">+{queue.length - SHOWN}</p>}
      </section>
      <section>
        <h2>{t('myDay')}</h2>
        <dl className="my-day" data-testid="my-day">
          <dt>{t('served')}</dt><dd data-testid="served">{stats.served}</dd>
          <dt>{t('noShows')}</dt><dd data-testid="no-shows">{stats.noShow}</dd>
          <dt>{t('avgService')}</dt>
          <dd>{stats.avgServiceMs === null ? '—' : t('minutesShort', { n: Math.round(stats.avgServiceMs / 60_000) })}</dd>
        </dl>
      </section>
    </aside>
  );
}
