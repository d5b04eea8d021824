import { DOSSIER_STATUS_LABELS, DOSSIER_STATUSES, type DossierStatus } from '@qms/core';
import type { CommandPayload, DossierPage, Snapshot } from '@qms/protocol';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { HubConnection } from '../hub-connection';
import { translator, type Locale, type Translate } from '../i18n';
import { DateInput } from '../DateInput';
import { DossierDetail } from './DossierDetail';
import { DESK_MESSAGES, formatDay, type DeskKey } from './messages';
import './dossier-desk.css';

interface Props {
  conn: HubConnection;
  /** For the procedure list and the receipt (site name, agency code, fees). */
  snapshot: Snapshot;
  locale: Locale;
  /** Who signs a reprinted receipt: the officer or admin at the screen. */
  signer: string;
}

interface Filters {
  code: string;
  applicant: string;
  procedureId: string;
  status: DossierStatus | 'overdue' | '';
  receivedFrom: string;
  receivedTo: string;
  dueWithinDays: string;
  sort: 'newest' | 'overdue_first';
}

const EMPTY: Filters = { code: '', applicant: '', procedureId: '', status: '', receivedFrom: '', receivedTo: '', dueWithinDays: '', sort: 'newest' };
const PAGE_SIZE = 25;
const RELOAD_AFTER_MS = 1000;

