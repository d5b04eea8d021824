import { DOSSIER_CHANNEL_LABELS, DOSSIER_STATUS_LABELS, type DossierChannel, type DossierStatus } from '@qms/core';
import { DateInput } from '@qms/ui/date-input';
import { useEffect, useState } from 'react';
import { err, FormRow } from '../components/forms';
import { ConfirmDialog } from '../components/Modal';
import { DATA_MESSAGES } from '../i18n/data';
import { formatDateTime, formatDay } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { jsonDownload, requestJson, saveDownload } from '../lib/http';
import { confirmed, exportFileName, personBody, personErrors, type PersonForm, type PersonMode } from './person-query';

interface Exported {
  form: PersonForm;
  dossiers: Array<Record<string, unknown>>;
  raw: unknown;
  at: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const EMPTY: PersonForm = { mode: 'cccd', cccd: '', code: '', fullName: '', birthDate: '' };
const MODES: PersonMode[] = ['cccd', 'code', 'name'];
const MODE_LABEL = { cccd: 'byCccd', code: 'byCode', name: 'byName' } as const;
const CONFIRM_LABEL = { cccd: 'eraseConfirmCccd', code: 'eraseConfirmCode', name: 'eraseConfirmName' } as const;

/**
 * The only place the admin app shows a person's data: an export on the citizen's own request
 * (by CCCD, dossier code, or name and birth date), kept in this component's memory only (gone
 * when the page is left), and the erasure.
 */
export function PersonalData() {
  const { session, config, locale, flash } = useAdmin();
  const t = useT(DATA_MESSAGES);
  const tc = useCommon();
  const [form, setForm] = useState<PersonForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [data, setData] = useState<Exported | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [again, setAgain] = useState('');
  useEffect(() => () => setData(null), []);
  const edit = (patch: Partial<PersonForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setData(null);
    setErrors({});
  };
  const valid = (): boolean => {
    const found = personErrors(form);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    return Object.keys(found).length === 0;
  };
  const lookUp = async (): Promise<void> => {
    if (!valid()) return;
    setBusy(true);
    setError(null);
    const r = await requestJson<{ dossiers?: unknown; exportedAt?: number }>(session.token, 'POST', '/api/admin/personal-data', personBody(form));
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const list = Array.isArray(r.data?.dossiers) ? (r.data.dossiers as Array<Record<string, unknown>>) : [];
    setData({ form, dossiers: list, raw: r.data, at: typeof r.data?.exportedAt === 'number' ? r.data.exportedAt : Date.now() });
  };
  const erase = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await requestJson<{ erased?: number }>(session.token, 'POST', '/api/admin/personal-data/erase', personBody(form));
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setConfirming(false);
    setAgain('');
    setData(null);
    flash(t('erased', { n: r.data?.erased ?? 0 }));
  };
  const who =
    form.mode === 'cccd'
      ? t('whoCccd', { value: form.cccd })
      : form.mode === 'code'
        ? t('whoCode', { value: form.code.trim() })
        : t('whoName', { value: form.fullName.trim(), date: form.birthDate ? formatDay(form.birthDate) : '' });
  const tz = config?.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  const procName = (id: string): string => config?.procedures.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="card form-card" data-testid="personal-data-panel">
      <h2>{t('personalTitle')}</h2>
      <p className="muted">{t('personalHint')}</p>
      <fieldset className="pd-modes" data-testid="pd-mode">
        <legend className="row-label">{t('searchBy')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="pdMode" value={m} checked={form.mode === m} onChange={() => edit({ mode: m })} />{t(MODE_LABEL[m])}
          </label>
        ))}
      </fieldset>
      <form className="control-row" onSubmit={(e) => { e.preventDefault(); void lookUp(); }}>
        {form.mode === 'cccd' && (
          <FormRow label={t('cccd')} error={err(errors, 'cccd')}>
            <input name="cccd" inputMode="numeric" autoComplete="off" maxLength={12} value={form.cccd}
              onChange={(e) => edit({ cccd: e.target.value.replace(/\D/g, '') })} />
          </FormRow>
        )}
        {form.mode === 'code' && (
          <FormRow label={t('dossierCode')} error={err(errors, 'code')}>
            <input name="code" autoComplete="off" maxLength={60} value={form.code} onChange={(e) => edit({ code: e.target.value })} />
          </FormRow>
        )}
        {form.mode === 'name' && (
          <>
            <FormRow label={t('fullName')} error={err(errors, 'fullName')} hint={t('nameMatchHint')}>
              <input name="fullName" autoComplete="off" maxLength={120} value={form.fullName} onChange={(e) => edit({ fullName: e.target.value })} />
            </FormRow>
            <FormRow label={t('birthDate')} error={err(errors, 'birthDate')}>
              <DateInput name="birthDate" value={form.birthDate} locale={locale} onChange={(birthDate) => edit({ birthDate })} />
            </FormRow>
          </>
        )}
        <button type="submit" className="btn primary" data-testid="pd-export" disabled={busy}>{t('lookUp')}</button>
        <button type="button" className="btn danger" data-testid="pd-erase" disabled={busy} onClick={() => { if (valid()) { setError(null); setConfirming(true); } }}>{t('erase')}</button>
      </form>
      {error && !confirming && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      {data && (
        <div className="personal-data" data-testid="personal-data">
          <div className="control-row">
            <strong>{data.dossiers.length === 0 ? t('noDossiers') : t('exportResult', { n: data.dossiers.length })}</strong>
            <span className="spacer" />
            <button type="button" className="btn small" data-testid="pd-download" onClick={() => saveDownload(jsonDownload(data.raw, exportFileName(data.form, data.at)))}>{t('downloadJson')}</button>
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
        <ConfirmDialog title={t('eraseTitle', { who })} message={t('eraseText')} confirmLabel={t('erase')} busy={busy} confirmDisabled={!confirmed(form, again)} error={error}
          onConfirm={() => void erase()} onCancel={() => { setConfirming(false); setAgain(''); }}>
          <FormRow label={t(CONFIRM_LABEL[form.mode])}>
            <input name="eraseConfirm" autoComplete="off" maxLength={120} value={again} onChange={(e) => setAgain(e.target.value)} autoFocus />
          </FormRow>
        </ConfirmDialog>
      )}
    </section>
  );
}
