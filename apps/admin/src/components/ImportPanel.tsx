import { useRef, useState } from 'react';
import { DATA_MESSAGES } from '../i18n/data';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { uploadFile } from '../lib/http';
import { ImportPreview, readPreview, type ImportPreviewData } from './ImportPreview';

export interface ImportIssueRow {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

const SHOWN = 200;
const DETAIL_KEYS = ['created', 'updated', 'unchanged', 'skipped'] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];

/** The `issues` of a 422 answer, read defensively (any missing part becomes a blank). */
export function readIssues(body: unknown): ImportIssueRow[] {
  const list = (body as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(list)) return [];
  return list.map((x: unknown) => {
    const i = (x ?? {}) as Record<string, unknown>;
    return {
      line: typeof i['line'] === 'number' ? i['line'] : 0,
      column: typeof i['column'] === 'string' ? i['column'] : null,
      code: typeof i['code'] === 'string' ? i['code'] : '',
      message: typeof i['message'] === 'string' ? i['message'] : JSON.stringify(x),
    };
  });
}

type Outcome =
  | { kind: 'done'; imported: number | null; detail: string }
  | { kind: 'checked'; preview: ImportPreviewData }
  | { kind: 'failed'; message: string; issues: ImportIssueRow[]; preview: ImportPreviewData | null };

interface Props {
  url: string;
  title: string;
  hint: string;
  testId: string;
  onImported?: () => void;
  /** Check first (`?dryRun=1`), show what the file would do, and import only once confirmed. */
  preview?: boolean;
}

/**
 * Upload of a CSV/XLSX file to an import endpoint; per-line problems are listed in a table.
 * With `preview`, the file is checked first and its summary shown with a confirm button.
 */
export function ImportPanel({ url, title, hint, testId, onImported, preview = false }: Props) {
  const { session, flash } = useAdmin();
  const t = useT(DATA_MESSAGES);
  const tc = useCommon();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const submit = async (dryRun: boolean): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const r = await uploadFile(session.token, dryRun ? `${url}?dryRun=1` : url, file);
    setBusy(false);
    const checked = r.ok && dryRun ? readPreview(r.data) : null;
    if (checked) {
      setOutcome({ kind: 'checked', preview: checked });
      return;
    }
    if (r.ok) {
      const data = (r.data ?? {}) as Record<string, unknown>;
      const imported = typeof data['imported'] === 'number' ? data['imported'] : null;
      const detail = Object.entries(data)
        .filter(([k, v]) => k !== 'imported' && (typeof v === 'number' || typeof v === 'string'))
        .map(([k, v]) => `${DETAIL_KEYS.includes(k as DetailKey) ? t(k as DetailKey) : k}: ${String(v)}`)
        .join(', ');
      setOutcome({ kind: 'done', imported, detail });
      flash(t('imported', { n: imported ?? '?' }));
      setFile(null);
      if (input.current) input.current.value = '';
      onImported?.();
      return;
    }
    const message = r.error.status === 404 ? tc('notSupported') : r.error.message;
    const summary = (r.error.body as { summary?: unknown } | null)?.summary;
    setOutcome({ kind: 'failed', message, issues: readIssues(r.error.body), preview: readPreview(summary) });
  };
  const cancel = (): void => {
    setOutcome(null);
    setFile(null);
    if (input.current) input.current.value = '';
  };
  return (
    <form className="card form-card import" data-testid={testId} onSubmit={(e) => { e.preventDefault(); void submit(preview); }}>
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <div className="control-row is-centered">
        <label className="btn file-btn">
          <input ref={input} type="file" name="file" className="sr-only" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setOutcome(null); }} />
          {t('chooseFile')}
        </label>
        <span className={file ? 'file-name' : 'muted'} data-testid="file-name">{file ? `${file.name} (${Math.ceil(file.size / 1024)} KB)` : t('noFile')}</span>
        <button type="submit" className="btn primary" data-testid="upload" disabled={!file || busy || outcome?.kind === 'checked'}>
          {preview ? (busy ? t('checking') : t('checkFile')) : busy ? t('uploading') : t('upload')}
        </button>
      </div>
      {outcome?.kind === 'checked' && (
        <>
          <ImportPreview preview={outcome.preview} importable />
          <div className="control-row">
            <button type="button" className="btn primary" data-testid="confirm-import" disabled={busy} onClick={() => void submit(false)}>
              {busy ? t('uploading') : t('confirmImport')}
            </button>
            <button type="button" className="btn" data-testid="cancel-import" disabled={busy} onClick={cancel}>{t('cancelImport')}</button>
          </div>
        </>
      )}
      {outcome?.kind === 'done' && (
        <p className="ok-box" role="status" data-testid="import-result">
          {t('imported', { n: outcome.imported ?? '?' })}{outcome.detail && ` — ${outcome.detail}`}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <>
          <p className="error" role="alert" data-testid="import-error">{t('importFailed', { message: outcome.message })}</p>
          {outcome.preview && <ImportPreview preview={outcome.preview} importable={false} />}
          {outcome.issues.length > 0 && (
            <div className="issues">
              <h3>{t('issuesTitle', { n: outcome.issues.length })}</h3>
              <table className="table compact" data-testid="import-issues">
                <thead><tr><th>{t('issueLine')}</th><th>{t('issueColumn')}</th><th>{t('issueCode')}</th><th>{t('issueMessage')}</th></tr></thead>
                <tbody>
                  {outcome.issues.slice(0, SHOWN).map((i, k) => (
                    <tr key={k} data-line={i.line}>
                      <td>{i.line === 0 ? t('wholeFile') : i.line}</td>
                      <td>{i.column ?? '—'}</td>
                      <td><code>{i.code}</code></td>
                      <td>{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {outcome.issues.length > SHOWN && <p className="muted">{t('moreIssues', { n: outcome.issues.length - SHOWN })}</p>}
            </div>
          )}
        </>
      )}
    </form>
  );
}
