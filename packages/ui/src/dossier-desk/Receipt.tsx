import type { DossierView, Snapshot } from '@qms/protocol';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { formatClock } from '../format';
import type { Translate } from '../i18n';
import { formatDay } from './messages';
import './dossier-desk.css';

/** The catalog keys the receipt prints (the counter's dossier catalog and the desk's both have them). */
export type ReceiptKey =
  | 'receiptTitle' | 'code' | 'fullName' | 'cccd' | 'phone' | 'procedure' | 'receivedAt' | 'dueLabel'
  | 'sameDay' | 'days' | 'fee' | 'free' | 'ticket' | 'qr' | 'print' | 'close';

/** Phiếu tiếp nhận hồ sơ và hẹn trả kết quả: shown on screen, printed on A5/A4 with window.print(). */
export function Receipt({ t, snapshot, dossier, officerName, onClose }: { t: Translate<ReceiptKey>; snapshot: Snapshot; dossier: DossierView; officerName: string; onClose: () => void }) {
  const [qr, setQr] = useState('');
  const url = `${window.location.origin}${dossier.lookupPath}`;
  useEffect(() => {
    void QRCode.toString(url, { type: 'svg', margin: 1 }).then(setQr);
  }, [url]);
  const procedure = snapshot.procedures.find((p) => p.id === dossier.procedureId);
  const tz = snapshot.site.timeZone;
  const received = new Date(dossier.receivedAt);
  return (
    <div className="modal receipt-modal" role="dialog" aria-modal="true" data-testid="receipt">
      <div className="modal-box receipt">
        <header>
          <p>{snapshot.site.name}</p>
          <p className="muted">{snapshot.site.agencyCode}</p>
          <h2>{t('receiptTitle')}</h2>
        </header>
        <dl>
          <dt>{t('code')}</dt><dd data-testid="receipt-code"><strong>{dossier.code}</strong></dd>
          <dt>{t('fullName')}</dt><dd>{dossier.applicant.fullName}</dd>
          {dossier.applicant.cccd && <><dt>{t('cccd')}</dt><dd>{dossier.applicant.cccd}</dd></>}
          {dossier.applicant.phone && <><dt>{t('phone')}</dt><dd>{dossier.applicant.phone}</dd></>}
          <dt>{t('procedure')}</dt><dd>{dossier.procedureName}</dd>
          <dt>{t('receivedAt')}</dt><dd>{formatClock(dossier.receivedAt, tz)} {received.toLocaleDateString('vi-VN', { timeZone: tz })}</dd>
          <dt>{t('dueLabel')}</dt><dd data-testid="receipt-due"><strong>{formatDay(dossier.dueDate)}</strong>
            {procedure && ` (${procedure.processingDays === 0 ? t('sameDay') : t('days', { n: procedure.processingDays })})`}</dd>
          <dt>{t('fee')}</dt><dd>{procedure && procedure.fee > 0 ? `${procedure.fee.toLocaleString('vi-VN')} đồng` : t('free')}</dd>
          {dossier.ticketNumber && <><dt>{t('ticket')}</dt><dd>{dossier.ticketNumber}</dd></>}
        </dl>
        <figure>
          <div className="receipt-qr" data-testid="receipt-qr" data-url={url} dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>{t('qr')}</figcaption>
        </figure>
        <p className="receipt-sign">{officerName}</p>
        <div className="modal-actions no-print">
          <button type="button" className="btn primary" onClick={() => window.print()}>{t('print')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('close')}</button>
        </div>
      </div>
    </div>
  );
}
