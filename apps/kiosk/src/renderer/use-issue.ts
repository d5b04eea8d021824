import type { PriorityGroup } from '@qms/core';
import type { IssueTicketResult } from '@qms/protocol';
import { newKey, translator, type HubConnection, type Locale } from '@qms/ui';
import { useCallback, useMemo, useRef, useState } from 'react';
import { KIOSK_MESSAGES } from './messages';

/**
 * Issuing with one idempotency key per tap: a second tap while the first is in flight does
 * nothing, and a ticket is only shown once the hub has acknowledged it.
 */
export function useIssue(conn: HubConnection, locale: Locale) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const t = useMemo(() => translator(KIOSK_MESSAGES, locale), [locale]);

  const issue = useCallback(
    async (fieldId: string, priorityGroup: PriorityGroup | null): Promise<IssueTicketResult | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      try {
        const r = await conn.send('ticket:issue', { fieldId, priorityGroup, idempotencyKey: newKey('kiosk') });
        if (r.ok) return r.data;
        setError(t('issueFailed', { reason: r.error.message }));
        return null;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [conn, t],
  );
  const reset = useCallback(() => setError(null), []);
  return useMemo(() => ({ issue, busy, error, reset }), [issue, busy, error, reset]);
}
