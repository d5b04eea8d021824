import { HubConnection, formatClock, formatLongDate } from '@qms/ui';
import { useConnection, useHubNow } from '@qms/ui/react';
import { useEffect, useMemo, useState } from 'react';
import { displayOptions } from './options';
import { Counters, NowCalling, Waiting, recentCalls } from './panels';
import { useAnnouncements } from './use-announcements';

const HIGHLIGHT_MS = 10_000;
const DEFAULT_NOTICE = 'Xin vui lòng giữ trật tự và chờ gọi số.';

/**
 * The wall display. Every text is for the back row of the waiting room (at least 4.5vmin, see
 * display.css) except the "Mất kết nối" badge, which is for staff and marked `data-staff`.
 */
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
  const latest = recentCalls(snapshot, options)[0] ?? null;
  const highlighted = latest !== null && flash?.ticketId === latest.ticketId && flash.until > Date.now();
  const tz = snapshot.site.timeZone;
  return (
    <main className="display" data-status={view.status}>
      {view.status !== 'online' && <div className="offline-badge" data-testid="offline-badge" data-staff>Mất kết nối</div>}
      <header className="d-time">
        <span>{formatLongDate(now, tz)}</span>
        <strong data-testid="clock">{formatClock(now, tz)}</strong>
      </header>
      <NowCalling call={latest} flash={highlighted} />
      <Counters snapshot={snapshot} options={options} />
      <Waiting snapshot={snapshot} options={options} />
      <footer className="ticker" aria-live="off" data-scrolls>
        <div className="ticker-text">
          <span className="ticker-site">{snapshot.site.name}</span>
          {' — '}
          <span data-testid="notice">{options.notice || DEFAULT_NOTICE}</span>
        </div>
      </footer>
    </main>
  );
}
