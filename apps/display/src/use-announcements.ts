import type { Snapshot } from '@qms/protocol';
import type { HubConnection } from '@qms/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { showsCounter, type DisplayOptions } from './options';
import { Announcer, type Player } from './voice/announcer';
import { HtmlAudioPlayer } from './voice/audio-player';
import { callUtterance } from './voice/clips';
import { parseVoicePack, type VoicePack } from './voice/manifest';

export const VOICE_BASE = '/display/voice/vi/';

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

/** The voice pack: the site's own recordings when the hub has them, else the default pack. */
function useVoicePack(): VoicePack | null {
  const [pack, setPack] = useState<VoicePack | null>(null);
  useEffect(() => {
    fetch(`${VOICE_BASE}manifest.json`)
      .then((r) => r.json() as Promise<unknown>)
      .then((json) => setPack(parseVoicePack(json)))
      .catch((e: unknown) => console.warn('voice pack unavailable', e));
  }, []);
  return pack;
}

function makePlayer(pack: VoicePack): Player {
  const player = new HtmlAudioPlayer({ baseUrl: VOICE_BASE });
  player.preload(Object.values(pack.clips));
  return player;
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
  const pack = useVoicePack();
  const announcer = useMemo(
    () =>
      pack
        ? new Announcer({
            player: makePlayer(pack),
            compose: (c) => callUtterance(pack, c.number, c.counterNumber),
            clock: () => Date.now(),
          })
        : null,
    [pack],
  );
  useEffect(() => {
    announcer?.setEnabled(options.voice !== 'off');
    announcer?.setVolume(options.volume);
  }, [announcer, options.voice, options.volume]);
  // "?voicetest=1023:3,5:1": installers check the speakers and the voice pack with sample calls
  useEffect(() => {
    if (!announcer) return;
    for (const call of voiceTestCalls(new URLSearchParams(window.location.search).get('voicetest'))) announcer.announce(call);
  }, [announcer]);
  const latest = useRef({ options, onCall, announcer });
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
