import { STAFF_ROLES, type StaffRole } from '@qms/core';
import { officerSaveInput, type AdminOfficer } from '@qms/protocol';
import { useState } from 'react';
import { Checkbox, err, FormFooter, FormRow } from '../components/forms';
import { Modal } from '../components/Modal';
import { ROLE_LABELS } from '../i18n/labels';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, type FormErrors } from '../lib/validate';

/** Create an account (with its first password) or edit one (name, role, enabled). */
export function OfficerForm({ officer, onClose }: { officer: AdminOfficer | null; onClose: () => void }) {
  const { locale, session, flash, reloadConfig } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const [form, setForm] = useState(() => ({
    username: officer?.username ?? '',
    fullName: officer?.fullName ?? '',
    role: officer?.role ?? ('officer' as StaffRole),
    enabled: officer?.enabled ?? true,
    password: '',
    password2: '',
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });
  const self = officer?.id === session.officer.id;
  const submit = async (): Promise<void> => {
    const payload = {
      ...(officer ? { id: officer.id } : {}),
      username: form.username.trim(),
      fullName: form.fullName.normalize('NFC'),
      role: form.role,
      enabled: form.enabled,
      ...(officer ? {} : { password: form.password }),
    };
    const extra: FormErrors = {};
    if (!officer && form.password !== form.password2) extra['password2'] = t('passwordMismatch');
    const c = check(officerSaveInput, payload, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('officer:save', c.data);
    if (saved) {
      flash(t('officerSaved', { name: saved.fullName }));
      reloadConfig();
      onClose();
    }
  };
  return (
    <Modal title={officer ? t('editOfficer', { name: officer.fullName }) : t('newOfficer')} onClose={onClose} testId="officer-dialog">
      <form className="form" data-testid="officer-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <FormRow label={t('username')} hint={t('usernameHint')} error={err(errors, 'username')}>
          <input name="username" value={form.username} maxLength={40} autoComplete="off" onChange={(e) => set({ username: e.target.value.toLowerCase() })} />
        </FormRow>
        <FormRow label={t('fullName')} error={err(errors, 'fullName')}>
          <input name="fullName" value={form.fullName} maxLength={120} onChange={(e) => set({ fullName: e.target.value })} />
        </FormRow>
        <FormRow label={t('role')} error={err(errors, 'role')}>
          <select name="role" value={form.role} disabled={self} onChange={(e) => set({ role: e.target.value as StaffRole })}>
            {STAFF_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[locale][r]}</option>)}
          </select>
        </FormRow>
        {!officer && (
          <div className="grid2">
            <FormRow label={t('password')} hint={t('passwordHint')} error={err(errors, 'password')}>
              <input name="password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set({ password: e.target.value })} />
            </FormRow>
            <FormRow label={t('passwordAgain')} error={err(errors, 'password2')}>
              <input name="password2" type="password" autoComplete="new-password" value={form.password2} onChange={(e) => set({ password2: e.target.value })} />
            </FormRow>
          </div>
        )}
        {!self && <Checkbox name="enabled" label={tc('enabledLabel')} checked={form.enabled} onChange={(enabled) => set({ enabled })} />}
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** A new password for an account (officer:save with `password`): signs it out and lifts a lockout. */
export function ResetPasswordDialog({ officer, onClose }: { officer: AdminOfficer; onClose: () => void }) {
  const { locale, flash, reloadConfig } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const submit = async (): Promise<void> => {
    const { lockedUntil: _locked, ...rest } = officer;
    void _locked;
    const payload = { ...rest, password };
    const extra: FormErrors = password !== password2 ? { password2: t('passwordMismatch') } : {};
    const c = check(officerSaveInput, payload, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('officer:save', c.data);
    if (saved) {
      flash(t('passwordReset', { name: saved.fullName }));
      reloadConfig();
      onClose();
    }
  };
  return (
    <Modal title={t('resetTitle', { name: officer.fullName })} onClose={onClose} testId="reset-dialog">
      <form className="form" data-testid="reset-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p className="muted">{t('resetHint')}</p>
        <FormRow label={t('password')} hint={t('passwordHint')} error={err(errors, 'password')}>
          <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
        </FormRow>
        <FormRow label={t('passwordAgain')} error={err(errors, 'password2')}>
          <input name="password2" type="password" autoComplete="new-password" value={password2} onChange={(e) => setPassword2(e.target.value)} />
        </FormRow>
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} saveLabel={t('resetPassword')} />
      </form>
    </Modal>
  );
}
