import { DOCUMENT_FORMS, DOCUMENT_FORM_LABELS, localDateTime, type ReceivedDocument } from '@qms/core';
import type { DossierView, Snapshot } from '@qms/protocol';
import QRCode from 'qrcode';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useDialogKeys } from '../dialog';
import { translator, type Locale, type Translate } from '../i18n';
import { formatDay } from './messages';
import { RECEIPT_MESSAGES, type ReceiptKey } from './receipt-messages';
import './receipt.css';

/** One row of the checklist: a document and whether it was received (unticked ones are not printed). */
interface ChecklistRow extends ReceivedDocument {
  received: boolean;
}

interface Props {
  locale: Locale;
  snapshot: Snapshot;
  dossier: DossierView;
  officerName: string;
  /** Saves the list with the dossier before printing; resolves to an error message, or null. */
  saveDocuments?: (documents: ReceivedDocument[]) => Promise<string | null>;
  onClose: () => void;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The checklist starts from what was saved with the dossier, else from the procedure's catalog entry. */
function initialRows(snapshot: Snapshot, dossier: DossierView): ChecklistRow[] {
  const saved = dossier.documents;
  const catalog = snapshot.procedures.find((p) => p.id === dossier.procedureId)?.documents ?? [];
  return (saved.length > 0 ? saved : catalog).map((d) => ({ ...d, received: true }));
}

const listed = (rows: readonly ChecklistRow[]): ReceivedDocument[] =>
  rows.filter((r) => r.received && r.name.trim() !== '').map(({ name, form, quantity }) => ({ name: name.trim(), form, quantity }));

/**
 * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the officer corrects the documents received, then
 * prints the official form once, on one A4 page. The dialog is rendered at the end of <body> so
 * the print stylesheet can leave out everything else (receipt.css).
 */
export function Receipt({ locale, snapshot, dossier, officerName, saveDocuments, onClose }: Props) {
  const ui = useMemo(() => translator(RECEIPT_MESSAGES, locale), [locale]);
  const [rows, setRows] = useState<ChecklistRow[]>(() => initialRows(snapshot, dossier));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const documents = listed(rows);
  // the receipt owns the keyboard like every dialog: focus on "In phiếu", Esc closes, shortcuts off
  const box = useRef<HTMLDivElement>(null);
  useDialogKeys(box, onClose);
  const set = (i: number, patch: Partial<ChecklistRow>): void => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const print = async (): Promise<void> => {
    if (busy) return;
    if (saveDocuments && JSON.stringify(documents) !== JSON.stringify(dossier.documents)) {
      setBusy(true);
      const problem = await saveDocuments(documents);
      setBusy(false);
      if (problem !== null) return setError(problem);
    }
    setError(null);
    window.print();
  };

  return createPortal(
    <div ref={box} className="modal receipt-modal" role="dialog" aria-modal="true" aria-label={RECEIPT_MESSAGES.vi.title} data-testid="receipt">
      <style>{'@page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; }'}</style>
      <div className="modal-box receipt-box">
        <section className="receipt-checklist no-print" data-testid="receipt-checklist">
          <h2>{ui('checklist')}</h2>
          <table>
            <thead>
              <tr><th>{ui('received1')}</th><th>{ui('docName')}</th><th>{ui('docForm')}</th><th>{ui('docQuantity')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td><input type="checkbox" name="doc-received" aria-label={ui('received1')} checked={r.received} onChange={(e) => set(i, { received: e.target.checked })} /></td>
                  <td><input name="doc-name" aria-label={ui('docName')} maxLength={300} value={r.name} onChange={(e) => set(i, { name: e.target.value })} /></td>
                  <td>
                    <select name="doc-form" aria-label={ui('docForm')} value={r.form} onChange={(e) => set(i, { form: e.target.value as ChecklistRow['form'] })}>
                      {DOCUMENT_FORMS.map((f) => <option key={f} value={f}>{DOCUMENT_FORM_LABELS[locale][f]}</option>)}
                    </select>
                  </td>
                  <td>
                    <input name="doc-quantity" type="number" min={1} max={99} aria-label={ui('docQuantity')} value={r.quantity}
                      onChange={(e) => set(i, { quantity: Math.min(99, Math.max(1, Math.trunc(Number(e.target.value)) || 1)) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn small" data-testid="doc-add"
            onClick={() => setRows((rs) => [...rs, { name: '', form: 'original', quantity: 1, received: true }])}>{ui('addDoc')}</button>
        </section>
        <ReceiptForm snapshot={snapshot} dossier={dossier} officerName={officerName} documents={documents} />
        {error && <p className="error no-print" role="alert" data-testid="receipt-error">{error}</p>}
        <div className="modal-actions no-print">
          <button type="button" className="btn primary" data-testid="receipt-print" data-autofocus disabled={busy} onClick={() => void print()}>
            {busy ? ui('saving') : ui('print')}
          </button>
          <button type="button" className="btn" onClick={onClose}>{ui('close')}</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The printed form itself, always in Vietnamese (it is an official document). */
function ReceiptForm({ snapshot, dossier, officerName, documents }: { snapshot: Snapshot; dossier: DossierView; officerName: string; documents: ReceivedDocument[] }) {
  const t: Translate<ReceiptKey> = useMemo(() => translator(RECEIPT_MESSAGES, 'vi'), []);
  const [qr, setQr] = useState('');
  const url = `${window.location.origin}${dossier.lookupPath}`;
  useEffect(() => {
    void QRCode.toString(url, { type: 'svg', margin: 1 }).then(setQr);
  }, [url]);
  const procedure = snapshot.procedures.find((p) => p.id === dossier.procedureId);
  const site = snapshot.site;
  const at = localDateTime(dossier.receivedAt, site.timeZone);
  const dateParts = { d: two(at.day), m: two(at.month), y: at.year };
  const place = site.place?.trim() ?? '';
  const a = dossier.applicant;
  return (
    <article className="receipt-form" data-testid="receipt-form">
      <header className="receipt-head">
        <div className="receipt-agency">
          <p><strong>{site.name.toLocaleUpperCase('vi')}</strong></p>
          <p className="receipt-rule" aria-hidden="true" />
        </div>
        <div className="receipt-nation">
          <p><strong>{t('nation')}</strong></p>
          <p><strong className="receipt-motto" data-testid="receipt-motto">{t('motto')}</strong></p>
        </div>
      </header>
      <p className="receipt-place-date" data-testid="receipt-place-date">
        <em>{place ? t('placeDate', { place, ...dateParts }) : t('date', dateParts)}</em>
      </p>
      <h2 className="receipt-title">{t('title')}</h2>
      <p className="receipt-code">{t('code')}: <strong data-testid="receipt-code">{dossier.code}</strong></p>
      <p>{t('receivedFrom', { agency: site.name })}</p>
      <dl className="receipt-applicant" data-testid="receipt-applicant">
        <div><dt>{t('applicant')}:</dt><dd><strong>{a.fullName}</strong></dd></div>
        {a.cccd && <div><dt>{t('cccd')}:</dt><dd>{a.cccd}</dd></div>}
        {a.address && <div><dt>{t('address')}:</dt><dd>{a.address}</dd></div>}
        {a.phone && <div><dt>{t('phone')}:</dt><dd>{a.phone}</dd></div>}
        <div><dt>{t('procedure')}:</dt><dd data-testid="receipt-procedure"><strong>{dossier.procedureName}</strong></dd></div>
      </dl>
      <p>{t('documentsHead')}</p>
      <table className="receipt-docs" data-testid="receipt-docs">
        <thead>
          <tr><th>{t('colNo')}</th><th>{t('colName')}</th><th>{t('colForm')}</th><th>{t('colQuantity')}</th></tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={i}><td>{i + 1}</td><td>{d.name}</td><td>{DOCUMENT_FORM_LABELS.vi[d.form]}</td><td>{d.quantity}</td></tr>
          ))}
        </tbody>
      </table>
      {documents.length === 0 && <p className="receipt-none">{t('noDocuments')}</p>}
      <div className="receipt-mid">
        <div className="receipt-facts">
          {procedure && <p>{t('processing', { days: procedure.processingDays === 0 ? t('sameDay') : t('days', { n: procedure.processingDays }) })}</p>}
          <p>{t('received')} <span data-testid="receipt-received">{t('receivedAt', { hh: two(at.hour), mm: two(at.minute), date: `${dateParts.d}/${dateParts.m}/${dateParts.y}` })}</span></p>
          <p>{t('due')} <strong data-testid="receipt-due">{formatDay(dossier.dueDate)}</strong></p>
          {procedure && <p>{t('fee', { fee: procedure.fee > 0 ? `${procedure.fee.toLocaleString('vi-VN')} đồng` : t('free') })}</p>}
          {dossier.ticketNumber && <p className="receipt-ticket">{t('ticket', { n: dossier.ticketNumber })}</p>}
        </div>
        <figure className="receipt-qr-box">
          <div className="receipt-qr" data-testid="receipt-qr" data-url={url} dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>{t('qr')}</figcaption>
        </figure>
      </div>
      <div className="receipt-signatures" data-testid="receipt-signatures">
        <div>
          <p><strong>{t('submitter')}</strong></p>
          <p><em>{t('signHint')}</em></p>
          <p className="receipt-signer">{a.fullName}</p>
        </div>
        <div>
          <p><strong>{t('receiver')}</strong></p>
          <p><em>{t('signHint')}</em></p>
          <p className="receipt-signer">{officerName}</p>
        </div>
      </div>
    </article>
  );
}
