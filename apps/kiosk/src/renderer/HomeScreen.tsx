import type { PriorityGroup } from '@qms/core';
import type { Snapshot } from '@qms/protocol';
import { PRIORITY_LABELS, formatClock, formatLongDate, statsFor, type Locale, type Translate } from '@qms/ui';
import { FieldIcon } from '@qms/ui/icons';
import { waitEstimate } from '@qms/printer/wait-wording';
import { useState } from 'react';
import type { KioskKey } from './messages';

interface Props {
  snapshot: Snapshot;
  now: number;
  locale: Locale;
  t: Translate<KioskKey>;
  online: boolean;
  priority: PriorityGroup | null;
  busy: boolean;
  error: string | null;
  onField: (fieldId: string) => void;
  onPriority: () => void;
  onClearPriority: () => void;
  onToggleLocale: () => void;
}

export function HomeScreen(p: Props) {
  const { snapshot, t, locale } = p;
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  const fields = snapshot.fields.filter((f) => f.enabled);
  const tz = snapshot.site.timeZone;
  const tap = (id: string, name: string, open: number): void => {
    if (!p.online || p.busy) return;
    if (open === 0 && id !== snapshot.pickupFieldId) setConfirm({ id, name });
    else p.onField(id);
  };
  return (
    <main className="home">
      <header className="home-head">
        <div>
          <h1 className="site-name">{snapshot.site.name}</h1>
          <p className="home-lead">{p.priority ? t('priorityChosen', { group: PRIORITY_LABELS[locale][p.priority] }) : t('chooseField')}</p>
        </div>
        <div className="home-clock">
          <strong>{formatClock(p.now, tz, locale)}</strong>
          <span>{formatLongDate(p.now, tz, locale)}</span>
        </div>
      </header>
      {p.error && <div className="home-error" role="alert">{p.error}</div>}
      <section className="field-grid" data-count={fields.length} aria-busy={p.busy}>
        {fields.map((f) => {
          const s = statsFor(snapshot, f.id);
          const name = locale === 'vi' ? f.nameVi : f.nameEn;
          const open = s?.openCounters ?? 0;
          return (
            <button key={f.id} type="button" className={`field-btn${open === 0 ? ' is-closed' : ''}`} data-field={f.id}
              disabled={!p.online || p.busy} onClick={() => tap(f.id, name, open)}>
              <span className="field-icon"><FieldIcon name={f.icon} size={56} /></span>
              <span className="field-name">{name}</span>
              <span className="field-hint">{locale === 'vi' ? f.hintVi : f.hintEn}</span>
              <span className="field-stats">
                <span data-testid="waiting">{t('waiting', { n: s?.waiting ?? 0 })}</span>
                <span>{open === 0 ? t('noCounter') : t('wait', { w: waitEstimate(s?.estimatedWaitMinutes ?? null, locale) /* worded as on the ticket */ })}</span>
              </span>
            </button>
          );
        })}
      </section>
      <footer className="home-foot">
        {p.priority ? (
          <button type="button" className="foot-btn priority-btn is-on" onClick={p.onClearPriority}>
            ✕ {PRIORITY_LABELS[locale][p.priority]}
          </button>
        ) : (
          <button type="button" className="foot-btn priority-btn" onClick={p.onPriority} disabled={snapshot.site.priority.enabledGroups.length === 0}>
            <FieldIcon name="star" size={40} />
            <span><strong>{t('priority')}</strong><small>{t('priorityHint')}</small></span>
          </button>
        )}
        <button type="button" className="foot-btn lang-btn" onClick={p.onToggleLocale}>{t('language')}</button>
      </footer>
      {confirm && (
        <div className="modal" role="dialog" aria-modal="true">
          <div className="modal-box">
            <p>{t('confirmNoCounter', { field: confirm.name })}</p>
            <div className="modal-actions">
              <button type="button" className="big-btn" onClick={() => { setConfirm(null); p.onField(confirm.id); }}>{t('yes')}</button>
              <button type="button" className="big-btn secondary" onClick={() => setConfirm(null)}>{t('no')}</button>
            </div>
          </div>
        </div>
      )}
    </main>
  );
}
