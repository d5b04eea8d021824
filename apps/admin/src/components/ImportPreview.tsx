import { DOSSIER_STATUS_LABELS, type DossierStatus } from '@qms/core';
import { DATA_MESSAGES } from '../i18n/data';
import { useAdmin, useT } from '../lib/admin-context';

interface State {
  status: string;
  dueDate: string;
}

export interface ImportPreviewData {
  created: number;
  updated: number;
  unchanged: number;
  updates: Array<{ line: number; code: string; from: State; to: State }>;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const state = (v: unknown): State => {
  const o = (v ?? {}) as Record<string, unknown>;
  return { status: typeof o['status'] === 'string' ? o['status'] : '', dueDate: typeof o['dueDate'] === 'string' ? o['dueDate'] : '' };
};

/** A dry run's summary (the `data` of a 200, or the `summary` of a 422), read defensively; null when absent. */
export function readPreview(body: unknown): ImportPreviewData | null {
  if (!body || typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  if (typeof o['created'] !== 'number') return null;
  const list = Array.isArray(o['updates']) ? (o['updates'] as unknown[]) : [];
  const updates = list.map((x) => {
    const u = (x ?? {}) as Record<string, unknown>;
    return { line: num(u['line']), code: typeof u['code'] === 'string' ? u['code'] : '', from: state(u['from']), to: state(u['to']) };
  });
  return { created: num(o['created']), updated: num(o['updated']), unchanged: num(o['unchanged']), updates };
}

const dmy = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : day);

/** What an import would do: counts, and the first dossiers it would update (from → to). */
export function ImportPreview({ preview, importable }: { preview: ImportPreviewData; importable: boolean }) {
  const t = useT(DATA_MESSAGES);
  const { locale } = useAdmin();
  const label = (s: string): string => DOSSIER_STATUS_LABELS[locale][s as DossierStatus] ?? s;
  const total = preview.created + preview.updated + preview.unchanged;
  const counts = { total, created: preview.created, updated: preview.updated, unchanged: preview.unchanged };
  return (
    <div className="import-preview" data-testid="import-preview">
      <h3>{t('previewTitle')}</h3>
      <p data-testid="preview-summary">{t(importable ? 'previewSummary' : 'previewGoodRows', counts)}</p>
      {importable && preview.created + preview.updated === 0 && <p className="muted">{t('previewNothing')}</p>}
      {preview.updates.length > 0 && (
        <>
          <p className="muted">{t('previewUpdates', { n: preview.updates.length })}</p>
          <table className="table compact" data-testid="preview-updates">
            <thead><tr><th>{t('issueLine')}</th><th>{t('code')}</th><th>{t('statusFromTo')}</th><th>{t('dueFromTo')}</th></tr></thead>
            <tbody>
              {preview.updates.map((u) => (
                <tr key={u.line} data-line={u.line}>
                  <td>{u.line}</td>
                  <td><code>{u.code}</code></td>
                  <td>{u.from.status === u.to.status ? label(u.to.status) : `${label(u.from.status)} → ${label(u.to.status)}`}</td>
                  <td>{u.from.dueDate === u.to.dueDate ? dmy(u.to.dueDate) : `${dmy(u.from.dueDate)} → ${dmy(u.to.dueDate)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
