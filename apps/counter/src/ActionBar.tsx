import type { CounterStatus } from '@qms/core';
import type { TicketView } from '@qms/protocol';
import type { Translate } from '@qms/ui';
import type { CounterKey } from './messages';

export type Action = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'number' | 'pause' | 'resume';

/** One key per action (case-insensitive), shown on its button; see use-desk-keys for when a key counts. */
export const SHORTCUTS: Record<Action, string> = {
  callNext: 'N',
  recall: 'L',
  noShow: 'V',
  start: 'B',
  finish: 'H',
  transfer: 'C',
  number: 'S',
  pause: 'T',
  resume: 'M',
};

const LABEL: Record<Action, CounterKey> = {
  callNext: 'callNext',
  recall: 'recall',
  noShow: 'noShow',
  start: 'start',
  finish: 'finish',
  transfer: 'transfer',
  number: 'callNumber',
  pause: 'pause',
  resume: 'resume',
};

/** Which actions make sense now, from the counter's status and its current ticket. */
export function enabledActions(status: CounterStatus, current: TicketView | null): Set<Action> {
  if (status !== 'open') return new Set<Action>(['resume']);
  const on = new Set<Action>(['callNext', 'number', 'pause']);
  if (current?.status === 'called') ['recall', 'noShow', 'start', 'finish', 'transfer'].forEach((a) => on.add(a as Action));
  if (current?.status === 'serving') ['finish', 'transfer'].forEach((a) => on.add(a as Action));
  return on;
}

interface Props {
  t: Translate<CounterKey>;
  current: TicketView | null;
  status: CounterStatus;
  busy: boolean;
  disabled: boolean;
  onAction: (a: Action) => void;
}

/** The action whose shortcut is `letter` (upper case), if any. */
export function actionForKey(letter: string): Action | undefined {
  return (Object.keys(SHORTCUTS) as Action[]).find((a) => SHORTCUTS[a] === letter);
}

export const SHORTCUT_LETTERS: ReadonlySet<string> = new Set(Object.values(SHORTCUTS));

export function ActionBar({ t, current, status, busy, disabled, onAction }: Props) {
  const on = enabledActions(status, current);
  const actions: Action[] = ['callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'number', status === 'open' ? 'pause' : 'resume'];
  return (
    <div className="actions" aria-busy={busy}>
      {actions.map((a) => (
        <button key={a} type="button" className={`btn action action-${a}`} data-action={a} disabled={busy || disabled || !on.has(a)}
          onClick={() => onAction(a)}>
          <span>{t(LABEL[a])}</span>
          <kbd>{SHORTCUTS[a]}</kbd>
        </button>
      ))}
    </div>
  );
}
