import type { CommandPayload, CommandResults } from '@qms/protocol';
import { useCommand as useSerialCommand } from '@qms/ui/react';
import { useCallback } from 'react';
import { errorText, useAdmin, useCommon } from './admin-context';

/**
 * Sends admin commands one at a time (a double click saves once; packages/ui's useCommand) and
 * keeps the hub's error, worded for the admin, for the form to show. Resolves to the result, or
 * null on failure.
 */
export function useCommand() {
  const { conn } = useAdmin();
  const t = useCommon();
  const { run: send, busy, error, setError } = useSerialCommand(conn, (e, name) => errorText(t, e, name));
  const run = useCallback(
    async <C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<CommandResults[C] | null> => {
      const r = await send(name, payload);
      return r?.ok ? r.data : null;
    },
    [send],
  );
  return { run, busy, error, setError };
}
