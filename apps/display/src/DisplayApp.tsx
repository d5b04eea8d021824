import type { Snapshot, TicketView } from '@qms/protocol';
import { HubConnection, currentTicketAt, formatClock, formatLongDate } from '@qms/ui';
import { useConnection, useHubNow } from '@qms/ui/react';
import { useEffect, useMemo, useState } from 'react';
import { displayOptions, showsCounter, showsField, type DisplayOptions } from './options';
import { useAnnouncements } from './use-announcements';

const HIGHLIGHT_MS = 10_000;

interface Call {
  ticketId: string;
  number: string;
  counterNumber: number;
  at: number;
}

function counterNumberOf(s: Snapshot, t: TicketView): number | null {
  return s.counters.find((c) => c.id === t.counterId)?.number ?? null;
}

function recentCalls(s: Snapshot, o: DisplayOptions): Call[] {
  return s.recentCalls.flatMap((t) => {
    const n = counterNumberOf(s, t);
    return n !== null && showsCounter(o, n) ? [{ ticketId: t.id, number: t.number, counterNumber: n, at: t.calledAt ?? 0 }] : [];
  });
}

export function DisplayApp({ token }: { token: string }) {
  const conn = useMemo(() => new HubConnection(window.location.origin, { kind: 'device', token }), [token]);
  useEffect(() => () => conn.close(), [conn]);
  const view = useConnection(conn);
  const snapshot = view.state?.snapshot ?? null;
  const options = useMemo(
    () => displayOptions(snapshot?.device?.settings ?? {}, new URLSearchParams(window.location.search)),
    [snapshot?.device?.settings],
  );
  const now = useHubNow(snapshot?.now);
  const [flash, setFlash] = useState<{ ticketId: string; until: number } | null>(null);
  useAnnouncements(conn, snapshot, options, (call) => setFlash({ ticketId: call.ticketId, until: Date.now() + HIGHLIGHT_MS }));
  // a revoked or rotated token: the screen stops showing the queue and says why
  if (view.status === 'refused') {
    return <main className="display is-loading" data-testid="refused">Màn hình không còn quyền kết nối: {view.refusal?.message}</main>;
  }
  if (!snapshot) return <main className="display is-loading">Đang kết nối…</main>;
  const calls = recentCalls(snapshot, options);
  const latest = calls[0] ?? null;
  const highlighted = latest !== null && flash?.ticketId === latest.ticketId && flash.until > Date.now();
  const tz = snapshot.site.timeZone;
  return (
    <main className="display" data-status={view.status}>
      {view.status !== 'online' && <div className="offline-badge" data-testid="offline-badge">Mất kết nối</div>}
      <header className="d-head">
        <h1>{snapshot.site.name}</h1>
        <div className="d-time">
          <strong data-testid="clock">{formatClock(now, tz)}</strong>
          <span>{formatLongDate(now, tz)}</span>
        </div>
      </header>
      <section className={`now${highlighted ? ' is-flash' : ''}`} data-testid="now-calling" data-ticket={latest?.ticketId ?? ''}>
        {latest ? (
          <>
            <p className="now-label">Mời công dân có số</p>
            <p className="now-number" data-testid="now-number">{latest.number}</p>
            <p className="now-counter">đến <strong data-testid="now-counter">quầy {latest.counterNumber}</strong></p>
          </>
        ) : (
          <p className="now-idle">Mời công dân lấy số và chờ gọi</p>
        )}
      </section>
      <section className="recent">
        <h2>Số vừa gọi</h2>
        <table>
          <thead><tr><th>Số</th><th>Quầy</th></tr></thead>
          <tbody data-testid="recent">
            {calls.slice(0, options.recent).map((c) => (
              <tr key={`${c.ticketId}-${c.at}`}><td>{c.number}</td><td>{c.counterNumber}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="counters" data-testid="counters">
        {snapshot.counters.filter((c) => showsCounter(options, c.number)).map((c) => {
          const current = currentTicketAt(snapshot, c.id);
          const label = c.status === 'paused' ? 'Tạm nghỉ' : c.status === 'closed' ? 'Đóng' : (current?.number ?? '—');
          return (
            <div key={c.id} className={`counter is-${c.status}`} data-counter={c.number}>
              <span className="counter-name">Quầy {c.number}</span>
              <span className="counter-now">{label}</span>
            </div>
          );
        })}
      </section>
      <section className="waiting" data-testid="waiting">
        {snapshot.fields.filter((f) => f.enabled && showsField(options, f.id)).map((f) => (
          <span key={f.id} className="chip" data-field={f.id}>
            {f.nameVi}: <strong>{snapshot.stats.find((s) => s.fieldId === f.id)?.waiting ?? 0}</strong> đang chờ
          </span>
        ))}
      </section>
      <footer className="ticker" aria-live="off">
        <div className="ticker-text" data-testid="notice">{options.notice || `${snapshot.site.name} — Xin vui lòng giữ trật tự và chờ gọi số.`}</div>
      </footer>
    </main>
  );
}
