import { RATING_LEVELS } from '@qms/core';
import type { Report, ReportRow } from '@qms/protocol';
import type { Locale, Translate } from '@qms/ui';
import { RATING_LABELS, formatMinutes, formatNumber, formatShare } from '../i18n/labels';
import type { OpsKey } from '../i18n/ops';

function Cells({ f, locale }: { f: ReportRow; locale: Locale }) {
  const n = (v: number): string => formatNumber(v, locale);
  return (
    <>
      <td data-col="issued">{n(f.tickets.issued)}</td>
      <td data-col="served">{n(f.tickets.served)}</td>
      <td data-col="noShow">{n(f.tickets.noShow)}</td>
      <td data-col="transferred">{n(f.tickets.transferred)}</td>
      <td data-col="waitAvg" className="sep">{formatMinutes(f.wait.avgMin, locale)}</td>
      <td data-col="waitMedian">{formatMinutes(f.wait.medianMin, locale)}</td>
      <td data-col="waitP90">{formatMinutes(f.wait.p90Min, locale)}</td>
      <td data-col="withinTarget">{formatShare(f.wait.withinTargetShare, locale)}</td>
      <td data-col="serviceAvg" className="sep">{formatMinutes(f.service.avgMin, locale)}</td>
      <td data-col="serviceMedian">{formatMinutes(f.service.medianMin, locale)}</td>
      <td data-col="serviceP90">{formatMinutes(f.service.p90Min, locale)}</td>
      {RATING_LEVELS.map((l, i) => <td key={l} data-col={`rating-${l}`} className={i === 0 ? 'sep' : ''}>{n(f.satisfaction[l] ?? 0)}</td>)}
    </>
  );
}

/** Tickets, waiting and service times, satisfaction: one row per group and the totals. */
export function ReportTable({ report, t, locale }: { report: Report; t: Translate<OpsKey>; locale: Locale }) {
  const showRows = report.groupBy !== 'all';
  return (
    <table className="table report-table" data-testid="report-table" data-group-by={report.groupBy}>
      <thead>
        <tr>
          <th rowSpan={2} className="left">{t('colGroup')}</th>
          <th colSpan={4}>{t('colTickets')}</th>
          <th colSpan={4} className="sep">{t('colWait')}</th>
          <th colSpan={3} className="sep">{t('colService')}</th>
          <th colSpan={RATING_LEVELS.length} className="sep">{t('colSatisfaction')}</th>
        </tr>
        <tr>
          <th>{t('colIssued')}</th>
          <th>{t('colServed')}</th>
          <th>{t('colNoShow')}</th>
          <th>{t('colTransferred')}</th>
          <th className="sep">{t('colAvg')}</th>
          <th>{t('colMedian')}</th>
          <th>{t('colP90')}</th>
          <th>{t('colWithin', { n: report.targetWaitMinutes })}</th>
          <th className="sep">{t('colAvg')}</th>
          <th>{t('colMedian')}</th>
          <th>{t('colP90')}</th>
          {RATING_LEVELS.map((l, i) => <th key={l} className={i === 0 ? 'sep' : ''}>{RATING_LABELS[locale][l]}</th>)}
        </tr>
      </thead>
      <tbody>
        {showRows && report.rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row" className="left">{r.label}</th>
            <Cells f={r} locale={locale} />
          </tr>
        ))}
        {showRows && report.rows.length === 0 && (
          <tr><td colSpan={16} className="muted left">{t('noRows')}</td></tr>
        )}
      </tbody>
      <tfoot>
        <tr data-row="total">
          <th scope="row" className="left">{t('total')}</th>
          <Cells f={report.totals} locale={locale} />
        </tr>
      </tfoot>
    </table>
  );
}
