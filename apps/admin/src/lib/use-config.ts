import type { AdminConfig, ErrorBody } from '@qms/protocol';
import type { ConnectionView, HubConnection } from '@qms/ui';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The admin's copy of the configuration: fetched on every (re)connect and fresh snapshot, and
 * again (debounced) whenever a `config:changed` event says another admin or this one saved.
 */
export function useConfig(conn: HubConnection, view: ConnectionView) {
  const [config, setConfig] = useState<AdminConfig | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(async () => {
    const r = await conn.send('config:get', {});
    if (r.ok) {
      setConfig(r.data);
      setError(null);
    } else setError(r.error);
  }, [conn]);
  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void load();
    }, 120);
  }, [load]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  // A state built straight from a snapshot (connect, reconnect, resync after a gap): reload.
  const state = view.state;
  const fresh = state !== null && state.seq === state.snapshot.seq ? state.snapshot : null;
  useEffect(() => {
    if (fresh && view.status === 'online') reload();
  }, [fresh, view.status, reload]);
  useEffect(() => conn.onHubEvent((e) => {
    if (e.type === 'config:changed') reload();
  }), [conn, reload]);
  return { config, error, reload };
}