/** The `dossier:search` payload for what the form holds (empty boxes are no filter). */
export function searchPayload(f: Filters, page: number): CommandPayload<'dossier:search'> {
  const due = Number.parseInt(f.dueWithinDays, 10);
  return {
    ...(f.code.trim() ? { code: f.code.trim() } : {}),
    ...(f.applicant.trim() ? { applicant: f.applicant.trim() } : {}),
    ...(f.procedureId ? { procedureId: f.procedureId } : {}),
    ...(f.status === 'overdue' ? { overdue: true as const } : f.status ? { statuses: [f.status] } : {}),
    ...(f.receivedFrom ? { receivedFrom: f.receivedFrom } : {}),
    ...(f.receivedTo ? { receivedTo: f.receivedTo } : {}),
    ...(Number.isFinite(due) && due >= 0 ? { dueWithinDays: Math.min(due, 366) } : {}),
    sort: f.sort,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** The page the query asks for, reloaded (at most once a second) when dossiers change. */
function useDossierSearch(conn: HubConnection, query: { filters: Filters; page: number }): { result: DossierPage | null; error: string | null } {
  const [result, setResult] = useState<DossierPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    const r = await conn.send('dossier:search', searchPayload(query.filters, query.page));
    if (mine !== seq.current) return; // an older answer arriving late
    if (r.ok) {
      setResult(r.data);
      setError(null);
    } else setError(r.error.message);
  }, [conn, query]);
  useEffect(() => void load(), [load]);
  // a busy site changes dossiers often: reload at most once a second, after the change
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = conn.onHubEvent((e) => {
      if (e.type !== 'dossier:changed' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, RELOAD_AFTER_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [conn, load]);
  return { result, error };
}

/** "Sổ theo dõi hồ sơ": search every dossier, open one, change its status, reprint its receipt. */
export function DossierDesk({ conn, snapshot, locale, signer }: Props) {
  const t = useMemo(() => translator(DESK_MESSAGES, locale), [locale]);
  const [form, setForm] = useState<Filters>(EMPTY);
  const [query, setQuery] = useState<{ filters: Filters; page: number }>({ filters: EMPTY, page: 1 });
  const [openId, setOpenId] = useState<string | null>(null);
  const { result, error } = useDossierSearch(conn, query);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setQuery({ filters: form, page: 1 });
  };
  const set = <K extends keyof Filters>(k: K, v: Filters[K]): void => setForm((f) => ({ ...f, [k]: v }));
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const procedureName = (id: string): string => snapshot.procedures.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="dossier-desk" data-testid="dossier-desk">
      <header className="desk-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </header>
      <DeskFilters form={form} set={set} t={t} locale={locale} snapshot={snapshot} onSubmit={submit}
        onClear={() => { setForm(EMPTY); setQuery({ filters: EMPTY, page: 1 }); }} />
      {error && <p className="error" role="alert" data-testid="desk-error">{error}</p>}
      {result && (
        <>
          <p className="desk-count" data-testid="desk-count">{t('results', { n: result.total.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') })}</p>
          {result.items.length === 0 ? <p className="muted">{t('noResults')}</p> : (
            <DeskTable page={result} t={t} locale={locale} timeZone={snapshot.site.timeZone} procedureName={procedureName} onOpen={setOpenId} />
          )}
          <nav className="desk-pager">
            <button type="button" className="btn small" disabled={query.page <= 1} onClick={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}>{t('prev')}</button>
            <span data-testid="desk-page">{t('page', { page: query.page, pages })}</span>
            <button type="button" className="btn small" disabled={query.page >= Math.min(pages, 1000)} onClick={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}>{t('next')}</button>
          </nav>
        </>
      )}
      {openId && <DossierDetail conn={conn} snapshot={snapshot} locale={locale} signer={signer} dossierId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

interface FiltersProps {
  form: Filters;
  set: <K extends keyof Filters>(k: K, v: Filters[K]) => void;
  t: Translate<DeskKey>;
  locale: Locale;
  snapshot: Snapshot;
  onSubmit: (e: FormEvent) => void;
  onClear: () => void;
}

/** The search form: every filter the hub's dossier:search takes. */
function DeskFilters({ form, set, t, locale, snapshot, onSubmit, onClear }: FiltersProps) {
  return (
  <form className="desk-filters" onSubmit={onSubmit} data-testid="desk-filters">
    <label>{t('code')}<input name="dossierCode" value={form.code} onChange={(e) => set('code', e.target.value)} /></label>
    <label>{t('applicant')}<input name="applicant" value={form.applicant} onChange={(e) => set('applicant', e.target.value)} /></label>
    <label>{t('procedure')}
      <select name="procedureId" value={form.procedureId} onChange={(e) => set('procedureId', e.target.value)}>
        <option value="">{t('anyProcedure')}</option>
        {snapshot.procedures.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </label>
    <label>{t('status')}
      <select name="status" value={form.status} onChange={(e) => set('status', e.target.value as Filters['status'])}>
        <option value="">{t('anyStatus')}</option>
        {DOSSIER_STATUSES.map((s) => <option key={s} value={s}>{DOSSIER_STATUS_LABELS[locale][s]}</option>)}
        <option value="overdue">{t('overdueOnly')}</option>
      </select>
    </label>
    <label>{t('receivedFrom')}<DateInput name="receivedFrom" value={form.receivedFrom} locale={locale} onChange={(d) => set('receivedFrom', d)} /></label>
    <label>{t('receivedTo')}<DateInput name="receivedTo" value={form.receivedTo} locale={locale} onChange={(d) => set('receivedTo', d)} /></label>
    <label>{t('dueWithin')}<input type="number" min={0} max={366} name="dueWithinDays" value={form.dueWithinDays} onChange={(e) => set('dueWithinDays', e.target.value)} /></label>
    <label>{t('sort')}
      <select name="sort" value={form.sort} onChange={(e) => set('sort', e.target.value as Filters['sort'])}>
        <option value="newest">{t('sortNewest')}</option>
        <option value="overdue_first">{t('sortOverdue')}</option>
      </select>
    </label>
    <div className="desk-filter-actions">
      <button type="submit" className="btn primary" data-testid="desk-search">{t('search')}</button>
      <button type="button" className="btn" onClick={onClear}>{t('clear')}</button>
    </div>
  </form>
  );
}

interface TableProps {
  page: DossierPage;
  t: Translate<DeskKey>;
  locale: Locale;
  timeZone: string;
  procedureName: (id: string) => string;
  onOpen: (id: string) => void;
}

/** One page of dossiers; overdue rows are marked. */
function DeskTable({ page, t, locale, timeZone, procedureName, onOpen }: TableProps) {
  return (
    <table className="desk-table" data-testid="desk-table">
      <thead><tr><th>{t('code')}</th><th>{t('applicant')}</th><th>{t('procedure')}</th><th>{t('received')}</th><th>{t('due')}</th><th>{t('status')}</th><th /></tr></thead>
      <tbody>
        {page.items.map((d) => (
          <tr key={d.id} data-code={d.code} data-status={d.status} className={d.overdue ? 'is-overdue' : ''}>
            <td><strong>{d.code}</strong><br /><span className="muted">{d.channel === 'online' ? t('channelOnline') : t('channelCounter')}</span></td>
            <td>{d.applicantName || '—'}</td>
            <td>{d.procedureName || procedureName(d.procedureId)}</td>
            <td>{new Date(d.receivedAt).toLocaleDateString('vi-VN', { timeZone: timeZone })}</td>
            <td>{formatDay(d.dueDate)}</td>
            <td>
              <span className={`badge is-${d.status}`}>{DOSSIER_STATUS_LABELS[locale][d.status]}</span>
              {d.overdue && <> <span className="badge is-overdue">{t('overdue')}</span></>}
            </td>
            <td><button type="button" className="btn small" data-testid="desk-open" onClick={() => onOpen(d.id)}>{t('open')}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
