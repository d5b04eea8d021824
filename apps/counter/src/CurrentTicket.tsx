import type { TicketView } from '@qms/protocol';
import { PRIORITY_LABELS, minutesBetween, type Locale, type Translate } from '@qms/ui';
import type { CounterKey } from './messages';

interface Props {
  ticket: TicketView | null;
  fieldName: string | undefined;
  now: number;
  t: Translate<CounterKey>;
  locale: Locale;
  empty: string;
}

export function CurrentTicket({ ticket, fieldName, now, t, locale, empty }: Props) {
  if (!ticket) return <div className="current is-empty" data-testid="current-empty">{empty}</div>;
  return (
    <div className={`current is-${ticket.status}`} data-testid="current" data-ticket={ticket.id}>
      <div className="current-state">{ticket.status === 'serving' ? t('serving') : t('called')}</div>
      <div className="current-number" data-testid="current-number">{ticket.number}</div>
      <div className="current-field">{fieldName}</div>
      {ticket.priorityGroup && <div className="current-priority">★ {t('priority')}: {PRIORITY_LABELS[locale][ticket.priorityGroup]}</div>}
      <div className="current-meta">
        <span>{t('waited', { n: minutesBetween(ticket.issuedAt, ticket.calledAt ?? now) })}</span>
        <span data-testid="call-count">{t('callCount', { n: ticket.callCount })}</span>
      </div>
      {ticket.note && <div className="current-note">{t('transferredNote', { note: ticket.note })}</div>}
    </div>
  );
}
