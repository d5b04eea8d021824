import type { Snapshot, TicketView } from '@qms/protocol';
import type { Locale, Translate } from '@qms/ui';
import { Modal } from '@qms/ui/dialog';
import { useState } from 'react';
import type { CounterKey } from './messages';

interface TransferProps {
  t: Translate<CounterKey>;
  locale: Locale;
  snapshot: Snapshot;
  ticket: TicketView;
  fromCounter: string;
  error: string | null;
  onClose: () => void;
  onSubmit: (target: { toFieldId?: string; toCounterId?: string }, note: string) => Promise<void>;
}

/** "Chuyển": to another field (keeps its place by issue time) or to a named counter, with a note. */
export function TransferDialog({ t, locale, snapshot, ticket, fromCounter, error, onClose, onSubmit }: TransferProps) {
  const [fieldId, setFieldId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [note, setNote] = useState('');
  const target = { ...(fieldId ? { toFieldId: fieldId } : {}), ...(counterId ? { toCounterId: counterId } : {}) };
  return (
    <Modal onClose={onClose} testId="transfer-dialog" label={t('transferTitle', { number: ticket.number })}>
      <form className="modal-box form" onSubmit={(e) => { e.preventDefault(); void onSubmit(target, note.trim()); }}>
        <h2>{t('transferTitle', { number: ticket.number })}</h2>
        <label>{t('toField')}
          <select name="field" value={fieldId} onChange={(e) => setFieldId(e.target.value)}>
            <option value="">{t('none')}</option>
            {snapshot.fields.filter((f) => f.enabled && f.id !== ticket.fieldId).map((f) => (
              <option key={f.id} value={f.id}>{locale === 'vi' ? f.nameVi : f.nameEn}</option>
            ))}
          </select>
        </label>
        <label>{t('toCounter')}
          <select name="counter" value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">{t('none')}</option>
            {snapshot.counters.filter((c) => c.id !== fromCounter).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label>{t('note')}<textarea name="note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} /></label>
        <DialogError t={t} error={error} />
        <div className="modal-actions">
          <button type="submit" className="btn primary" disabled={!fieldId && !counterId}>{t('confirm')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

interface NumberProps {
  t: Translate<CounterKey>;
  error: string | null;
  onClose: () => void;
  onSubmit: (number: string) => Promise<void>;
}

/** "Gọi số cụ thể": the number on the citizen's ticket (a waiting one, or a no-show who came back). */
export function CallNumberDialog({ t, error, onClose, onSubmit }: NumberProps) {
  const [number, setNumber] = useState('');
  const clean = number.trim().toUpperCase();
  return (
    <Modal onClose={onClose} testId="number-dialog" label={t('callNumberTitle')}>
      <form className="modal-box form" onSubmit={(e) => { e.preventDefault(); void onSubmit(clean); }}>
        <h2>{t('callNumberTitle')}</h2>
        <label>{t('numberLabel')}<input name="number" value={number} onChange={(e) => setNumber(e.target.value)} inputMode="numeric" /></label>
        <DialogError t={t} error={error} />
        <div className="modal-actions">
          <button type="submit" className="btn primary" disabled={!/^[A-Z]{0,3}-?\d{1,5}$/.test(clean)}>{t('call')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

/** A command issued from a dialog that failed: said inside the dialog, not behind it. */
function DialogError({ t, error }: { t: Translate<CounterKey>; error: string | null }) {
  if (!error) return null;
  return <p className="error" role="alert" data-testid="dialog-error">{t('errorPrefix', { message: error })}</p>;
}

interface NoShowProps {
  t: Translate<CounterKey>;
  ticket: TicketView;
  error: string | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}

/**
 * "Vắng mặt" asks first: it takes the citizen out of the queue and calls the next number, which
 * the TV announces at once. The focus starts on "Huỷ", so Enter or a stray key does not confirm.
 */
export function NoShowDialog({ t, ticket, error, busy, onClose, onConfirm }: NoShowProps) {
  return (
    <Modal onClose={onClose} testId="noshow-dialog" label={t('noShowTitle', { number: ticket.number })}>
      <div className="modal-box">
        <h2>{t('noShowTitle', { number: ticket.number })}</h2>
        <p>{t('noShowExplain', { number: ticket.number })}</p>
        <DialogError t={t} error={error} />
        <div className="modal-actions">
          <button type="button" className="btn danger" data-testid="noshow-confirm" disabled={busy} onClick={() => void onConfirm()}>{t('noShowConfirm')}</button>
          <button type="button" className="btn" data-autofocus onClick={onClose}>{t('cancel')}</button>
        </div>
      </div>
    </Modal>
  );
}
