import type { CounterView, Snapshot, TicketView } from '@qms/protocol';
import type { CSSProperties } from 'react';
import { currentTicketAt } from '@qms/ui';
import { showsCounter, showsField, type DisplayOptions } from './options';

/** The newest call shown on this display: what the big panel says. */
export interface Call {
  ticketId: string;
  number: string;
  counterNumber: number;
  at: number;
}

function counterNumberOf(s: Snapshot, t: TicketView): number | null {
  return s.counters.find((c) => c.id === t.counterId)?.number ?? null;
}

/** The calls this display shows, newest first (a display filtered to some counters sees only theirs). */
export function recentCalls(s: Snapshot, o: DisplayOptions): Call[] {
  return s.recentCalls.flatMap((t) => {
    const n = counterNumberOf(s, t);
    return n !== null && showsCounter(o, n) ? [{ ticketId: t.id, number: t.number, counterNumber: n, at: t.calledAt ?? 0 }] : [];
  });
}

/** A number's length, so display.css can size it to fit its box (a prefixed "A1023" is wider than "1023"). */
function chars(number: string): CSSProperties {
  return { '--chars': Math.max(4, number.length) } as CSSProperties;
}

export function NowCalling({ call, flash }: { call: Call | null; flash: boolean }) {
  return (
    <section className={`now${flash ? ' is-flash' : ''}`} data-testid="now-calling" data-ticket={call?.ticketId ?? ''}>
      {call ? (
        <>
          <p className="now-label">Mời công dân có số</p>
          <p className="now-number" data-testid="now-number" style={chars(call.number)}>{call.number}</p>
          <p className="now-counter">đến <strong data-testid="now-counter">{`quầy ${call.counterNumber}`}</strong></p>
        </>
      ) : (
        <p className="now-idle">Mời công dân lấy số thứ tự và chờ gọi</p>
      )}
    </section>
  );
}

/**
 * One counter: its name, the number it holds (called or being served, also while paused), and
 * its state when that is not "open": a paused counter's number keeps showing, marked "Tạm nghỉ".
 */
function CounterTile({ counter, ticket }: { counter: CounterView; ticket: TicketView | null }) {
  const paused = counter.status === 'paused';
  const word = paused ? 'Tạm nghỉ' : counter.status === 'closed' ? 'Đóng' : '—';
  return (
    <div className={`counter is-${counter.status}`} data-counter={counter.number} data-status={counter.status}>
      <span className="counter-name">{`Quầy ${counter.number}`}</span>
      {ticket ? <span className="counter-now" style={chars(ticket.number)}>{ticket.number}</span> : <span className="counter-now is-word">{word}</span>}
      {ticket && paused && <span className="counter-mark">Tạm nghỉ</span>}
    </div>
  );
}

export function Counters({ snapshot, options }: { snapshot: Snapshot; options: DisplayOptions }) {
  return (
    <section className="counters" data-testid="counters">
      {snapshot.counters.filter((c) => showsCounter(options, c.number)).map((c) => (
        <CounterTile key={c.id} counter={c} ticket={currentTicketAt(snapshot, c.id)} />
      ))}
    </section>
  );
}

export function Waiting({ snapshot, options }: { snapshot: Snapshot; options: DisplayOptions }) {
  return (
    <section className="waiting" data-testid="waiting">
      <h2>Số người đang chờ</h2>
      <ul>
        {snapshot.fields.filter((f) => f.enabled && showsField(options, f.id)).map((f) => (
          <li key={f.id} data-field={f.id}>
            <span className="field-name">{f.nameVi}</span>
            <strong className="field-waiting">{snapshot.stats.find((s) => s.fieldId === f.id)?.waiting ?? 0}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
