import { formatTicketNumber, type Field } from '@qms/core';
import { FieldIcon } from '@qms/ui/icons';
import { useState } from 'react';
import { Loading, PageHeader } from '../components/PageHeader';
import { FieldForm } from '../fields/FieldForm';
import { CONFIG_MESSAGES } from '../i18n/config';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';

export function FieldsPage() {
  const { config, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [editing, setEditing] = useState<Field | 'new' | null>(null);
  const { run, busy, error } = useCommand();
  if (!config) return <Loading text={tc('loading')} />;
  const fields = [...config.fields].sort((a, b) => a.sortOrder - b.sortOrder || a.nameVi.localeCompare(b.nameVi));
  const move = async (i: number, by: -1 | 1): Promise<void> => {
    const ids = fields.map((f) => f.id);
    const j = i + by;
    const a = ids[i];
    const b = ids[j];
    if (a === undefined || b === undefined) return;
    ids[i] = b;
    ids[j] = a;
    if (await run('field:reorder', { ids })) {
      flash(t('orderSaved'));
      reloadConfig();
    }
  };
  const toggle = async (f: Field): Promise<void> => {
    const saved = await run('field:save', { ...f, enabled: !f.enabled });
    if (saved) {
      flash(t('fieldSaved', { name: saved.nameVi }));
      reloadConfig();
    }
  };
  const countersOf = (id: string): string =>
    config.counters.filter((c) => c.fieldIds.includes(id)).map((c) => c.number).sort((x, y) => x - y).join(', ');
  return (
    <section className="page fields">
      <PageHeader title={t('fieldsTitle')} subtitle={t('fieldsSubtitle')}>
        <button type="button" className="btn primary" data-testid="create" onClick={() => setEditing('new')}>+ {t('newField')}</button>
      </PageHeader>
      {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      <table className="table card" data-testid="fields-table">
        <thead>
          <tr>
            <th>{t('order')}</th><th /><th>{t('code')}</th><th>{t('nameVi')}</th><th>{t('numbers')}</th>
            <th>{t('serviceMinutes')}</th><th>{t('fieldUsedBy')}</th><th>{tc('status')}</th><th>{tc('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={f.id} data-field={f.id} className={f.enabled ? '' : 'is-disabled'}>
              <td className="order-cell">
                <span className="order-num">{i + 1}</span>
                <button type="button" className="icon-btn" aria-label={tc('moveUp')} title={tc('moveUp')} data-up={f.id} disabled={busy || i === 0} onClick={() => void move(i, -1)}>▲</button>
                <button type="button" className="icon-btn" aria-label={tc('moveDown')} title={tc('moveDown')} data-down={f.id} disabled={busy || i === fields.length - 1} onClick={() => void move(i, 1)}>▼</button>
              </td>
              <td className="icon-cell"><FieldIcon name={f.icon} size={24} /></td>
              <td><code>{f.code}</code></td>
              <td><strong>{f.nameVi}</strong><br /><span className="muted small">{f.nameEn}</span></td>
              <td className="nowrap">{formatTicketNumber(f.numberFormat, f.numberFormat.rangeStart)} – {formatTicketNumber(f.numberFormat, f.numberFormat.rangeEnd)}</td>
              <td>{tc('minutes', { n: f.defaultServiceMinutes })}</td>
              <td>{countersOf(f.id) || '—'}</td>
              <td><span className={`badge ${f.enabled ? 'is-open' : 'is-closed'}`}>{f.enabled ? tc('enabled') : tc('disabled')}</span></td>
              <td className="actions-cell">
                <button type="button" className="btn small" data-edit={f.id} onClick={() => setEditing(f)}>{tc('edit')}</button>
                <button type="button" className="btn small" data-toggle={f.id} disabled={busy} onClick={() => void toggle(f)}>{f.enabled ? tc('disable') : tc('enable')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <FieldForm field={editing === 'new' ? null : editing} fields={config.fields} onClose={() => setEditing(null)} />}
    </section>
  );
}
