import type { Dashboard, ErrorBody, HubEvent } from '@qms/protocol';
import type { ConnectionView, HubConnection } from '@qms/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createThrottle } from './throttle';

const MIN_INTERVAL_MS = 1000;
/** Waits grow without any event: refresh now and then even when nothing happens. */
const IDLE_REFRESH_MS = 30_000;

/** Events that change what the dashboard shows. */
export function touchesDashboard(e: HubEvent): boolean {
  return e.type === 'config:changed' || e.type.startsWith('ticket:') || e.type.startsWith('counter:') || e.type.startsWith('printer:') || e.type.startsWith('dossier:');
}

/** The live dashboard: dashboard:get on (re)connect and after each relevant event, at most once a second. */
export function useDashboard(conn: HubConnection, view: ConnectionView) {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  const alive = useRef(true);
  const load = useCallback(async () => {
    const r = await conn.send('dashboard:get', {});
    if (!alive.current) return;
    if (r.ok) {
      setData(r.data);
      setError(null);
      setFetchedAt(r.data.now);
    } else setError(r.error);
  }, [conn]);
  const throttle = useRef<ReturnType<typeof createThrottle> | null>(null);
  if (throttle.current === null) throttle.current = createThrottle(() => void load(), MIN_INTERVAL_MS);
  useEffect(() => {
    alive.current = true;
    const th = throttle.current;
    return () => {
      alive.current = false;
      th?.cancel();
    };
  }, []);
  const state = view.state;
  const fresh = state !== null && state.seq === state.snapshot.seq ? state.snapshot : null;
  useEffect(() => {
    if (view.status === 'online') throttle.current?.request();
  }, [fresh, view.status]);
  useEffect(() => conn.onHubEvent((e) => {
    if (touchesDashboard(e)) throttle.current?.request();
  }), [conn]);
  useEffect(() => {
    const id = setInterval(() => throttle.current?.request(), IDLE_REFRESH_MS);
    return () => clearInterval(id);
  }, []);
  return { data, error, fetchedAt };
}
