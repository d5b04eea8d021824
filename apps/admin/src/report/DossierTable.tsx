import type { DossierFigures, Report } from '@qms/protocol';
import type { Locale, Translate } from '@qms/ui';
import { formatNumber } from '../i18n/labels';
import type { OpsKey } from '../i18n/ops';

/** A rate with two decimals in percent ("96,48 %"), as offices file their dossier rates. */
function formatRate(v: number | null, locale: Locale): string {
  if (v === null) return '—';
  const f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${f.format(v * 100)} %`;
}

function Cells({ d, locale }: { d: DossierFigures; locale: Locale }) {
  const n = (v: number): string => formatNumber(v, locale);
  return (
    <>
      <td data-col="carriedOver">{n(d.carriedOver)}</td>
      <td data-col="receivedCounter" className="sep">{n(d.receivedCounter)}</td>
      <td data-col="receivedOnline">{n(d.receivedOnline)}</td>
      <td data-col="receivedPost">{n(d.receivedPost)}</td>
      <td data-col="received"><strong>{n(d.received)}</strong></td>
      <td data-col="toResolve"><strong>{n(d.toResolve)}</strong></td>
      <td data-col="resolvedEarly" className="sep">{n(d.resolvedEarly)}</td>
      <td data-col="resolvedOnTime">{n(d.resolvedOnTime)}</td>
      <td data-col="resolvedLate" className={d.resolvedLate > 0 ? 'is-danger' : ''}>{n(d.resolvedLate)}</td>
      <td data-col="resolved"><strong>{n(d.resolved)}</strong></td>
      <td data-col="inProgress" className="sep">{n(d.inProgress)}</td>
      <td data-col="inProgressNotDue">{n(d.inProgressNotDue)}</td>
      <td data-col="overdue" className={d.overdue > 0 ? 'is-danger' : ''}>{n(d.overdue)}</td>
      <td data-col="onlineShare" className="sep">{formatRate(d.onlineShare, locale)}</td>
      <td data-col="resolutionRate">{formatRate(d.resolutionRate, locale)}</td>
      <td data-col="onTimeRate">{formatRate(d.onTimeRate, locale)}</td>
    </>
  );
}

const HEADINGS: Record<Report['groupBy'], OpsKey> = {
  field: 'groupField', procedure: 'groupProcedure', counter: 'groupCounter', officer: 'groupOfficer', day: 'groupDay', all: 'groupAll',
};

/** The hub names groups in Vietnamese; the special ones follow the UI's language. */
const SPECIAL_ROWS: Record<string, OpsKey> = { '~online': 'dOnline', '~post': 'dPost', '~carried': 'dCarriedRow' };

/**
 * The dossier figures as offices report them upward, as of report.asOf: carried over, received
 * (in person / online / by post), resolved early / on time / late, in progress (not yet due /
 * overdue), and the rates.
 */
export function DossierTable({ report, t, locale }: { report: Report; t: Translate<OpsKey>; locale: Locale }) {
  const d = report.dossiers;
  return (
    <table className="table report-table" data-testid="dossier-table" data-group-by={d.groupBy}>
      <thead>
        <tr>
          <th rowSpan={2} className="left">{t(HEADINGS[d.groupBy])}</th>
          <th rowSpan={2}>{t('dCarried')}</th>
          <th colSpan={5} className="sep">{t('dReceived')}</th>
          <th colSpan={4} className="sep">{t('dResolved')}</th>
          <th colSpan={3} className="sep">{t('dPendingGroup')}</th>
          <th colSpan={3} className="sep">{t('dRate')}</th>
        </tr>
        <tr>
          <th className="sep">{t('dReceivedCounter')}</th>
          <th>{t('dReceivedOnline')}</th>
          <th>{t('dReceivedPost')}</th>
          <th>{t('dReceivedTotal')}</th>
          <th>{t('dToResolve')}</th>
          <th className="sep">{t('dEarly')}</th>
          <th>{t('dOnTime')}</th>
          <th>{t('dLate')}</th>
          <th>{t('dResolvedTotal')}</th>
          <th className="sep">{t('dInProgressTotal')}</th>
          <th title={t('dInProgress')}>{t('dNotDue')}</th>
          <th>{t('dOverdueNow')}</th>
          <th className="sep">{t('dOnlineShare')}</th>
          <th title={t('dResolutionRate')}>{t('dResolutionRate')}</th>
          <th>{t('dOnTimeShare')}</th>
        </tr>
      </thead>
      <tbody>
        {d.rows.map((f) => (
          <tr key={f.key} data-row={f.key}>
            <th scope="row" className="left">{SPECIAL_ROWS[f.key] ? t(SPECIAL_ROWS[f.key]!) : f.label}</th>
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
