import { useCallback, useEffect, useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { DATA_MESSAGES } from '../i18n/data';
import { formatDateTime, formatNumber } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { requestJson } from '../lib/http';

interface BackupRow {
  key: string;
  name: string;
  size: number | null;
  at: number | null;
  extra: string;
}

const NAME_KEYS = ['name', 'file', 'fileName', 'path', 'id'];
const SIZE_KEYS = ['size', 'bytes', 'sizeBytes'];
const TIME_KEYS = ['takenAt', 'createdAt', 'at', 'time', 'mtime', 'modifiedAt', 'date'];
/** Shown already in another form (local time strings) or of no use in the list. */
const HIDDEN_KEYS = ['takenAtLocal', 'modifiedAt', 'path'];

function pick(o: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** The backup list, whatever its exact shape: an array, or `{ backups | items | files: [...] }`. */
export function readBackups(data: unknown): BackupRow[] | null {
  const o = data as Record<string, unknown> | null;
  const list = Array.isArray(data) ? data : o && typeof o === 'object' ? [o['backups'], o['items'], o['files']].find(Array.isArray) : undefined;
  if (!Array.isArray(list)) return null;
  return list.map((x: unknown, i) => {
    if (typeof x === 'string') return { key: x, name: x, size: null, at: null, extra: '' };
    const r = (x ?? {}) as Record<string, unknown>;
    const name = pick(r, NAME_KEYS);
    const size = pick(r, SIZE_KEYS);
    const at = pick(r, TIME_KEYS);
    const time = typeof at === 'number' ? at : typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? Date.parse(at) : null;
    const known = new Set([...NAME_KEYS, ...SIZE_KEYS, ...TIME_KEYS, ...HIDDEN_KEYS]);
    const extra = Object.entries(r).filter(([k]) => !known.has(k)).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ');
    return { key: `${String(name ?? i)}-${i}`, name: String(name ?? `#${i + 1}`), size: typeof size === 'number' ? size : null, at: time, extra };
  });
}

export interface BackupStatusView {
  dir: string | null;
  at: string | null;
  keepDays: number | null;
  nextAt: number | null;
  running: boolean;
  lastError: string | null;
  listError: string | null;
  totalBytes: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The scheduler's state beside the list (`dir`, `at`, `keepDays`, `nextAt`, `lastError`…), when the hub sends it. */
export function readBackupStatus(data: unknown): BackupStatusView | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  const err = o['lastError'];
  const s: BackupStatusView = {
    dir: text(o['dir']),
    at: text(o['at']),
    keepDays: num(o['keepDays']),
    nextAt: num(o['nextAt']),
    running: o['running'] === true,
    lastError: typeof err === 'string' ? err : err && typeof err === 'object' ? text((err as Record<string, unknown>)['message']) : null,
    listError: text(o['listError']),
    totalBytes: num(o['totalBytes']),
  };
  return Object.values(s).some((v) => v !== null && v !== false) ? s : null;
}

function sizeText(bytes: number | null, locale: 'vi' | 'en'): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB`;
}

export function BackupsPage() {
  const { session, config, locale, flash } = useAdmin();
  const t = useT(DATA_MESSAGES);
  const tc = useCommon();
  const [rows, setRows] = useState<BackupRow[] | null>(null);
  const [status, setStatus] = useState<BackupStatusView | null>(null);
  const [raw, setRaw] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);
  const tz = config?.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  const load = useCallback(async () => {
    const r = await requestJson(session.token, 'GET', '/api/admin/backups');
    if (!r.ok) {
      setUnsupported(r.error.status === 404);
      setError(r.error.status === 404 ? null : r.error.message);
      return;
    }
    setUnsupported(false);
    setError(null);
    setRaw(r.data);
    setRows(readBackups(r.data));
    setStatus(readBackupStatus(r.data));
  }, [session.token]);
  useEffect(() => {
    void load();
  }, [load]);
  const backupNow = async (): Promise<void> => {
    setBusy(true);
    const r = await requestJson(session.token, 'POST', '/api/admin/backups');
    setBusy(false);
    if (!r.ok) {
      setError(r.error.status === 404 ? t('backupsUnsupported') : r.error.message);
      return;
    }
    const made = (r.data ?? {}) as Record<string, unknown>;
    const file = text(made['file']) ?? text(made['name']);
    const bytes = num(made['bytes']) ?? num(made['size']);
    setLast(file ? `${file}${bytes === null ? '' : ` (${sizeText(bytes, locale)})`}` : r.data === null || r.data === undefined ? '' : JSON.stringify(r.data));
    flash(t('backupDone'));
    void load();
  };
  return (
    <section className="page backups">
      <PageHeader title={t('backupsTitle')} subtitle={t('backupsSubtitle')}>
        <button type="button" className="btn" onClick={() => void load()}>{t('refresh')}</button>
        <button type="button" className="btn primary" data-testid="backup-now" disabled={busy} onClick={() => void backupNow()}>{busy ? t('backingUp') : t('backupNow')}</button>
      </PageHeader>
      {unsupported && <p className="notice" data-testid="backups-unsupported">{t('backupsUnsupported')}</p>}
      {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      {last !== null && <p className="ok-box" role="status" data-testid="backup-result">{t('backupDone')}{last && <> — <code>{last.slice(0, 300)}</code></>}</p>}
      {status && (
        <div className="card backup-status" data-testid="backup-status">
          <dl className="facts">
            {status.dir && <><dt>{t('backupDir')}</dt><dd><code>{status.dir}</code></dd></>}
            {status.at && <><dt>{t('backupDaily')}</dt><dd>{status.at}{status.keepDays !== null && ` · ${t('backupKeep', { n: status.keepDays })}`}</dd></>}
            {status.nextAt !== null && <><dt>{t('backupNext')}</dt><dd>{formatDateTime(status.nextAt, tz, locale)}</dd></>}
            {status.totalBytes !== null && <><dt>{t('backupTotal')}</dt><dd>{sizeText(status.totalBytes, locale)}</dd></>}
          </dl>
          {status.running && <p className="notice">{t('backingUp')}</p>}
          {status.lastError && <p className="error" data-testid="backup-last-error">{t('backupLastError', { message: status.lastError })}</p>}
          {status.listError && <p className="error">{status.listError}</p>}
        </div>
      )}
      {rows && (
        <table className="table card" data-testid="backups-table">
          <thead><tr><th>{t('backupName')}</th><th>{t('backupAt')}</th><th className="num">{t('backupSize')}</th><th /></tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={4} className="muted">{t('noBackups')}</td></tr>}
            {rows.map((b) => (
              <tr key={b.key} data-backup={b.name}>
                <td><code>{b.name}</code></td>
                <td>{b.at === null ? '—' : formatDateTime(b.at, tz, locale)}</td>
                <td className="num">{sizeText(b.size, locale)}</td>
                <td className="muted small">{b.extra}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!rows && raw !== null && (
        <div className="card">
          <p className="muted">{t('rawResult')}</p>
          <pre className="raw" data-testid="backups-raw">{JSON.stringify(raw, null, 2)}</pre>
        </div>
      )}
    </section>
  );
}
