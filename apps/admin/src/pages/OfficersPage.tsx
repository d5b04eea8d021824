import type { AdminOfficer } from '@qms/protocol';
import { useState } from 'react';
import { Loading, PageHeader } from '../components/PageHeader';
import { formatDateTime, ROLE_LABELS } from '../i18n/labels';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { OfficerForm, ResetPasswordDialog } from '../officers/OfficerForm';

export function OfficersPage() {
  const { config, view, session, locale, flash, reloadConfig } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const [editing, setEditing] = useState<AdminOfficer | 'new' | null>(null);
  const [resetting, setResetting] = useState<AdminOfficer | null>(null);
  const { run, busy, error } = useCommand();
  if (!config) return <Loading text={tc('loading')} />;
  const tz = config.site.timeZone;
  const now = view.state?.snapshot.now ?? Date.now();
  const counters = view.state?.snapshot.counters ?? [];
  const officers = [...config.officers].sort((a, b) => (a.role === b.role ? a.username.localeCompare(b.username) : a.role === 'admin' ? -1 : 1));
  const toggle = async (o: AdminOfficer): Promise<void> => {
    const saved = await run('officer:save', { id: o.id, username: o.username, fullName: o.fullName, role: o.role, enabled: !o.enabled });
    if (saved) {
      flash(t('officerSaved', { name: saved.fullName }));
      reloadConfig();
    }
  };
  return (
    <section className="page officers">
      <PageHeader title={t('officersTitle')} subtitle={t('officersSubtitle')}>
        <button type="button" className="btn primary" data-testid="create" onClick={() => setEditing('new')}>+ {t('newOfficer')}</button>
      </PageHeader>
      {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      <table className="table card" data-testid="officers-table">
        <thead>
          <tr><th>{t('username')}</th><th>{t('fullName')}</th><th>{t('role')}</th><th>{t('lock')}</th><th>{tc('status')}</th><th>{tc('actions')}</th></tr>
        </thead>
        <tbody>
          {officers.map((o) => {
            const self = o.id === session.officer.id;
            const locked = o.lockedUntil !== null && o.lockedUntil > now;
            const at = counters.find((c) => c.officerId === o.id);
            return (
              <tr key={o.id} data-officer={o.id} className={o.enabled ? '' : 'is-disabled'}>
                <td><code>{o.username}</code> {self && <span className="muted">{t('you')}</span>}</td>
                <td>{o.fullName}{at && <span className="muted small"> · {t('atCounter', { n: at.number })}</span>}</td>
                <td>{ROLE_LABELS[locale][o.role]}</td>
                <td data-testid="locked-until">{locked && o.lockedUntil !== null ? <span className="badge is-danger">{t('lockedUntil', { time: formatDateTime(o.lockedUntil, tz, locale) })}</span> : t('notLocked')}</td>
                <td><span className={`badge ${o.enabled ? 'is-open' : 'is-closed'}`}>{o.enabled ? tc('enabled') : tc('disabled')}</span></td>
                <td className="actions-cell">
                  <button type="button" className="btn small" data-edit={o.id} onClick={() => setEditing(o)}>{tc('edit')}</button>
                  <button type="button" className="btn small" data-reset={o.id} onClick={() => setResetting(o)}>{t('resetPassword')}</button>
                  {!self && <button type="button" className="btn small" data-toggle={o.id} disabled={busy} onClick={() => void toggle(o)}>{o.enabled ? tc('disable') : tc('enable')}</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && <OfficerForm officer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog officer={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}
