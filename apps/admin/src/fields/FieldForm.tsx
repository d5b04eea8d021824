import { formatTicketNumber, isDomainError, validateNumberFormat, type Field, type NumberFormat } from '@qms/core';
import { fieldSaveInput } from '@qms/protocol';
import { FieldIcon } from '@qms/ui/icons';
import { useState } from 'react';
import { Checkbox, err, FormFooter, FormRow } from '../components/forms';
import { Modal } from '../components/Modal';
import { CONFIG_MESSAGES } from '../i18n/config';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, toInt, type FormErrors } from '../lib/validate';

export const FIELD_ICONS = ['scale', 'stamp', 'house', 'people', 'shop', 'id-card', 'info', 'inbox', 'star', 'ticket'];

interface Form {
  code: string;
  nameVi: string;
  nameEn: string;
  hintVi: string;
  hintEn: string;
  icon: string;
  style: NumberFormat['style'];
  prefix: string;
  rangeStart: string;
  rangeEnd: string;
  pad: string;
  sortOrder: string;
  defaultServiceMinutes: string;
  enabled: boolean;
}

function toForm(f: Field | null, nextOrder: number, nextStart: number): Form {
  return {
    code: f?.code ?? '',
    nameVi: f?.nameVi ?? '',
    nameEn: f?.nameEn ?? '',
    hintVi: f?.hintVi ?? '',
    hintEn: f?.hintEn ?? '',
    icon: f?.icon ?? 'default',
    style: f?.numberFormat.style ?? 'numeric',
    prefix: f?.numberFormat.prefix ?? '',
    rangeStart: String(f?.numberFormat.rangeStart ?? nextStart),
    rangeEnd: String(f?.numberFormat.rangeEnd ?? nextStart + 998),
    pad: String(f?.numberFormat.pad ?? 3),
    sortOrder: String(f?.sortOrder ?? nextOrder),
    defaultServiceMinutes: String(f?.defaultServiceMinutes ?? 10),
    enabled: f?.enabled ?? true,
  };
}

/** Fields whose numbers would look the same as this one's on the display. */
function clashes(nf: NumberFormat, others: Field[]): Field | null {
  return others.find((o) => {
    const b = o.numberFormat;
    const sameLook = nf.style === b.style && (nf.style === 'numeric' || nf.prefix === b.prefix);
    return sameLook && nf.rangeStart <= b.rangeEnd && b.rangeStart <= nf.rangeEnd;
  }) ?? null;
}

