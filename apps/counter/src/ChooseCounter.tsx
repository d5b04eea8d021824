import type { CounterView, Snapshot } from '@qms/protocol';
import type { Translate } from '@qms/ui';
import { Modal } from '@qms/ui/dialog';
import type { CounterKey } from './messages';

interface Props {
  snapshot: Snapshot;
  me: string;
  t: Translate<CounterKey>;
  message: string | null;
  busyCounter: CounterView | null;
  onChoose: (c: CounterView, force: boolean) => void;
  onCancelBusy: () => void;
}

export function ChooseCounter({ snapshot, me, t, message, busyCounter, onChoose, onCancelBusy }: Props) {
  const fieldName = (id: string): string => snapshot.fields.find((f) => f.id === id)?.nameVi ?? id;
  return (
    <main className="choose">
      <h1>{t('chooseCounter')}</h1>
      {message && <p className="notice" role="alert" data-testid="choose-message">{message}</p>}
      <div className="counter-grid">
        {snapshot.counters.map((c) => (
          <button key={c.id} type="button" className="counter-card" data-counter={c.id} onClick={() => onChoose(c, false)}>
            <strong>{c.name}</strong>
            <span className="counter-fields">{c.fieldIds.map(fieldName).join(' · ')}</span>
            <span className={`counter-holder${c.officerId && c.officerId !== me ? ' is-busy' : ''}`}>
              {c.officerId ? t('inUseBy', { name: c.officerName ?? c.officerId }) : t('free')}
            </span>
          </button>
        ))}
      </div>
      {busyCounter && (
        <Modal onClose={onCancelBusy} label={t('takeOver')}>
          <div className="modal-box">
            <p>{t('counterBusy', { counter: busyCounter.name, name: busyCounter.officerName ?? '' })}</p>
            <div className="modal-actions">
              <button type="button" className="btn primary" onClick={() => onChoose(busyCounter, true)}>{t('takeOver')}</button>
              <button type="button" className="btn" onClick={onCancelBusy}>{t('cancel')}</button>
            </div>
          </div>
        </Modal>
      )}
    </main>
  );
}
