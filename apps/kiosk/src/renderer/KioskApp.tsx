import { isOpenAt, serviceDayOf, type PriorityGroup } from '@qms/core';
import type { IssueTicketResult } from '@qms/protocol';
import { HubConnection, listenForScans, translator, type Locale } from '@qms/ui';
import { ConnectionBanner, useConnection, useHubNow, useIdle } from '@qms/ui/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ClosedScreen } from './ClosedScreen';
import { HomeScreen } from './HomeScreen';
import type { KioskIdentity } from './identity';
import { KIOSK_MESSAGES } from './messages';
import { PickupScreen } from './PickupScreen';
import { codeFromScan, keyFromScan } from './pickup-code';
import { PriorityScreen } from './PriorityScreen';
import { SetupScreen } from './SetupScreen';
import { TicketScreen } from './TicketScreen';
import { useIssue } from './use-issue';

type Screen =
  | { name: 'home' }
  | { name: 'priority' }
  | { name: 'pickup'; scanned: string | null; scannedKey: string | null }
  | { name: 'ticket'; result: IssueTicketResult };

export function KioskApp({ identity }: { identity: KioskIdentity }) {
  if (!identity.token) return <SetupScreen locale={identity.language} />;
  return <ConnectedKiosk identity={identity} token={identity.token} />;
}

function ConnectedKiosk({ identity, token }: { identity: KioskIdentity; token: string }) {
  const conn = useMemo(() => new HubConnection(identity.hubUrl, { kind: 'device', token }), [identity.hubUrl, token]);
  useEffect(() => () => conn.close(), [conn]);
  const view = useConnection(conn);
  const [locale, setLocale] = useState<Locale>(identity.language);
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [priority, setPriority] = useState<PriorityGroup | null>(null);
  const [lastScan, setLastScan] = useState<string | null>(null);
  const t = useMemo(() => translator(KIOSK_MESSAGES, locale), [locale]);
  const snapshot = view.state?.snapshot ?? null;
  const now = useHubNow(snapshot?.now);
  const issue = useIssue(conn, locale);

  const home = useCallback(() => {
    setScreen({ name: 'home' });
    setPriority(null);
    setLocale(identity.language);
    issue.reset();
  }, [identity.language, issue]);
  useIdle(identity.idleSeconds * 1000, home, screen.name !== 'home' || priority !== null || locale !== identity.language);
  // a receipt scanned anywhere opens "Nhận kết quả" with its code
  useEffect(
    () =>
      listenForScans((text) => {
        setLastScan(text);
        const code = codeFromScan(text);
        if (code) setScreen({ name: 'pickup', scanned: code, scannedKey: keyFromScan(text) });
      }),
    [],
  );

  const onField = async (fieldId: string): Promise<void> => {
    if (fieldId === snapshot?.pickupFieldId) {
      setScreen({ name: 'pickup', scanned: null, scannedKey: null });
      return;
    }
    const result = await issue.issue(fieldId, priority);
    if (result) setScreen({ name: 'ticket', result });
  };

  const online = view.status === 'online' && snapshot !== null;
  const today = snapshot ? serviceDayOf(now, snapshot.site.timeZone) : '';
  const holiday = snapshot?.kioskClosedDays.find((d) => d.day === today)?.name ?? null;
  const open = snapshot ? !snapshot.hoursEnforced || (holiday === null && isOpenAt(snapshot.site, now)) : true;
  return (
    <div className="kiosk" data-screen={screen.name} lang={locale}>
      <ConnectionBanner view={view} locale={locale} />
      {lastScan && <div className="kiosk-scan" data-testid="scan">{t('scanned', { code: lastScan })}</div>}
      {snapshot && !open && <ClosedScreen site={snapshot.site} now={now} holiday={holiday} t={t} />}
      {snapshot && open && screen.name === 'home' && (
        <HomeScreen
          snapshot={snapshot}
          now={now}
          locale={locale}
          t={t}
          online={online}
          priority={priority}
          busy={issue.busy}
          error={issue.error}
          onField={(id) => void onField(id)}
          onPriority={() => setScreen({ name: 'priority' })}
          onClearPriority={() => setPriority(null)}
          onToggleLocale={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        />
      )}
      {snapshot && open && screen.name === 'priority' && (
        <PriorityScreen
          groups={snapshot.site.priority.enabledGroups}
          locale={locale}
          t={t}
          onChoose={(g) => {
            setPriority(g);
            setScreen({ name: 'home' });
          }}
          onBack={home}
        />
      )}
      {snapshot && open && screen.name === 'pickup' && (
        <PickupScreen
          key={screen.scanned ?? 'typed'}
          conn={conn}
          agencyCode={snapshot.site.agencyCode}
          scanned={screen.scanned}
          scannedKey={screen.scannedKey}
          locale={locale}
          t={t}
          onTicket={(result) => setScreen({ name: 'ticket', result })}
          onBack={home}
        />
      )}
      {snapshot && screen.name === 'ticket' && (
        <TicketScreen conn={conn} identity={identity} result={screen.result} site={snapshot.site} locale={locale} t={t} onDone={home} />
      )}
    </div>
  );
}
