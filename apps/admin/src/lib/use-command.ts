import type { CommandPayload, CommandResults } from '@qms/protocol';
import { useCallback, useRef, useState } from 'react';
import { errorText, useAdmin, useCommon } from './admin-context';

/**
 * Sends admin commands one at a time (a double click saves once) and keeps the hub's error
 * message for the form to show. Resolves to the result, or null on failure.
 */
export function useCommand() {
  const { conn } = useAdmin();
  const t = useCommon();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(
    async <C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<CommandResults[C] | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      try {
        const r = await conn.send(name, payload);
        if (r.ok) {
          setError(null);
          return r.data;
        }
        setError(errorText(t, r.error, name));
        return null;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [conn, t],
  );
  return { run, busy, error, setError };
}
