import type { Dashboard } from '@qms/protocol';
import { formatClock, type Locale, type Translate } from '@qms/ui';
import { formatDateTime } from '../i18n/labels';
import type { OpsKey } from '../i18n/ops';
import { faultKindLabel, faultReason } from '../lib/printer-faults';

type P = { data: Dashboard; t: Translate<OpsKey>; tz: string; locale: Locale };

/** A time of today as 09:05; one of another day with its date. */
function whenOf(tz: string, locale: Locale, now: number): (at: number) => string {
  const days = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = (x: number): string => days.format(x);
  return (at) => (day(at) === day(now) ? formatClock(at, tz, locale) : formatDateTime(at, tz, locale));
}

/** Open printer faults: one row per kiosk and kind, with how often and since when. */
export function OpenFaults({ data, t, tz, locale }: P) {
  const n = data.printerFaults.length;
  const when = whenOf(tz, locale, data.now);
  return (
    <section className={`card dash-faults${n > 0 ? ' has-faults' : ''}`} data-testid="dash-faults" data-faults={n}>
      <h2>{t('faultsTitle')}{n > 0 && <span className="badge is-danger"> {n}</span>}</h2>
      {n === 0 ? <p className="ok-text">{t('noFaults')}</p> : (
        <ul className="faults">
          {data.printerFaults.map((f) => {
            const { reason, detail } = faultReason(f.fault, f.message);
            return (
              <li key={f.id} data-fault={f.id} data-kind={f.fault} data-count={f.count} title={detail ?? undefined}>
                <strong>{f.deviceName}</strong>
                <span className="fault-kind">{faultKindLabel(f.fault, locale)}</span>
                {reason && <span className="fault-reason">{reason}</span>}
                <span className="fault-times" data-testid="fault-times">
                  {t('faultTimes', { n: f.count, first: when(f.at), last: when(f.lastSeenAt) })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Today's fault history: open and resolved, one row per kiosk and kind. */
export function FaultHistory({ data, t, tz, locale }: P) {
  const rows = data.faultHistory;
  const when = whenOf(tz, locale, data.now);
  return (
    <section className="card dash-fault-history" data-testid="fault-history" data-rows={rows.length}>
      <h2>{t('faultHistoryTitle')}</h2>
      {rows.length === 0 ? <p className="muted">{t('noFaultHistory')}</p> : (
        <table className="table compact">
          <thead>
            <tr><th>{t('faultDevice')}</th><th>{t('faultKind')}</th><th>{t('faultCount')}</th><th>{t('faultFirst')}</th><th>{t('faultLast')}</th><th>{t('faultState')}</th></tr>
          </thead>
          <tbody>
            {rows.map((g) => {
              const { reason, detail } = faultReason(g.fault, g.message);
              return (
                <tr key={`${g.deviceId}|${g.fault}`} data-device={g.deviceId} data-kind={g.fault} data-count={g.count} title={detail ?? undefined}>
                  <td>{g.deviceName}</td>
                  <td>{faultKindLabel(g.fault, locale)}{reason && <><br /><small className="muted">{reason}</small></>}</td>
                  <td className="num" data-testid="fault-count">{g.count}{g.spells > 1 && <small className="muted"> {t('faultSpells', { n: g.spells })}</small>}</td>
                  <td data-testid="fault-first">{when(g.firstAt)}</td>
                  <td data-testid="fault-last">{when(g.lastAt)}</td>
                  <td data-testid="fault-state">
                    {g.openNow || g.resolvedAt === null
                      ? <span className="badge is-danger">{t('faultOpen')}</span>
                      : <span className="badge is-open">{t('faultResolved', { time: when(g.resolvedAt) })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