export function FieldForm({ field, fields, onClose }: { field: Field | null; fields: Field[]; onClose: () => void }) {
  const { locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const nextOrder = Math.max(0, ...fields.map((f) => f.sortOrder)) + 1;
  const nextStart = (Math.floor(Math.max(0, ...fields.filter((f) => f.numberFormat.style === 'numeric').map((f) => f.numberFormat.rangeEnd)) / 1000) + 1) * 1000 + 1;
  const [form, setForm] = useState<Form>(() => toForm(field, nextOrder, Math.min(nextStart, 99001)));
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const set = (patch: Partial<Form>): void => setForm({ ...form, ...patch });
  const numberFormat: NumberFormat = {
    style: form.style,
    prefix: form.style === 'prefixed' ? form.prefix.trim().toUpperCase() : '',
    rangeStart: toInt(form.rangeStart),
    rangeEnd: toInt(form.rangeEnd),
    pad: toInt(form.pad),
  };
  let formatError: string | null = null;
  try {
    validateNumberFormat(numberFormat);
  } catch (e) {
    formatError = isDomainError(e) ? e.message : String(e);
  }
  const submit = async (): Promise<void> => {
    const payload = {
      ...(field ? { id: field.id } : {}),
      code: form.code.trim(),
      nameVi: form.nameVi.normalize('NFC'),
      nameEn: form.nameEn,
      hintVi: form.hintVi.normalize('NFC'),
      hintEn: form.hintEn,
      icon: form.icon,
      numberFormat,
      sortOrder: toInt(form.sortOrder),
      enabled: form.enabled,
      defaultServiceMinutes: toInt(form.defaultServiceMinutes),
    };
    const extra: FormErrors = {};
    if (formatError) extra['numberFormat'] = formatError;
    const clash = formatError ? null : clashes(numberFormat, fields.filter((f) => f.id !== field?.id));
    if (clash) extra['numberFormat.rangeStart'] = t('rangeOverlap', { name: clash.nameVi });
    const c = check(fieldSaveInput, payload, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('field:save', c.data);
    if (saved) {
      flash(t('fieldSaved', { name: saved.nameVi }));
      reloadConfig();
      onClose();
    }
  };
  const first = formatError ? '—' : formatTicketNumber(numberFormat, numberFormat.rangeStart);
  const last = formatError ? '—' : formatTicketNumber(numberFormat, numberFormat.rangeEnd);
  return (
    <Modal title={field ? t('editField', { name: field.nameVi }) : t('newField')} onClose={onClose} testId="field-dialog" wide>
      <form className="form" data-testid="field-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="grid3">
          <FormRow label={t('code')} hint={t('codeHint')} error={err(errors, 'code')}>
            <input name="code" value={form.code} maxLength={40} onChange={(e) => set({ code: e.target.value.toLowerCase() })} autoFocus={!field} />
          </FormRow>
          <FormRow label={t('nameVi')} error={err(errors, 'nameVi')}>
            <input name="nameVi" value={form.nameVi} maxLength={120} onChange={(e) => set({ nameVi: e.target.value })} />
          </FormRow>
          <FormRow label={t('nameEn')} error={err(errors, 'nameEn')}>
            <input name="nameEn" value={form.nameEn} maxLength={120} onChange={(e) => set({ nameEn: e.target.value })} />
          </FormRow>
        </div>
        <div className="grid2">
          <FormRow label={t('hintVi')} error={err(errors, 'hintVi')}>
            <input name="hintVi" value={form.hintVi} maxLength={200} onChange={(e) => set({ hintVi: e.target.value })} />
          </FormRow>
          <FormRow label={t('hintEn')} error={err(errors, 'hintEn')}>
            <input name="hintEn" value={form.hintEn} maxLength={200} onChange={(e) => set({ hintEn: e.target.value })} />
          </FormRow>
        </div>
        <fieldset className="icons" data-testid="icon-picker">
          <legend>{t('icon')}</legend>
          {FIELD_ICONS.map((i) => (
            <label key={i} className={`icon-choice${form.icon === i ? ' is-on' : ''}`} title={i}>
              <input type="radio" name="icon" value={i} checked={form.icon === i} onChange={() => set({ icon: i })} />
              <FieldIcon name={i} size={28} />
            </label>
          ))}
        </fieldset>
        <fieldset className="number-format">
          <legend>{t('numberFormat')}</legend>
          <div className="grid5">
            <FormRow label={t('style')} error={err(errors, 'numberFormat.style')}>
              <select name="style" value={form.style} onChange={(e) => set({ style: e.target.value as NumberFormat['style'] })}>
                <option value="numeric">{t('styleNumeric')}</option>
                <option value="prefixed">{t('stylePrefixed')}</option>
              </select>
            </FormRow>
            <FormRow label={t('prefix')} hint={t('prefixHint')} error={err(errors, 'numberFormat.prefix')}>
              <input name="prefix" value={form.prefix} maxLength={3} disabled={form.style !== 'prefixed'} onChange={(e) => set({ prefix: e.target.value.toUpperCase() })} />
            </FormRow>
            <FormRow label={t('rangeStart')} error={err(errors, 'numberFormat.rangeStart')}>
              <input name="rangeStart" inputMode="numeric" value={form.rangeStart} onChange={(e) => set({ rangeStart: e.target.value })} />
            </FormRow>
            <FormRow label={t('rangeEnd')} error={err(errors, 'numberFormat.rangeEnd')}>
              <input name="rangeEnd" inputMode="numeric" value={form.rangeEnd} onChange={(e) => set({ rangeEnd: e.target.value })} />
            </FormRow>
            <FormRow label={t('pad')} error={err(errors, 'numberFormat.pad')}>
              <input name="pad" inputMode="numeric" value={form.pad} disabled={form.style !== 'prefixed'} onChange={(e) => set({ pad: e.target.value })} />
            </FormRow>
          </div>
          <p className={formatError ? 'row-error' : 'muted'} data-testid="number-preview">
            {formatError ?? t('preview', { first, last })}
          </p>
          {errors['numberFormat'] && !formatError && <p className="row-error">{errors['numberFormat']}</p>}
        </fieldset>
        <div className="grid3">
          <FormRow label={t('sortOrder')} error={err(errors, 'sortOrder')}>
            <input name="sortOrder" inputMode="numeric" value={form.sortOrder} onChange={(e) => set({ sortOrder: e.target.value })} />
          </FormRow>
          <FormRow label={t('defaultServiceMinutes')} error={err(errors, 'defaultServiceMinutes')}>
            <input name="defaultServiceMinutes" inputMode="numeric" value={form.defaultServiceMinutes} onChange={(e) => set({ defaultServiceMinutes: e.target.value })} />
          </FormRow>
          <div className="row"><span className="row-label">&nbsp;</span><Checkbox name="enabled" label={tc('enabledLabel')} checked={form.enabled} onChange={(enabled) => set({ enabled })} /></div>
        </div>
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} />
      </form>
    </Modal>
  );
}
