import type { AckResult, CommandPayload, CommandResults } from '@qms/protocol';
import type { HubConnection } from '@qms/ui';
import { useCallback, useRef, useState } from 'react';

/**
 * Sends officer commands one at a time: while one is in flight every button is disabled and a
 * second press is ignored, so a double click can never call two tickets.
 */
export function useCommand(conn: HubConnection) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(
    async <C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<AckResult<CommandResults[C]> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      try {
        const r = await conn.send(name, payload);
        setError(r.ok ? null : r.error.message);
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
