import { DOSSIER_CHANNEL_LABELS, DOSSIER_STATUS_LABELS, type DossierChannel, type DossierStatus } from '@qms/core';
import { useEffect, useState } from 'react';
import { err, FormRow } from '../components/forms';
import { ConfirmDialog } from '../components/Modal';
import { DATA_MESSAGES } from '../i18n/data';
import { formatDateTime, formatDay } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { jsonDownload, requestJson, saveDownload } from '../lib/http';

const CCCD = /^\d{12}$/;

interface Exported {
  cccd: string;
  dossiers: Array<Record<string, unknown>>;
  raw: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The only place the admin app shows a person's data: an export on the citizen's own request,
 * kept in this component's memory only (gone when the page is left), and the erasure.
 */
export function PersonalData() {
  const { session, config, locale, flash } = useAdmin();
  const t = useT(DATA_MESSAGES);
  const tc = useCommon();
  const [cccd, setCccd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [data, setData] = useState<Exported | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [again, setAgain] = useState('');
  useEffect(() => () => setData(null), []);
  const valid = (): boolean => {
    const ok = CCCD.test(cccd);
    setErrors(ok ? {} : { cccd: t('cccdBad') });
    return ok;
  };
  const lookUp = async (): Promise<void> => {
    if (!valid()) return;
    setBusy(true);
    setError(null);
    const r = await requestJson<{ cccd?: string; dossiers?: unknown }>(session.token, 'GET', `/api/admin/personal-data?cccd=${cccd}`);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const list = Array.isArray(r.data?.dossiers) ? (r.data.dossiers as Array<Record<string, unknown>>) : [];
    setData({ cccd, dossiers: list, raw: r.data });
  };
  const erase = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await requestJson<{ erased?: number }>(session.token, 'POST', '/api/admin/personal-data/erase', { cccd });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setConfirming(false);
    setAgain('');
    setData(null);
    flash(t('erased', { n: r.data?.erased ?? 0 }));
  };
  const tz = config?.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  const procName = (id: string): string => config?.procedures.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="card form-card" data-testid="personal-data-panel">
      <h2>{t('personalTitle')}</h2>
      <p className="muted">{t('personalHint')}</p>
      <form className="control-row" onSubmit={(e) => { e.preventDefault(); void lookUp(); }}>
        <FormRow label={t('cccd')} error={err(errors, 'cccd')}>
          <input name="cccd" inputMode="numeric" autoComplete="off" maxLength={12} value={cccd}
            onChange={(e) => { setCccd(e.target.value.replace(/\D/g, '')); setData(null); }} />
        </FormRow>
        <button type="submit" className="btn primary" data-testid="pd-export" disabled={busy}>{t('lookUp')}</button>
        <button type="button" className="btn danger" data-testid="pd-erase" disabled={busy} onClick={() => { if (valid()) { setError(null); setConfirming(true); } }}>{t('erase')}</button>
      </form>
      {error && !confirming && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      {data && (
        <div className="personal-data" data-testid="personal-data">
          <div className="control-row">
            <strong>{data.dossiers.length === 0 ? t('noDossiers') : t('exportResult', { n: data.dossiers.length })}</strong>
            <span className="spacer" />
            <button type="button" className="btn small" data-testid="pd-download" onClick={() => saveDownload(jsonDownload(data.raw, `du-lieu-ca-nhan-${data.cccd}.json`))}>{t('downloadJson')}</button>
            <button type="button" className="btn small" onClick={() => setData(null)}>{t('clear')}</button>
          </div>
          {data.dossiers.length > 0 && (
            <div className="table-scroll">
              <table className="table compact">
                <thead>
                  <tr><th>{t('code')}</th><th>{t('procedure')}</th><th>{t('channel')}</th><th>{t('applicant')}</th><th>CCCD</th><th>{t('phone')}</th><th>{t('birthDate')}</th><th>{t('address')}</th><th>{t('receivedAt')}</th><th>{t('dueDate')}</th><th>{t('status')}</th></tr>
                </thead>
                <tbody>
                  {data.dossiers.map((d, i) => {
                    const a = (d['applicant'] ?? {}) as Record<string, unknown>;
                    const status = str(d['status']) as DossierStatus;
                    const channel = str(d['channel']) as DossierChannel;
                    return (
                      <tr key={str(d['id']) || i}>
                        <td className="nowrap"><code>{str(d['code'])}</code></td>
                        <td>{procName(str(d['procedureId']))}</td>
                        <td>{DOSSIER_CHANNEL_LABELS[locale][channel] ?? channel}</td>
                        <td>{str(a['fullName'])}</td>
                        <td>{str(a['cccd'])}</td>
                        <td>{str(a['phone'])}</td>
                        <td>{str(a['birthDate']) ? formatDay(str(a['birthDate'])) : ''}</td>
                        <td>{str(a['address'])}</td>
                        <td className="nowrap">{typeof d['receivedAt'] === 'number' ? formatDateTime(d['receivedAt'], tz, locale) : ''}</td>
                        <td>{formatDay(str(d['dueDate']))}</td>
                        <td>{DOSSIER_STATUS_LABELS[locale][status] ?? status}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog title={t('eraseTitle', { cccd })} message={t('eraseText')} confirmLabel={t('erase')} busy={busy} confirmDisabled={again !== cccd} error={error}
          onConfirm={() => void erase()} onCancel={() => { setConfirming(false); setAgain(''); }}>
          <FormRow label={t('eraseConfirmLabel')}>
            <input name="cccdConfirm" inputMode="numeric" autoComplete="off" maxLength={12} value={again} onChange={(e) => setAgain(e.target.value.replace(/\D/g, ''))} autoFocus />
          </FormRow>
        </ConfirmDialog>
      )}
    </section>
  );
}
