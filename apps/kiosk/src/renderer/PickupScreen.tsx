import { DOSSIER_STATUS_LABELS } from '@qms/core';
import type { PickupResult, PublicDossierView } from '@qms/protocol';
import { newKey, type HubConnection, type Locale, type Translate } from '@qms/ui';
import { useEffect, useState } from 'react';
import type { KioskKey } from './messages';
import { codeFromDigits, formatTypedDigits } from './pickup-code';

interface Props {
  conn: HubConnection;
  agencyCode: string;
  /** A code scanned from a receipt, if the screen was opened by a scan. */
  scanned: string | null;
  /** The key of the scanned QR link, if any: the hub then shows procedure and masked name. */
  scannedKey: string | null;
  locale: Locale;
  t: Translate<KioskKey>;
  onTicket: (r: PickupResult) => void;
  onBack: () => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'];

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Nhận kết quả": the citizen types (or scans) the receipt's code, sees the status, takes a number. */
export function PickupScreen({ conn, agencyCode, scanned, scannedKey, locale, t, onTicket, onBack }: Props) {
  const [digits, setDigits] = useState('');
  const [found, setFound] = useState<PublicDossierView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const lookup = async (code: string, withKey: string | null): Promise<void> => {
    setBusy(true);
    setError(null);
    setKey(withKey);
    const r = await conn.send('dossier:lookup', withKey ? { code, key: withKey } : { code });
    setBusy(false);
    if (r.ok) setFound(r.data);
    else setError(r.error.message);
  };
  useEffect(() => {
    if (scanned) void lookup(scanned, scannedKey);
  }, [scanned]); // eslint-disable-line react-hooks/exhaustive-deps
  const press = (k: string): void => {
    if (k === '⌫') setDigits((d) => d.slice(0, -1));
    else if (k === 'OK') {
      const code = codeFromDigits(agencyCode, digits);
      if (code) void lookup(code, null);
    } else setDigits((d) => (d.length < 10 ? d + k : d));
  };
  const take = async (): Promise<void> => {
    if (!found) return;
    setBusy(true);
    const request = { code: found.code, idempotencyKey: newKey('pickup') };
    const r = await conn.send('ticket:issuePickup', key ? { ...request, key } : request);
    setBusy(false);
    if (r.ok) onTicket(r.data);
    else setError(r.error.message);
  };
  return (
    <main className="pickup" data-testid="pickup">
      <h1>{t('pickupTitle')}</h1>
      {!found && (
        <>
          <p className="pickup-hint">{t('pickupHint')}</p>
          <p className="pickup-code" data-testid="pickup-code"><span>{agencyCode}-</span>{formatTypedDigits(digits)}</p>
          <div className="keypad">
            {KEYS.map((k) => (
              <button key={k} type="button" className={`key${k === 'OK' ? ' is-ok' : ''}`} data-key={k} disabled={busy || (k === 'OK' && digits.length < 10)}
                onClick={() => press(k)}>{k}</button>
            ))}
          </div>
        </>
      )}
      {found && (
        <section className="pickup-found" data-testid="pickup-found" data-status={found.status}>
          {found.procedureName !== null ? (
            <p className="pickup-proc" data-testid="pickup-proc">{found.procedureName}</p>
          ) : (
            <p className="pickup-proc" data-testid="pickup-code-found">{t('pickupCode', { code: found.code })}</p>
          )}
          {found.maskedName !== null && <p data-testid="pickup-name">{t('pickupApplicant', { name: found.maskedName })}</p>}
          <p className="pickup-status">{t('pickupStatus', { status: DOSSIER_STATUS_LABELS[locale][found.status] })}</p>
          <p>{t('pickupDue', { date: formatDate(found.dueDate) })}</p>
          {found.status === 'result_ready' ? (
            <>
              <p className="pickup-wait">{t('pickupReady')}</p>
              <button type="button" className="big-btn" disabled={busy} onClick={() => void take()}>{t('pickupTake')}</button>
            </>
          ) : (
            <p className="pickup-wait">{t('pickupNotReady')}</p>
          )}
          {found.procedureName === null && <p className="pickup-hint" data-testid="pickup-scan-hint">{t('pickupScanForMore')}</p>}
        </section>
      )}
      {error && <p className="home-error" role="alert">{error}</p>}
      <button type="button" className="big-btn secondary" onClick={onBack}>{t('back')}</button>
    </main>
  );
}
