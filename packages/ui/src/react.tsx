import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { HubConnection, ConnectionView } from './hub-connection';
import { COMMON, translator, type Locale } from './i18n';

export function useConnection(conn: HubConnection): ConnectionView {
  return useSyncExternalStore(conn.subscribe, () => conn.current);
}

/**
 * The hub's clock, ticking every `intervalMs`: local time corrected by the offset seen in the
 * last snapshot, so a kiosk or TV with a wrong clock still shows the office's time.
 */
export function useHubNow(hubNow: number | undefined, intervalMs = 1000): number {
  const offset = useMemo(() => (hubNow === undefined ? 0 : hubNow - Date.now()), [hubNow]);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const id = setInterval(() => setNow(Date.now() + offset), intervalMs);
    return () => clearInterval(id);
  }, [offset, intervalMs]);
  return now;
}

/** Calls `onIdle` after `ms` without a touch, click or key; any input restarts the wait. */
export function useIdle(ms: number, onIdle: () => void, active = true): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return undefined;
    const fire = (): void => callback.current();
    let timer = setTimeout(fire, ms);
    const reset = (): void => {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [ms, onIdle, active]);
}

/** The banner every screen shows while the hub cannot be reached or refused the device. */
export function ConnectionBanner({ view, locale }: { view: ConnectionView; locale: Locale }) {
  const t = translator(COMMON, locale);
  if (view.status === 'online') return null;
  const text =
    view.status === 'refused'
      ? t('refused', { message: view.refusal?.message ?? '' })
      : view.status === 'connecting' && !view.state
        ? t('connecting')
        : t('offline');
  return (
    <div className="qms-banner" role="alert" data-testid="connection-banner" data-status={view.status}>
      {text}
    </div>
  );
}
