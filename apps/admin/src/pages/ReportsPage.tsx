import { serviceDayOf } from '@qms/core';
import { reportInput, type Report } from '@qms/protocol';
import { formatClock, formatLongDate } from '@qms/ui';
import { DateInput, DateTimeInput } from '@qms/ui/date-input';
import { useEffect, useRef, useState } from 'react';
import { err, FormRow } from '../components/forms';
import { PageHeader } from '../components/PageHeader';
import { formatDay } from '../i18n/labels';
import { OPS_MESSAGES, type OpsKey } from '../i18n/ops';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { PRESETS, presetOf, presetRange, type Preset } from '../lib/date-range';
import { fetchFile, saveDownload, type Download } from '../lib/http';
import { useCommand } from '../lib/use-command';
import { check, type FormErrors } from '../lib/validate';
import { ArrivalsChart, GroupChart } from '../report/charts';
import { DossierTable } from '../report/DossierTable';
import { ReportTable } from '../report/ReportTable';

type GroupBy = Report['groupBy'];
const GROUPS: Array<[GroupBy, OpsKey]> = [['all', 'groupAll'], ['field', 'groupField'], ['procedure', 'groupProcedure'], ['counter', 'groupCounter'], ['officer', 'groupOfficer'], ['day', 'groupDay']];
type ExportFormat = 'csv' | 'csv-vn' | 'xlsx';
const HANOI_MS = 7 * 3_600_000;

/**
 * `2025-09-30T17:00` typed in the as-of control (the site's time, UTC+7) -> epoch ms; a day with
 * no time (`2025-09-30`) -> the end of that day; '' -> the default.
 */
function asOfMs(v: string): number | undefined {
  if (v === '') return undefined;
  const ms = (v.length === 10 ? Date.parse(`${v}T23:59:59.999Z`) : Date.parse(`${v}:00Z`)) - HANOI_MS;
  return Number.isFinite(ms) ? ms : undefined;
}

/** "hết ngày 30/09/2025" at 23:59:59.999, else "10:30 ngày 30/09/2025" (the site's time). */
function asOfText(at: number, t: (k: OpsKey, v?: Record<string, string>) => string): string {
  const iso = new Date(at + HANOI_MS).toISOString();
  const day = formatDay(iso.slice(0, 10));
  return iso.slice(11, 23) === '23:59:59.999' ? t('asOfEndOfDay', { day }) : t('asOfAt', { time: iso.slice(11, 16), day });
}
const PRESET_KEYS: Record<Preset, OpsKey> = { today: 'presetToday', week: 'presetWeek', month: 'presetMonth', lastMonth: 'presetLastMonth', year: 'presetYear' };

