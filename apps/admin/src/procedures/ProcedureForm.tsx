import { formatDocumentList, parseDocumentList, type Field, type Procedure } from '@qms/core';
import { procedureSaveInput } from '@qms/protocol';
import { useState } from 'react';
import { Checkbox, err, FormFooter, FormRow } from '../components/forms';
import { Modal } from '../components/Modal';
import { CONFIG_MESSAGES } from '../i18n/config';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, toInt, type FormErrors } from '../lib/validate';

export function ProcedureForm({ procedure, fields, defaultFieldId, onClose }: { procedure: Procedure | null; fields: Field[]; defaultFieldId: string; onClose: () => void }) {
  const { locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [form, setForm] = useState(() => ({
    fieldId: procedure?.fieldId ?? defaultFieldId,
    code: procedure?.code ?? '',
    name: procedure?.name ?? '',
    processingDays: String(procedure?.processingDays ?? 0),
    cutoffTime: procedure?.cutoffTime ?? '',
    fee: String(procedure?.fee ?? 0),
    enabled: procedure?.enabled ?? true,
    documents: formatDocumentList(procedure?.documents ?? []),
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });
  const submit = async (): Promise<void> => {
    const payload = {
      ...(procedure ? { id: procedure.id } : {}),
      fieldId: form.fieldId,
      code: form.code.trim(),
      name: form.name.normalize('NFC'),
      processingDays: toInt(form.processingDays),
      cutoffTime: form.cutoffTime.trim() === '' ? null : form.cutoffTime.trim(),
      fee: toInt(form.fee.replace(/[.,\s]/g, '')),
      enabled: form.enabled,
      documents: parseDocumentList(form.documents),
    };
    const c = check(procedureSaveInput, payload, tc, locale);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('procedure:save', c.data);
    if (saved) {
      flash(t('procedureSaved', { code: saved.code }));
      reloadConfig();
      onClose();
    }
  };
  return (
    <Modal title={procedure ? t('editProcedure', { code: procedure.code }) : t('newProcedure')} onClose={onClose} testId="procedure-dialog" wide>
      <form className="form" data-testid="procedure-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="grid2">
          <FormRow label={t('field')} error={err(errors, 'fieldId')}>
            <select name="fieldId" value={form.fieldId} onChange={(e) => set({ fieldId: e.target.value })}>
              <option value="">{tc('none')}</option>
              {fields.map((f) => <option key={f.id} value={f.id}>{locale === 'vi' ? f.nameVi : f.nameEn}</option>)}
            </select>
          </FormRow>
          <FormRow label={t('code')} error={err(errors, 'code')}>
            <input name="code" value={form.code} maxLength={40} onChange={(e) => set({ code: e.target.value })} />
          </FormRow>
        </div>
        <FormRow label={t('procedureName')} error={err(errors, 'name')}>
          <textarea name="name" value={form.name} maxLength={300} rows={2} onChange={(e) => set({ name: e.target.value })} />
        </FormRow>
        <div className="grid3">
          <FormRow label={t('processingDays')} hint={t('processingDaysHint')} error={err(errors, 'processingDays')}>
            <input name="processingDays" inputMode="numeric" value={form.processingDays} onChange={(e) => set({ processingDays: e.target.value })} />
          </FormRow>
          <FormRow label={t('cutoffTime')} hint={t('cutoffTimeHint')} error={err(errors, 'cutoffTime')}>
            <input name="cutoffTime" placeholder="15:00" maxLength={5} value={form.cutoffTime} onChange={(e) => set({ cutoffTime: e.target.value })} />
          </FormRow>
        </div>
        <div className="grid3">
          <FormRow label={t('fee')} error={err(errors, 'fee')}>
            <input name="fee" inputMode="numeric" value={form.fee} onChange={(e) => set({ fee: e.target.value })} />
          </FormRow>
          <div className="row"><span className="row-label">&nbsp;</span><Checkbox name="enabled" label={tc('enabledLabel')} checked={form.enabled} onChange={(enabled) => set({ enabled })} /></div>
        </div>
        <FormRow label={t('documents')} hint={t('documentsHint')} error={err(errors, 'documents')}>
          <textarea name="documents" value={form.documents} rows={4} onChange={(e) => set({ documents: e.target.value })} />
        </FormRow>
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} />
      </form>
    </Modal>
  );
}
