import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '@qms/core';
import { HubConnection } from '@qms/ui';
import { loadFonts } from '@qms/ui/fonts';
import { ConnectionBanner, useConnection } from '@qms/ui/react';
import '@qms/ui/theme.css';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './rate.css';

/**
 * The counter-facing rating tablet: /counter/rate.html?counter=3 (token once as ?token=, a display
 * device token). After "Hoàn thành" at that counter it asks for one of four levels, then thanks
 * and goes quiet; it never shows anything but the ticket number.
 */
const ASK_MS = 30_000;
const THANKS_MS = 4000;
const TOKEN_KEY = 'qms.rate.token';

type Phase = { name: 'idle' } | { name: 'ask'; ticketId: string; number: string } | { name: 'thanks' };

function RateApp({ token, counterRef }: { token: string; counterRef: string }) {
  const conn = useMemo(() => new HubConnection(window.location.origin, { kind: 'device', token }), [token]);
  useEffect(() => () => conn.close(), [conn]);
  const view = useConnection(conn);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const counter = view.state?.snapshot.counters.find((c) => c.id === counterRef || String(c.number) === counterRef) ?? null;
  useEffect(
    () =>
      conn.onHubEvent((e) => {
        if (e.type === 'ticket:changed' && e.action === 'finish' && counter && e.ticket.counterId === counter.id) {
          setPhase({ name: 'ask', ticketId: e.ticket.id, number: e.ticket.number });
        }
      }),
    [conn, counter],
  );
  useEffect(() => {
    if (phase.name === 'idle') return undefined;
    const timer = setTimeout(() => setPhase({ name: 'idle' }), phase.name === 'ask' ? ASK_MS : THANKS_MS);
    return () => clearTimeout(timer);
  }, [phase]);
  const rate = async (level: RatingLevel): Promise<void> => {
    if (phase.name !== 'ask') return;
    await conn.send('ticket:rate', { ticketId: phase.ticketId, level });
    setPhase({ name: 'thanks' }); // thank quietly whatever the answer (a repeat or a late tap is harmless)
  };
  return (
    <main className="rate" data-phase={phase.name}>
      <ConnectionBanner view={view} locale="vi" />
      <p className="rate-counter">{counter ? counter.name : view.state ? `Không có quầy “${counterRef}”` : ''}</p>
      {phase.name === 'idle' && <p className="rate-idle">Xin cảm ơn Ông/Bà đã đến giao dịch.</p>}
      {phase.name === 'ask' && (
        <>
          <h1>Ông/Bà có hài lòng với lượt phục vụ số <strong data-testid="rate-number">{phase.number}</strong>?</h1>
          <div className="rate-grid">
            {RATING_LEVELS.map((level) => (
              <button key={level} type="button" className={`rate-btn is-${level}`} data-level={level} onClick={() => void rate(level)}>
                {RATING_LABELS.vi[level]}
              </button>
            ))}
          </div>
        </>
      )}
      {phase.name === 'thanks' && <h1 className="rate-thanks">Xin cảm ơn ý kiến của Ông/Bà!</h1>}
    </main>
  );
}

void loadFonts()
  .catch(() => undefined)
  .then(() => {
    const params = new URLSearchParams(window.location.search);
    const fromUrl = params.get('token');
    if (fromUrl) {
      localStorage.setItem(TOKEN_KEY, fromUrl);
      params.delete('token');
      window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
    }
    const token = localStorage.getItem(TOKEN_KEY);
    const root = document.getElementById('root');
    if (!root) return;
    if (!token) root.textContent = 'Thiết bị chưa có mã (thêm ?token=… vào địa chỉ).';
    else createRoot(root).render(<RateApp token={token} counterRef={params.get('counter') ?? ''} />);
  });
