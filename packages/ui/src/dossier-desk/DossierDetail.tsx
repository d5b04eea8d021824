import { DOSSIER_STATUS_LABELS, canChangeDossierStatus, type DossierStatus, type ReceivedDocument } from '@qms/core';
import type { DossierHistoryView, DossierWithHistory, Snapshot } from '@qms/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDialogKeys } from '../dialog';
import { formatClock } from '../format';
import { newKey, type HubConnection } from '../hub-connection';
import { translator, type Locale, type Translate } from '../i18n';
import { DESK_MESSAGES, formatDay, type DeskKey } from './messages';
import { Receipt } from './Receipt';

interface Props {
  conn: HubConnection;
  snapshot: Snapshot;
  locale: Locale;
  signer: string;
  dossierId: string;
  onClose: () => void;
}

/** The moves the desk offers, in the order shown; a note is required for the last two. */
type Move = { to: DossierStatus; label: DeskKey; note: 'required' | 'optional'; noteLabel: DeskKey };
const MOVES: Move[] = [
  { to: 'result_ready', label: 'toResultReady', note: 'optional', noteLabel: 'optionalNote' },
  { to: 'returned', label: 'toReturned', note: 'optional', noteLabel: 'optionalNote' },
  { to: 'processing', label: 'toProcessing', note: 'optional', noteLabel: 'optionalNote' },
  { to: 'needs_supplement', label: 'toNeedsSupplement', note: 'required', noteLabel: 'supplementNote' },
  { to: 'rejected', label: 'toRejected', note: 'required', noteLabel: 'rejectNote' },
];

