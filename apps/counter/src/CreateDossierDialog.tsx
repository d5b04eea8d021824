import { parseCccdQr } from '@qms/core';
import type { Snapshot, TicketView } from '@qms/protocol';
import type { Locale, Translate } from '@qms/ui';
import { DateInput } from '@qms/ui/date-input';
import { Modal } from '@qms/ui/dialog';
import { useEffect, useMemo, useState } from 'react';
import type { DossierKey } from './dossier-messages';

export interface DossierDraft {
  procedureId: string;
  applicant: { fullName: string; cccd: string | null; phone: string | null; birthDate: string | null; address: string | null };
  note?: string;
}

interface Props {
  t: Translate<DossierKey>;
  locale?: Locale;
  snapshot: Snapshot;
  ticket: TicketView;
  error: string | null;
  /** A CCCD QR scanned at the desk before the form opened: read at once. */
  initialScan?: string | undefined;
  onClose: () => void;
  onSubmit: (draft: DossierDraft) => Promise<void>;
}

/** "Tiếp nhận hồ sơ": the applicant filled from a CCCD QR scan (or typed), a procedure, a note. */
export function CreateDossierDialog({ t, locale = 'vi', snapshot, ticket, error, initialScan, onClose, onSubmit }: Props) {
  const procedures = useMemo(
    () =>
      snapshot.procedures
        .filter((p) => p.enabled)
        .sort((a, b) => Number(b.fieldId === ticket.fieldId) - Number(a.fieldId === ticket.fieldId)),
    [snapshot.procedures, ticket.fieldId],
  );
  const [scan, setScan] = useState('');
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [form, setForm] = useState({ fullName: '', cccd: '', birthDate: '', address: '', phone: '', note: '', procedureId: procedures[0]?.id ?? '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const readScan = (text: string): void => {
    try {
      const c = parseCccdQr(text);
      setForm((f) => ({ ...f, fullName: c.fullName, cccd: c.cccd, birthDate: c.birthDate, address: c.address }));
      setScanNote(t('scanFilled'));
      setScan('');
    } catch (e) {
      setScanNote((e as Error).message);
    }
  };
  useEffect(() => {
    if (initialScan) readScan(initialScan);
    // once, when the form opens from a scan (readScan changes every render)
  }, []);
  const submit = (): void => {
    const opt = (v: string): string | null => (v.trim() ? v.trim() : null);
    void onSubmit({
      procedureId: form.procedureId,
      applicant: { fullName: form.fullName.trim(), cccd: opt(form.cccd), phone: opt(form.phone), birthDate: opt(form.birthDate), address: opt(form.address) },
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    });
  };
  return (
    <Modal onClose={onClose} testId="dossier-dialog" label={t('createTitle', { number: ticket.number })}>
      <form className="modal-box form wide" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2>{t('createTitle', { number: ticket.number })}</h2>
        <label>{t('scanCccd')}
          <input name="cccd-scan" value={scan} autoComplete="off" onChange={(e) => setScan(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); readScan(scan); } }} />
        </label>
        {scanNote && <p className="notice" data-testid="scan-note">{scanNote}</p>}
        <div className="grid2">
          <label>{t('fullName')}<input name="fullName" value={form.fullName} onChange={set('fullName')} required minLength={2} /></label>
          <label>{t('cccd')}<input name="cccd" value={form.cccd} onChange={set('cccd')} inputMode="numeric" pattern="\d{12}" /></label>
          <label>{t('birthDate')}<DateInput name="birthDate" value={form.birthDate} locale={locale} onChange={(birthDate) => setForm((f) => ({ ...f, birthDate }))} /></label>
          <label>{t('phone')}<input name="phone" value={form.phone} onChange={set('phone')} inputMode="tel" /></label>
        </div>
        <label>{t('address')}<input name="address" value={form.address} onChange={set('address')} /></label>
        <label>{t('procedure')}
          <select name="procedure" value={form.procedureId} onChange={set('procedureId')}>
            {procedures.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('note')}<textarea name="note" maxLength={500} value={form.note} onChange={set('note')} /></label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="submit" className="btn primary" disabled={form.fullName.trim().length < 2 || !form.procedureId}>{t('save')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
