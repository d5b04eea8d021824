import type { AckResult, CommandPayload, CommandResults, ErrorBody } from '@qms/protocol';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
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

/**
 * Sends commands one at a time: while one is in flight `busy` is true (every button disabled) and
 * a second press is ignored (resolves to null), so a double click can never act twice. `error`
 * keeps the last failure, worded by `describe` (the hub's message by default).
 */
export function useCommand(conn: HubConnection, describe: (error: ErrorBody, name: keyof CommandResults) => string = (e) => e.message) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const run = useCallback(
    async <C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<AckResult<CommandResults[C]> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      try {
        const r = await conn.send(name, payload);
        setError(r.ok ? null : describeRef.current(r.error, name));
        return r;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [conn],
  );
  return { run, busy, error, setError };
}
