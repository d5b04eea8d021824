import type { Snapshot } from '@qms/protocol';
import type { HubConnection } from '@qms/ui';
import { useEffect, useRef, useState } from 'react';
import { showsCounter, type DisplayOptions } from './options';
import type { Announcer } from './voice/announcer';
import { createDisplayVoice } from './voice/display-voice';

export interface LiveCall {
  ticketId: string;
  number: string;
  counterNumber: number;
  recall: boolean;
}

/** `1023:3,A-012:12` -> sample calls (number at counter), at most 20. */
export function voiceTestCalls(param: string | null): LiveCall[] {
  if (!param) return [];
  return param
    .split(',')
    .slice(0, 20)
    .flatMap((item, i) => {
      const m = /^([A-Z]{0,3}-?\d{1,5}):(\d{1,3})$/.exec(item.trim());
      return m?.[1] && m[2] ? [{ ticketId: `voicetest-${i}`, number: m[1], counterNumber: Number(m[2]), recall: false }] : [];
    });
}

/**
 * Announces live calls (never those found in a snapshot after a reconnect: they happened during
 * the gap and are shown, not read out late) for the counters this display shows.
 */
export function useAnnouncements(
  conn: HubConnection,
  _snapshot: Snapshot | null,
  options: DisplayOptions,
  onCall: (call: LiveCall) => void,
): void {
  const latest = useRef<{ options: DisplayOptions; onCall: (call: LiveCall) => void; announcer: Announcer | null }>({
    options,
    onCall,
    announcer: null,
  });
  // the voice (clips, or the browser's vi-VN voice when chosen and present), rebuilt when the mode changes
  const [announcer, setAnnouncer] = useState<Announcer | null>(null);
  useEffect(() => {
    let cancelled = false;
    let made: Announcer | null = null;
    void createDisplayVoice({ voice: options.voice === 'off' ? 'clips' : options.voice, volume: options.volume }).then((v) => {
      if (cancelled) return;
      made = v.announcer;
      v.announcer.setEnabled(latest.current.options.voice !== 'off');
      setAnnouncer(v.announcer);
      if (v.packError) console.warn('voice pack unavailable:', v.packError);
    });
    return () => {
      cancelled = true;
      made?.setEnabled(false);
    };
  }, [options.voice === 'speech']); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    announcer?.setEnabled(options.voice !== 'off');
    announcer?.setVolume(options.volume);
  }, [announcer, options.voice, options.volume]);
  // "?voicetest=1023:3,5:1": installers check the speakers and the voice pack with sample calls
  useEffect(() => {
    if (!announcer) return;
    for (const call of voiceTestCalls(new URLSearchParams(window.location.search).get('voicetest'))) announcer.announce(call);
  }, [announcer]);
  latest.current = { options, onCall, announcer };
  // calls that arrive while the voice pack is still loading are announced as soon as it is ready
  const early = useRef<LiveCall[]>([]);
  useEffect(() => {
    if (!announcer) return;
    for (const call of early.current.splice(0)) announcer.announce(call);
  }, [announcer]);
  useEffect(
    () =>
      conn.onHubEvent((e) => {
        const { options: o, onCall: notify, announcer: a } = latest.current;
        if (e.type !== 'ticket:called' || !showsCounter(o, e.counterNumber)) return;
        const call = { ticketId: e.ticket.id, number: e.ticket.number, counterNumber: e.counterNumber, recall: e.recall };
        notify(call);
        if (a) a.announce(call);
        else early.current.push(call);
      }),
    [conn],
  );
}