export function ReportsPage() {
  const { session, locale, config, view } = useAdmin();
  const t = useT(OPS_MESSAGES);
  const tc = useCommon();
  const tz = config?.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  // the hub's service day (its clock and the site's calendar), not the browser's
  const today = view.state?.snapshot.serviceDay ?? serviceDayOf(Date.now(), tz);
  const [range, setRange] = useState(() => presetRange('today', today));
  const [groupBy, setGroupBy] = useState<GroupBy>('field');
  const [asOf, setAsOf] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [report, setReport] = useState<Report | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const { run, busy, error } = useCommand();

  const submit = async (r = range, g = groupBy, a = asOf): Promise<void> => {
    const extra: FormErrors = r.from > r.to ? { to: t('invalidRange') } : {};
    const ms = asOfMs(a);
    const c = check(reportInput, { ...r, groupBy: g, ...(ms === undefined ? {} : { asOf: ms }) }, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const result = await run('report:run', c.data);
    if (result) setReport(result);
  };
  const ran = useRef(false);
  useEffect(() => {
    if (ran.current || view.status !== 'online' || !view.state) return;
    ran.current = true;
    const r = presetRange('today', today);
    setRange(r);
    void submit(r);
  });
  useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url);
  }, [download]);

  const exportAs = async (format: ExportFormat): Promise<void> => {
    const q = new URLSearchParams({ from: range.from, to: range.to, groupBy, format, ...(asOf ? { asOf } : {}) });
    setExporting(format);
    setExportError(null);
    const r = await fetchFile(session.token, `/api/admin/reports/export?${q.toString()}`, `bao-cao-${range.from}-${range.to}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
    setExporting(null);
    if (!r.ok) {
      setExportError(r.error.status === 404 ? tc('notSupported') : r.error.message);
      return;
    }
    setDownload(r.data);
    saveDownload(r.data);
  };

  const choosePreset = (p: Preset): void => {
    const r = presetRange(p, today);
    setRange(r);
    void submit(r);
  };
  const active = presetOf(range, today);
  const siteName = config?.site.name ?? '';
  return (
    <section className="page reports">
      <PageHeader title={t('reportTitle')} subtitle={t('reportSubtitle')} />
      <form className="card report-controls no-print" data-testid="report-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="presets" role="group">
          {PRESETS.map((p) => (
            <button key={p} type="button" className={`btn small${active === p ? ' is-pressed' : ''}`} aria-pressed={active === p} data-preset={p} onClick={() => choosePreset(p)}>
              {t(PRESET_KEYS[p])}
            </button>
          ))}
        </div>
        <div className="control-row">
          <FormRow label={t('from')} error={err(errors, 'from')}>
            <DateInput name="from" value={range.from} max={today} locale={locale} onChange={(from) => setRange((r) => ({ ...r, from }))} />
          </FormRow>
          <FormRow label={t('to')} error={err(errors, 'to')}>
            <DateInput name="to" value={range.to} locale={locale} onChange={(to) => setRange((r) => ({ ...r, to }))} />
          </FormRow>
          <FormRow label={t('groupBy')} error={err(errors, 'groupBy')}>
            <select name="groupBy" value={groupBy} onChange={(e) => { const g = e.target.value as GroupBy; setGroupBy(g); void submit(range, g); }}>
              {GROUPS.map(([g, k]) => <option key={g} value={g}>{t(k)}</option>)}
            </select>
          </FormRow>
          <FormRow label={t('asOf')} error={err(errors, 'asOf')}>
            <DateTimeInput name="asOf" data-testid="as-of" value={asOf} locale={locale} title={t('asOfHint')} onChange={setAsOf} />
          </FormRow>
          <button type="submit" className="btn primary" data-testid="run-report" disabled={busy}>{busy ? t('running') : t('run')}</button>
          <span className="spacer" />
          <button type="button" className="btn" data-testid="export-csv" disabled={exporting !== null} onClick={() => void exportAs('csv')}>{t('exportCsv')}</button>
          <button type="button" className="btn" data-testid="export-csv-vn" disabled={exporting !== null} onClick={() => void exportAs('csv-vn')}>{t('exportCsvVn')}</button>
          <button type="button" className="btn" data-testid="export-xlsx" disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>{t('exportXlsx')}</button>
          <button type="button" className="btn" data-testid="print" disabled={!report} onClick={() => window.print()}>{t('print')}</button>
        </div>
        {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
        {exportError && <p className="error" role="alert" data-testid="export-error">{tc('errorPrefix', { message: exportError })}</p>}
        {download && (
          <p className="muted">
            <a href={download.url} download={download.fileName} data-testid="download-link">{t('downloadAgain', { name: download.fileName })}</a>
          </p>
        )}
      </form>
      {report && (
        <div className="print-area" data-testid="report">
          <header className="print-head">
            <p className="print-site">{siteName}</p>
            <h2>{t('printHeading')}</h2>
            <p>{t('rangeLine', { from: formatDay(report.range.from), to: formatDay(report.range.to) })} · {t('groupBy')}: {t(GROUPS.find(([g]) => g === report.groupBy)?.[1] ?? 'groupAll')}</p>
            <p data-testid="as-of-line"><strong>{t('asOfLine', { time: asOfText(report.asOf, t) })}</strong></p>
            <p className="print-only muted">{t('printedAt', { time: `${formatClock(Date.now(), tz, locale)}, ${formatLongDate(Date.now(), tz, locale)}` })}</p>
          </header>
          <section className="card report-section">
            <h3>{t('ticketsTitle')}</h3>
            <div className="table-scroll"><ReportTable report={report} t={t} locale={locale} /></div>
          </section>
          <div className="charts">
            <section className="card report-section">
              <ArrivalsChart counts={report.arrivalsByHour} title={t('arrivalsTitle')} axisLabel={t('arrivalsAxis')} />
            </section>
            <section className="card report-section">
              <GroupChart
                title={t('servedVsNoShow')} aLabel={t('colServed')} bLabel={t('colNoShow')}
                rows={(report.groupBy === 'all' ? [{ ...report.totals, key: 'total', label: t('total') }] : report.rows).map((r) => ({ key: r.key, label: r.label, a: r.tickets.served, b: r.tickets.noShow }))}
              />
            </section>
          </div>
          <section className="card report-section page-break">
            <h3>{t('dossierTitle')}</h3>
            <div className="table-scroll"><DossierTable report={report} t={t} locale={locale} /></div>
          </section>
        </div>
      )}
    </section>
  );
}