/** One dossier: its details, every status change (who, when, note), the legal next moves, and its receipt. */
export function DossierDetail({ conn, snapshot, locale, signer, dossierId, onClose }: Props) {
  const t = useMemo(() => translator(DESK_MESSAGES, locale), [locale]);
  const [data, setData] = useState<DossierWithHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<Move | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState(false);
  const load = useCallback(async () => {
    const r = await conn.send('dossier:history', { dossierId });
    if (r.ok) setData(r.data);
    else setError(r.error.message);
  }, [conn, dossierId]);
  useEffect(() => void load(), [load]);

  const saveDocuments = async (documents: ReceivedDocument[]): Promise<string | null> => {
    const r = await conn.send('dossier:setDocuments', { dossierId, documents, idempotencyKey: newKey('docs') });
    if (!r.ok) return r.error.message;
    void load();
    return null;
  };

  const confirm = async (): Promise<void> => {
    if (!pending || busy) return;
    if (pending.note === 'required' && note.trim() === '') return setError(t('noteRequired'));
    setBusy(true);
    const r = await conn.send('dossier:changeStatus', {
      dossierId,
      status: pending.to,
      ...(note.trim() ? { note: note.trim() } : {}),
      idempotencyKey: newKey('desk'),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setSaved(t('saved', { status: DOSSIER_STATUS_LABELS[locale][r.data.status] }));
    setPending(null);
    setNote('');
    await load();
  };

  // owns the keyboard like every dialog (Esc closes; the receipt above it is the innermost one)
  const box = useRef<HTMLDivElement>(null);
  useDialogKeys(box, onClose);
  const tz = snapshot.site.timeZone;
  const when = (at: number): string => `${formatClock(at, tz, locale)} ${new Date(at).toLocaleDateString('vi-VN', { timeZone: tz })}`;
  const d = data?.dossier;
  const moves = d ? MOVES.filter((m) => canChangeDossierStatus(d.status, m.to)) : [];
  return (
    <div ref={box} className="modal desk-detail-modal" role="dialog" aria-modal="true" data-testid="desk-detail">
      <div className="modal-box desk-detail">
        {!d ? <p className="muted">…</p> : (
          <>
            <h2>{t('detailTitle', { code: d.code })}</h2>
            <dl className="desk-facts">
              <dt>{t('status')}</dt>
              <dd><span className={`badge is-${d.status}`} data-testid="detail-status">{DOSSIER_STATUS_LABELS[locale][d.status]}</span>
                {d.overdue && <> <span className="badge is-overdue">{t('overdue')}</span></>}</dd>
              <dt>{t('applicant')}</dt><dd>{d.applicant.fullName || '—'}</dd>
              <dt>{t('procedure')}</dt><dd>{d.procedureName}</dd>
              <dt>{t('received')}</dt><dd>{when(d.receivedAt)} · {d.channel === 'online' ? t('channelOnline') : t('channelCounter')}</dd>
              <dt>{t('due')}</dt><dd>{formatDay(d.dueDate)}</dd>
              {d.links.length > 0 && <><dt>{t('tickets')}</dt><dd>{d.links.map((l) => l.number).join(', ')}</dd></>}
            </dl>
            <h3>{t('history')}</h3>
            <HistoryTable history={data.history} t={t} locale={locale} when={when} />
            <h3>{t('actions')}</h3>
            {moves.length === 0 && <p className="muted">{t('finished')}</p>}
            <div className="desk-moves">
              {moves.map((m) => (
                <button key={m.to} type="button" className={`btn small${pending?.to === m.to ? ' primary' : ''}`} data-testid={`move-${m.to}`}
                  onClick={() => { setPending(m); setNote(''); setError(null); setSaved(null); }}>{t(m.label)}</button>
              ))}
            </div>
            {pending && <MoveForm move={pending} note={note} setNote={setNote} busy={busy} t={t} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />}
            {saved && <p className="notice" role="status" data-testid="move-saved">{saved}</p>}
          </>
        )}
        {error && <p className="error" role="alert" data-testid="detail-error">{error}</p>}
        <div className="modal-actions">
          {d && <button type="button" className="btn" data-testid="desk-reprint" onClick={() => setReceipt(true)}>{t('reprint')}</button>}
          <button type="button" className="btn" data-testid="desk-close" onClick={onClose}>{t('close')}</button>
        </div>
      </div>
      {receipt && d && <Receipt locale={locale} snapshot={snapshot} dossier={d} officerName={signer} saveDocuments={saveDocuments} onClose={() => setReceipt(false)} />}
    </div>
  );
}

/** Every status change: when, from → to (or "Tiếp nhận"), who, the note. */
function HistoryTable({ history, t, locale, when }: { history: DossierHistoryView[]; t: Translate<DeskKey>; locale: Locale; when: (at: number) => string }) {
  return (
    <table className="desk-history" data-testid="desk-history">
      <thead><tr><th>{t('when')}</th><th>{t('change')}</th><th>{t('who')}</th><th>{t('note')}</th></tr></thead>
      <tbody>
        {history.map((h, i) => (
          <tr key={i} data-to={h.to}>
            <td>{when(h.at)}</td>
            <td>{h.from === null ? t('created') : `${DOSSIER_STATUS_LABELS[locale][h.from]} → `}{h.from === null ? '' : DOSSIER_STATUS_LABELS[locale][h.to]}</td>
            <td>{h.actorName ?? (h.actorKind === 'import' ? t('actorImport') : h.actorKind)}</td>
            <td>{h.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface MoveFormProps {
  move: Move;
  note: string;
  setNote: (v: string) => void;
  busy: boolean;
  t: Translate<DeskKey>;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The note (required for a supplement request or a refusal) and the confirmation of one move. */
function MoveForm({ move, note, setNote, busy, t, onConfirm, onCancel }: MoveFormProps) {
  return (
    <form className="desk-move-form" onSubmit={(e) => { e.preventDefault(); onConfirm(); }}>
      <label>{t(move.noteLabel)}
        <textarea name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} required={move.note === 'required'} autoFocus />
      </label>
      <div className="modal-actions">
        <button type="submit" className="btn primary" data-testid="move-confirm" disabled={busy}>{t('confirm')}: {t(move.label)}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
