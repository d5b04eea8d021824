import type { PriorityGroup } from '@qms/core';
import { PRIORITY_LABELS, type Locale, type Translate } from '@qms/ui';
import type { KioskKey } from './messages';

interface Props {
  groups: PriorityGroup[];
  locale: Locale;
  t: Translate<KioskKey>;
  onChoose: (g: PriorityGroup) => void;
  onBack: () => void;
}

export function PriorityScreen({ groups, locale, t, onChoose, onBack }: Props) {
  return (
    <main className="priority">
      <h1>{t('priorityTitle')}</h1>
      <p className="priority-note">{t('priorityNote')}</p>
      <div className="priority-grid">
        {groups.map((g) => (
          <button key={g} type="button" className="big-btn priority-choice" data-group={g} onClick={() => onChoose(g)}>
            {PRIORITY_LABELS[locale][g]}
          </button>
        ))}
      </div>
      <button type="button" className="big-btn secondary" onClick={onBack}>{t('back')}</button>
    </main>
  );
}
