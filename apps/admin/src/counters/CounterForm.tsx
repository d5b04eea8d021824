import { COUNTER_KINDS, type CounterKind, type Field } from '@qms/core';
import { counterSaveInput, type AdminCounter } from '@qms/protocol';
import { useState } from 'react';
import { Checkbox, err, FormFooter, FormRow } from '../components/forms';
import { Modal } from '../components/Modal';
import { CONFIG_MESSAGES } from '../i18n/config';
import { COUNTER_KIND_LABELS } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, toInt, type FormErrors } from '../lib/validate';
import { FieldListEditor } from './FieldListEditor';

export function CounterForm({ counter, counters, fields, onClose }: { counter: AdminCounter | null; counters: AdminCounter[]; fields: Field[]; onClose: () => void }) {
  const { locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const nextNumber = Math.max(0, ...counters.map((c) => c.number)) + 1;
  const [form, setForm] = useState(() => ({
    number: String(counter?.number ?? nextNumber),
    name: counter?.name ?? `Quầy ${nextNumber}`,
    kind: counter?.kind ?? ('receiving' as CounterKind),
    fieldIds: counter?.fieldIds ?? [],
    enabled: counter?.enabled ?? true,
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });
  const submit = async (): Promise<void> => {
    const payload = {
      ...(counter ? { id: counter.id } : {}),
      number: toInt(form.number),
      name: form.name.normalize('NFC'),
      kind: form.kind,
      fieldIds: form.fieldIds,
      enabled: form.enabled,
    };
    const extra: FormErrors = {};
    if (counters.some((c) => c.id !== counter?.id && c.number === payload.number)) extra['number'] = t('numberTaken');
    const c = check(counterSaveInput, payload, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('counter:save', c.data);
    if (saved) {
      flash(t('counterSaved', { number: saved.number }));
      reloadConfig();
      onClose();
    }
  };
  return (
    <Modal title={counter ? t('editCounter', { number: counter.number }) : t('newCounter')} onClose={onClose} testId="counter-dialog" wide>
      <form className="form" data-testid="counter-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="grid3">
          <FormRow label={t('number')} error={err(errors, 'number')}>
            <input name="number" inputMode="numeric" value={form.number} onChange={(e) => set({ number: e.target.value })} />
          </FormRow>
          <FormRow label={t('counterName')} error={err(errors, 'name')}>
            <input name="name" value={form.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} />
          </FormRow>
          <FormRow label={t('kind')} error={err(errors, 'kind')}>
            <select name="kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as CounterKind })}>
              {COUNTER_KINDS.map((k) => <option key={k} value={k}>{COUNTER_KIND_LABELS[locale][k]}</option>)}
            </select>
          </FormRow>
        </div>
        <div className={`row${errors['fieldIds'] ? ' is-invalid' : ''}`}>
          <span className="row-label">{t('fieldIds')}</span>
          <FieldListEditor ids={form.fieldIds} fields={fields} onChange={(fieldIds) => set({ fieldIds })} t={t} tc={tc} locale={locale} />
          {err(errors, 'fieldIds') && <span className="row-error" data-testid="field-error">{err(errors, 'fieldIds')}</span>}
        </div>
        <Checkbox name="enabled" label={tc('enabledLabel')} checked={form.enabled} onChange={(enabled) => set({ enabled })} />
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} />
      </form>
    </Modal>
  );
}
