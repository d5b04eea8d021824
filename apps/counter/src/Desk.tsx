import { queueForCounter } from '@qms/core';
import type { CounterView, TicketView } from '@qms/protocol';
import { currentTicketAt, newKey, type ConnectionView, type HubConnection, type Locale, type Translate } from '@qms/ui';
import { useCommand, useHubNow } from '@qms/ui/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ActionBar, actionForKey, enabledActions, SHORTCUT_LETTERS, type Action } from './ActionBar';
import { CallNumberDialog, NoShowDialog, TransferDialog } from './dialogs';
import { CurrentTicket } from './CurrentTicket';
import { DossierPanel } from './DossierPanel';
import type { CounterKey } from './messages';
import { SidePanel } from './SidePanel';
import { useDeskKeys } from './use-desk-keys';

interface Props {
  conn: HubConnection;
  view: ConnectionView;
  counter: CounterView;
  me: string;
  t: Translate<CounterKey>;
  locale: Locale;
}

type Dialog = 'transfer' | 'number' | 'noShow' | null;

const DOUBLE_PRESS_MS = 700;

export function Desk({ conn, view, counter, me, t, locale }: Props) {
  const snapshot = view.state?.snapshot;
  const now = useHubNow(snapshot?.now);
  const { run, busy, error, setError } = useCommand(conn);
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = snapshot ? currentTicketAt(snapshot, counter.id) : null;
  const queue: TicketView[] = useMemo(() => {
    if (!snapshot) return [];
    const waiting = snapshot.tickets.filter((x) => x.status === 'waiting');
    return queueForCounter(counter, waiting, snapshot.site.priority);
  }, [snapshot, counter]);
  const [emptyHint, setEmptyHint] = useState(false);
  useEffect(() => setEmptyHint(false), [current?.id]);
  const [scan, setScan] = useState<{ text: string; seq: number } | null>(null);
  const [scanNote, setScanNote] = useState<string | null>(null);
  useEffect(() => setScanNote(null), [current?.id]);

  const lastCall = useRef(0);
  const callNext = async (): Promise<void> => {
    // a double click (two presses within 700 ms) is one call, however fast the hub answers
    if (Date.now() - lastCall.current < DOUBLE_PRESS_MS) return;
    lastCall.current = Date.now();
    const r = await run('counter:callNext', { counterId: counter.id, idempotencyKey: newKey('next') });
    if (r?.ok) setEmptyHint(r.data.ticket === null);
  };
  const act = async (a: Action): Promise<void> => {
    setError(null);
    if (a === 'callNext') return callNext();
    if (a === 'transfer' || a === 'number' || a === 'noShow') return setDialog(a);
    if (a === 'pause') return void (await run('counter:pause', { counterId: counter.id }));
    if (a === 'resume') return void (await run('counter:open', { counterId: counter.id }));
    if (!current) return;
    const key = newKey(a);
    if (a === 'recall') await run('ticket:recall', { ticketId: current.id, idempotencyKey: key });
    if (a === 'start') await run('ticket:start', { ticketId: current.id, idempotencyKey: key });
    if (a === 'finish') await run('ticket:finish', { ticketId: current.id, idempotencyKey: key });
  };
  /** "Vắng mặt", once confirmed: the ticket leaves the queue and the next call follows. */
  const noShow = async (): Promise<void> => {
    if (!current) return setDialog(null);
    const r = await run('ticket:noShow', { ticketId: current.id, idempotencyKey: newKey('noShow') });
    if (!r?.ok) return;
    setDialog(null);
    lastCall.current = 0;
    await callNext();
  };
  const deskRef = useRef<HTMLElement>(null);
  useDeskKeys(deskRef, {
    shortcuts: SHORTCUT_LETTERS,
    onShortcut: (letter) => {
      const a = actionForKey(letter);
      if (a && !busy && view.status === 'online' && enabledActions(counter.status, current).has(a)) void act(a);
    },
    onScan: (text) => {
      // a CCCD QR (7 fields split by "|") scanned at the desk opens the dossier form for the
      // citizen being served, which reads it; any other scan is only noted
      const cccd = text.split('|').length >= 7;
      if (cccd && current) {
        setScanNote(null);
        setScan((s) => ({ text, seq: (s?.seq ?? 0) + 1 }));
      } else setScanNote(cccd ? t('scanNoTicket') : t('scanNotCccd'));
    },
  });
  const closeDialog = (): void => {
    setError(null);
    setDialog(null);
  };
  if (!snapshot) return null;
  const field = current ? snapshot.fields.find((f) => f.id === current.fieldId) : undefined;
  return (
    <main className="desk" data-counter-status={counter.status} ref={deskRef}>
      <section className="desk-main">
        <h1 className="desk-title" data-testid="counter-title">{counter.name}</h1>
        {counter.status === 'paused' && <p className="notice" role="status">{t('pausedBanner')}</p>}
        <CurrentTicket ticket={current} fieldName={locale === 'vi' ? field?.nameVi : field?.nameEn} now={now} t={t} locale={locale}
          empty={emptyHint ? t('nobodyWaiting') : t('noTicket')} />
        {scanNote && <p className="notice" role="status" data-testid="scan-note">{scanNote}</p>}
        {error && !dialog && <p className="error" role="alert" data-testid="desk-error">{t('errorPrefix', { message: error })}</p>}
        <ActionBar t={t} current={current} status={counter.status} busy={busy || view.status !== 'online'} disabled={dialog !== null}
          onAction={(a) => void act(a)} />
        {current && <DossierPanel key={current.id} conn={conn} snapshot={snapshot} ticket={current} officerName={counter.officerName ?? ''} locale={locale}
          scan={scan} />}
      </section>
      <SidePanel snapshot={snapshot} queue={queue} me={me} view={view} t={t} locale={locale} now={now} conn={conn} />
      {dialog === 'transfer' && current && (
        <TransferDialog t={t} locale={locale} snapshot={snapshot} ticket={current} fromCounter={counter.id} error={error} onClose={closeDialog}
          onSubmit={async (target, note) => {
            const r = await run('ticket:transfer', { ticketId: current.id, ...target, ...(note ? { note } : {}), idempotencyKey: newKey('transfer') });
            if (r?.ok) setDialog(null);
          }} />
      )}
      {dialog === 'number' && (
        <CallNumberDialog t={t} error={error} onClose={closeDialog}
          onSubmit={async (number) => {
            const r = await run('counter:callTicket', { counterId: counter.id, number, idempotencyKey: newKey('number') });
            if (r?.ok) setDialog(null);
          }} />
      )}
      {dialog === 'noShow' && current && (
        <NoShowDialog t={t} ticket={current} error={error} busy={busy} onClose={closeDialog} onConfirm={noShow} />
      )}
    </main>
  );
}
