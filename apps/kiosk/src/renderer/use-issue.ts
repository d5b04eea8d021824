import type { PriorityGroup } from '@qms/core';
import type { IssueTicketResult } from '@qms/protocol';
import { isTransportFailure, newKey, translator, type HubConnection, type Locale } from '@qms/ui';
import { useCallback, useMemo, useRef, useState } from 'react';
import { KIOSK_MESSAGES } from './messages';

const RETRY_FOR_MS = 15_000;
const RETRY_EVERY_MS = 700;

/**
 * Issuing with one idempotency key per tap. When no answer comes back (the connection dropped,
 * the hub restarted) the same tap is sent again with the SAME key until the hub answers: the
 * hub may already have issued the ticket, and the same key returns it instead of a second one.
 * A tap whose answer never came keeps its key, so tapping the same field again is that tap.
 */
export function useIssue(conn: HubConnection, locale: Locale) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const unanswered = useRef<{ fieldId: string; priorityGroup: PriorityGroup | null; key: string } | null>(null);
  const t = useMemo(() => translator(KIOSK_MESSAGES, locale), [locale]);

  const issue = useCallback(
    async (fieldId: string, priorityGroup: PriorityGroup | null): Promise<IssueTicketResult | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      const same = unanswered.current;
      const key = same && same.fieldId === fieldId && same.priorityGroup === priorityGroup ? same.key : newKey('kiosk');
      unanswered.current = { fieldId, priorityGroup, key };
      try {
        const until = Date.now() + RETRY_FOR_MS;
        for (;;) {
          const r = await conn.send('ticket:issue', { fieldId, priorityGroup, idempotencyKey: key });
          if (!isTransportFailure(r)) {
            unanswered.current = null;
            if (r.ok) return r.data;
            setError(t('issueFailed', { reason: r.error.message }));
            return null;
          }
          if (Date.now() > until) {
            setError(t('issueFailed', { reason: r.ok ? '' : r.error.message }));
            return null;
          }
          await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
        }
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
