import type { DossierFigures, Report } from '@qms/protocol';
import type { Locale, Translate } from '@qms/ui';
import { formatNumber, formatShare } from '../i18n/labels';
import type { OpsKey } from '../i18n/ops';

function Cells({ d, locale }: { d: DossierFigures; locale: Locale }) {
  const n = (v: number): string => formatNumber(v, locale);
  return (
    <>
      <td data-col="receivedCounter">{n(d.receivedCounter)}</td>
      <td data-col="receivedOnline">{n(d.receivedOnline)}</td>
      <td data-col="received"><strong>{n(d.received)}</strong></td>
      <td data-col="resolved" className="sep">{n(d.resolved)}</td>
      <td data-col="resolutionRate">{formatShare(d.resolutionRate, locale)}</td>
      <td data-col="resolvedOnTime">{n(d.resolvedOnTime)}</td>
      <td data-col="onTimeRate">{formatShare(d.onTimeRate, locale)}</td>
      <td data-col="inProgressNotDue" className="sep">{n(d.inProgressNotDue)}</td>
      <td data-col="overdue" className={d.overdue > 0 ? 'is-danger' : ''}>{n(d.overdue)}</td>
    </>
  );
}

/** The dossier figures as offices report them upward: received (in person / online), resolved, on time, pending, overdue. */
export function DossierTable({ report, t, locale }: { report: Report; t: Translate<OpsKey>; locale: Locale }) {
  const d = report.dossiers;
  return (
    <table className="table report-table" data-testid="dossier-table">
      <thead>
        <tr>
          <th rowSpan={2} className="left">{t('dField')}</th>
          <th colSpan={3}>{t('dReceived')}</th>
          <th colSpan={4} className="sep">{t('dResolved')}</th>
          <th colSpan={2} className="sep">{t('dPendingGroup')}</th>
        </tr>
        <tr>
          <th>{t('dReceivedCounter')}</th>
          <th>{t('dReceivedOnline')}</th>
          <th>{t('dReceivedTotal')}</th>
          <th className="sep">{t('dResolvedTotal')}</th>
          <th title={t('dResolutionRate')}>{t('dRate')}</th>
          <th>{t('dOnTime')}</th>
          <th>{t('dOnTimeRate')}</th>
          <th className="sep" title={t('dInProgress')}>{t('dNotDue')}</th>
          <th>{t('dOverdue')}</th>
        </tr>
      </thead>
      <tbody>
        {d.rows.map((f) => (
          <tr key={f.key} data-row={f.key}>
            <th scope="row" className="left">{f.label}</th>
            <Cells d={f} locale={locale} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-row="total">
          <th scope="row" className="left">{t('total')}</th>
          <Cells d={d.totals} locale={locale} />
        </tr>
      </tfoot>
    </table>
  );
}
