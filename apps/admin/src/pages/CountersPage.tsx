import type { AdminCounter } from '@qms/protocol';
import { currentTicketAt } from '@qms/ui';
import { useState } from 'react';
import { Loading, PageHeader } from '../components/PageHeader';
import { CounterForm } from '../counters/CounterForm';
import { CONFIG_MESSAGES } from '../i18n/config';
import { COUNTER_KIND_LABELS, COUNTER_STATUS_LABELS } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';

export function CountersPage() {
  const { config, view, locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [editing, setEditing] = useState<AdminCounter | 'new' | null>(null);
  const { run, busy, error } = useCommand();
  if (!config) return <Loading text={tc('loading')} />;
  const snapshot = view.state?.snapshot ?? null;
  const fields = [...config.fields].sort((a, b) => a.sortOrder - b.sortOrder);
  const fieldName = (id: string): string => {
    const f = config.fields.find((x) => x.id === id);
    return f ? (locale === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const counters = [...config.counters].sort((a, b) => a.number - b.number);
  const toggle = async (c: AdminCounter): Promise<void> => {
    const saved = await run('counter:save', { id: c.id, number: c.number, name: c.name, kind: c.kind, fieldIds: c.fieldIds, enabled: !c.enabled });
    if (saved) {
      flash(t('counterSaved', { number: saved.number }));
      reloadConfig();
    }
  };
  return (
    <section className="page counters">
      <PageHeader title={t('countersTitle')} subtitle={t('countersSubtitle')}>
        <button type="button" className="btn primary" data-testid="create" onClick={() => setEditing('new')}>+ {t('newCounter')}</button>
      </PageHeader>
      {error && <p className="error" role="alert" data-testid="form-error">{tc('errorPrefix', { message: error })}</p>}
      <table className="table card" data-testid="counters-table">
        <thead>
          <tr><th>{t('number')}</th><th>{t('counterName')}</th><th>{t('kind')}</th><th>{t('fieldsCol')}</th><th>{t('now')}</th><th>{tc('status')}</th><th>{tc('actions')}</th></tr>
        </thead>
        <tbody>
          {counters.map((c) => {
            // live state from the snapshot (events keep it current); the configuration as a fallback
            const live = snapshot?.counters.find((x) => x.id === c.id);
            const status = live?.status ?? c.status;
            const officer = live?.officerName ?? c.officerName;
            const current = snapshot && live ? currentTicketAt(snapshot, c.id) : null;
            return (
              <tr key={c.id} data-counter={c.id} className={c.enabled ? '' : 'is-disabled'}>
                <td className="num-big">{c.number}</td>
                <td>{c.name}</td>
                <td>{COUNTER_KIND_LABELS[locale][c.kind]}</td>
                <td>
                  <ol className="inline-list">
                    {c.fieldIds.map((id) => <li key={id}>{fieldName(id)}</li>)}
                  </ol>
                </td>
                <td data-testid="counter-now">
                  <span className={`badge is-${status}`}>{COUNTER_STATUS_LABELS[locale][status]}</span>{' '}
                  {officer ? <strong>{officer}</strong> : <span className="muted">{t('nobody')}</span>}
                  {current && <span className="muted"> · {t('serving', { number: current.number })}</span>}
                </td>
                <td><span className={`badge ${c.enabled ? 'is-open' : 'is-closed'}`}>{c.enabled ? tc('enabled') : tc('disabled')}</span></td>
                <td className="actions-cell">
                  <button type="button" className="btn small" data-edit={c.id} onClick={() => setEditing(c)}>{tc('edit')}</button>
                  <button type="button" className="btn small" data-toggle={c.id} disabled={busy} onClick={() => void toggle(c)}>{c.enabled ? tc('disable') : tc('enable')}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && <CounterForm counter={editing === 'new' ? null : editing} counters={config.counters} fields={fields} onClose={() => setEditing(null)} />}
    </section>
  );
}
