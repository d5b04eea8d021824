import type { Procedure } from '@qms/core';
import { useState } from 'react';
import { ImportPanel } from '../components/ImportPanel';
import { Loading, PageHeader } from '../components/PageHeader';
import { CONFIG_MESSAGES } from '../i18n/config';
import { formatMoney } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { ProcedureForm } from '../procedures/ProcedureForm';

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function ProceduresPage() {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [fieldId, setFieldId] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  const { run, busy, error } = useCommand();
  if (!config) return <Loading text={tc('loading')} />;
  const fields = [...config.fields].sort((a, b) => a.sortOrder - b.sortOrder);
  const fieldName = (id: string): string => {
    const f = config.fields.find((x) => x.id === id);
    return f ? (locale === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const q = fold(query.trim());
  const shown = config.procedures
    .filter((p) => !fieldId || p.fieldId === fieldId)
    .filter((p) => !q || fold(`${p.code} ${p.name}`).includes(q));
  const toggle = async (p: Procedure): Promise<void> => {
    const saved = await run('procedure:save', { ...p, enabled: !p.enabled });
    if (saved) {
      flash(t('procedureSaved', { code: saved.code }));
      reloadConfig();
    }
  };
  return (
    <section className="page procedures">
      <PageHeader title={t('proceduresTitle')} subtitle={t('proceduresSubtitle')}>
        <button type="button" className="btn primary" data-testid="create" onClick={() => setEditing('new')}>+ {t('newProcedure')}</button>
      </PageHeader>
      <div className="card filters control-row">
        <label className="inline">
          {t('filterField')}
          <select name="fieldFilter" data-testid="procedure-filter" value={fieldId} onChange={(e) => setFieldId(e.target.value)}>
            <option value="">{tc('all')}</option>
            {fields.map((f) => <option key={f.id} value={f.id}>{locale === 'vi' ? f.nameVi : f.nameEn}</option>)}
          </select>
        </label>
        <input type="search" name="q" data-testid="procedure-search" placeholder={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="muted" data-testid="procedure-count">{t('shown', { n: shown.length, total: config.procedures.length })}</span>
      </div>
      {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      <div className="table-scroll card">
        <table className="table" data-testid="procedures-table">
          <thead>
            <tr><th>{t('code')}</th><th>{t('procedureName')}</th><th>{t('field')}</th><th className="num">{t('processingDays')}</th><th className="num">{t('fee')}</th><th>{tc('status')}</th><th>{tc('actions')}</th></tr>
          </thead>
          <tbody>
            {shown.length === 0 && <tr><td colSpan={7} className="muted">{tc('emptyList')}</td></tr>}
            {shown.map((p) => (
              <tr key={p.id} data-procedure={p.id} className={p.enabled ? '' : 'is-disabled'}>
                <td><code>{p.code}</code></td>
                <td>{p.name}</td>
                <td className="nowrap">{fieldName(p.fieldId)}</td>
                <td className="num">{p.processingDays}</td>
                <td className="num nowrap">{formatMoney(p.fee, locale)}</td>
                <td><span className={`badge ${p.enabled ? 'is-open' : 'is-closed'}`}>{p.enabled ? tc('enabled') : tc('disabled')}</span></td>
                <td className="actions-cell">
                  <button type="button" className="btn small" data-edit={p.id} onClick={() => setEditing(p)}>{tc('edit')}</button>
                  <button type="button" className="btn small" data-toggle={p.id} disabled={busy} onClick={() => void toggle(p)}>{p.enabled ? tc('disable') : tc('enable')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ImportPanel url="/api/admin/procedures/import" title={t('importProcedures')} hint={t('importProceduresHint')} testId="procedure-import" onImported={reloadConfig} />
      {editing && (
        <ProcedureForm procedure={editing === 'new' ? null : editing} fields={fields} defaultFieldId={fieldId || (fields[0]?.id ?? '')} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
