import { DOSSIER_STATUS_LABELS, canChangeDossierStatus, type DossierStatus, type ReceivedDocument } from '@qms/core';
import type { DossierView, Snapshot, TicketView } from '@qms/protocol';
import { newKey, translator, type HubConnection, type Locale } from '@qms/ui';
import { Modal } from '@qms/ui/dialog';
import { Receipt } from '@qms/ui/dossier-desk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dossierPanelReloads } from './dossier-events';
import { CreateDossierDialog, type DossierDraft } from './CreateDossierDialog';
import { DOSSIER_MESSAGES, formatDay } from './dossier-messages';

interface Props {
  conn: HubConnection;
  snapshot: Snapshot;
  ticket: TicketView;
  officerName: string;
  locale: Locale;
  /** A CCCD QR the desk's scanner just read: opens the new-dossier form filled from it. */
  scan: { text: string; seq: number } | null;
}

type Dialog = { kind: 'create'; scan?: string } | { kind: 'link' } | { kind: 'receipt'; dossier: DossierView } | null;

const NEXT: DossierStatus[] = ['processing', 'needs_supplement', 'result_ready', 'rejected', 'returned'];

/** The dossiers of the visit being served: receive a new one, link one by code, change status, receipt. */
export function DossierPanel({ conn, snapshot, ticket, officerName, locale, scan }: Props) {
  const t = useMemo(() => translator(DOSSIER_MESSAGES, locale), [locale]);
  const [dossiers, setDossiers] = useState<DossierView[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const reload = useCallback(async () => {
    const r = await conn.send('dossier:forTicket', { ticketId: ticket.id });
    if (r.ok) setDossiers(r.data);
  }, [conn, ticket.id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const shown = useRef<readonly DossierView[]>([]);
  shown.current = dossiers;
  useEffect(() => conn.onHubEvent((e) => {
    if (dossierPanelReloads(e, shown.current.map((d) => d.id))) void reload();
  }), [conn, reload]);
  const seenScan = useRef(scan?.seq ?? 0);
  useEffect(() => {
    if (!scan || scan.seq === seenScan.current) return;
    seenScan.current = scan.seq;
    setError(null);
    setDialog({ kind: 'create', scan: scan.text });
  }, [scan]);
  const create = async (draft: DossierDraft): Promise<void> => {
    const r = await conn.send('dossier:create', { ticketId: ticket.id, ...draft, idempotencyKey: newKey('dossier') });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setDialog({ kind: 'receipt', dossier: r.data });
    void reload();
  };
  const link = async (): Promise<void> => {
    const r = await conn.send('dossier:link', { ticketId: ticket.id, code: code.trim() });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCode('');
    setDialog(null);
    void reload();
  };
  const saveDocuments = async (documents: ReceivedDocument[]): Promise<string | null> => {
    const r = await conn.send('dossier:setDocuments', { dossierId: dialog?.kind === 'receipt' ? dialog.dossier.id : '', documents, idempotencyKey: newKey('docs') });
    if (!r.ok) return r.error.message;
    setDialog({ kind: 'receipt', dossier: r.data });
    return null;
  };
  const setStatus = async (d: DossierView, status: DossierStatus): Promise<void> => {
    const r = await conn.send('dossier:setStatus', { dossierId: d.id, status });
    setError(r.ok ? null : r.error.message);
    void reload();
  };
  return (
    <section className="dossiers" data-testid="dossiers">
      <h2>{t('dossiers')}</h2>
      {dossiers.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="dossier-list">
        {dossiers.map((d) => (
          <li key={d.id} data-code={d.code} data-status={d.status}>
            <div className="dossier-head">
              <strong>{d.code}</strong>
              <span className={`badge is-${d.status}`}>{DOSSIER_STATUS_LABELS[locale][d.status]}</span>
              {d.overdue && <span className="badge is-overdue">{t('overdue')}</span>}
            </div>
            <div>{d.procedureName} — {d.applicant.fullName || '—'}</div>
            <div className="muted">{t('due', { date: formatDay(d.dueDate) })}</div>
            <div className="dossier-actions">
              {canChangeDossierStatus(d.status, 'returned') && (
                <button type="button" className="btn small primary" data-testid="mark-returned" onClick={() => void setStatus(d, 'returned')}>{t('returned')}</button>
              )}
              <select aria-label={t('setStatus')} value="" onChange={(e) => void setStatus(d, e.target.value as DossierStatus)}>
                <option value="">{t('setStatus')}…</option>
                {NEXT.filter((s) => canChangeDossierStatus(d.status, s)).map((s) => (
                  <option key={s} value={s}>{DOSSIER_STATUS_LABELS[locale][s]}</option>
                ))}
              </select>
              <button type="button" className="btn small" onClick={() => setDialog({ kind: 'receipt', dossier: d })}>{t('receipt')}</button>
            </div>
          </li>
        ))}
      </ul>
      {error && !dialog && <p className="error" role="alert" data-testid="dossier-error">{error}</p>}
      <div className="dossier-buttons">
        <button type="button" className="btn primary" data-testid="create-dossier" onClick={() => { setError(null); setDialog({ kind: 'create' }); }}>{t('create')}</button>
        <button type="button" className="btn" onClick={() => { setError(null); setDialog({ kind: 'link' }); }}>{t('link')}</button>
      </div>
      {dialog?.kind === 'create' && (
        <CreateDossierDialog t={t} locale={locale} snapshot={snapshot} ticket={ticket} error={error} initialScan={dialog.scan} onClose={() => setDialog(null)} onSubmit={create} />
      )}
      {dialog?.kind === 'link' && (
        <Modal onClose={() => setDialog(null)} testId="link-dialog" label={t('linkTitle')}>
          <form className="modal-box form" onSubmit={(e) => { e.preventDefault(); void link(); }}>
            <h2>{t('linkTitle')}</h2>
            <label>{t('code')}<input name="code" value={code} onChange={(e) => setCode(e.target.value)} /></label>
            {error && <p className="error" role="alert">{error}</p>}
            <div className="modal-actions">
              <button type="submit" className="btn primary" disabled={code.trim().length < 5}>{t('linkSave')}</button>
              <button type="button" className="btn" onClick={() => setDialog(null)}>{t('cancel')}</button>
            </div>
          </form>
        </Modal>
      )}
      {dialog?.kind === 'receipt' && (
        <Receipt locale={locale} snapshot={snapshot} dossier={dialog.dossier} officerName={officerName} saveDocuments={saveDocuments} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
