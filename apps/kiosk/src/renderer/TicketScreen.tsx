import type { IssueTicketResult, SiteView } from '@qms/protocol';
import { PRIORITY_LABELS, type HubConnection, type Locale, type Translate } from '@qms/ui';
import { useIdle } from '@qms/ui/react';
import { aheadLine, joinLine, waitLine } from '@qms/printer/wait-wording';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { KioskIdentity } from './identity';
import type { KioskKey } from './messages';
import { printData, printTicket, type PrintState } from './printing';

interface Props {
  conn: HubConnection;
  identity: KioskIdentity;
  result: IssueTicketResult;
  site: SiteView;
  locale: Locale;
  t: Translate<KioskKey>;
  onDone: () => void;
}

const BACK_HOME_MS = 20_000;

export function TicketScreen({ conn, identity, result, site, locale, t, onDone }: Props) {
  const [qr, setQr] = useState<string>('');
  const [print, setPrint] = useState<PrintState>({ phase: 'printing' });
  // the hub's link, which phones can open; none (no QR on screen or paper) when phones cannot reach the hub
  const url = result.statusUrl;
  useEffect(() => {
    if (url !== null) void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [url]);
  const runPrint = (): void => {
    setPrint({ phase: 'printing' });
    void printTicket(conn, identity, printData(result, site, locale), result.ticket.id).then(setPrint);
  };
  useEffect(runPrint, [result.ticket.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useIdle(print.phase === 'failed' ? BACK_HOME_MS * 3 : BACK_HOME_MS, onDone);
  const name = locale === 'vi' ? result.fieldNameVi : result.fieldNameEn;
  return (
    <main className="ticket" data-testid="ticket" data-print={print.phase}>
      <p className="ticket-label">{t('yourNumber')}</p>
      <p className="ticket-number" data-testid="ticket-number">{result.ticket.number}</p>
      <p className="ticket-field">{name}</p>
      {result.ticket.priorityGroup && <p className="ticket-priority">★ {PRIORITY_LABELS[locale][result.ticket.priorityGroup]}</p>}
      <div className="ticket-body">
        <ul className="ticket-facts">
          <li>{t('counters', { list: result.counterNumbers.join(', ') })}</li>
          {/* the printed ticket says exactly the same (packages/printer/src/wait-wording.ts) */}
          <li data-testid="ahead">{joinLine(aheadLine(result.peopleAhead, locale))}</li>
          <li data-testid="wait">{joinLine(waitLine(result.estimatedWaitMinutes, locale))}</li>
        </ul>
        {url !== null && (
          <figure className="ticket-qr">
            <div className="qr" data-testid="qr" data-url={url} dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption>{t('scanQr')}</figcaption>
          </figure>
        )}
      </div>
      <div className={`print-status is-${print.phase}`} role="status" data-testid="print-status">
        {print.phase === 'printing' && t('printing')}
        {print.phase === 'printed' && t('printed')}
        {print.phase === 'failed' && t('printFailed')}
      </div>
      <div className="ticket-actions">
        {print.phase === 'failed' && <button type="button" className="big-btn secondary" onClick={runPrint}>{t('reprint')}</button>}
        <button type="button" className="big-btn" onClick={onDone}>{t('done')}</button>
      </div>
    </main>
  );
}
