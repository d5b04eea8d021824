/**
 * Browser side: puts the display's voice together — loads the pack's manifest, preloads its clips,
 * picks the clip player or the speech voice, and returns the announcer to feed `ticket:called` to.
 * Recreate it when the display's `voice` setting changes; `volume` and on/off can be set live.
 */
import { Announcer } from './announcer';
import type { AnnouncementLogEntry, Player } from './announcer';
import { HtmlAudioPlayer } from './audio-player';
import { callSentence, callUtterance } from './clips';
import { packFiles, parseVoicePack } from './manifest';
import type { VoicePack } from './manifest';
import { SpeechPlayer } from './speech-player';
import { chooseVoiceSource } from './voice-mode';
import type { RequestedVoice, VoiceSource } from './voice-mode';

/** Where the hub serves the pack: the default one, or the site's own (`--voice-dir`). */
export const VOICE_PACK_URL = '/display/voice/vi/';

export interface DisplayVoiceOptions {
  voice: RequestedVoice;
  /** 0..1 */
  volume: number;
  baseUrl?: string;
  onLog?: (entry: AnnouncementLogEntry) => void;
}

export interface DisplayVoice {
  announcer: Announcer;
  source: VoiceSource;
  pack: VoicePack | null;
  /** Why the pack could not be used, if it could not. */
  packError: string | null;
}

async function loadPack(baseUrl: string): Promise<VoicePack> {
  const res = await fetch(`${baseUrl}manifest.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${baseUrl}manifest.json: HTTP ${res.status}`);
  return parseVoicePack(await res.json());
}

const silent: Player = {
  play: () => Promise.reject(new Error('No voice: the voice pack did not load and there is no Vietnamese speech voice')),
};

export async function createDisplayVoice(options: DisplayVoiceOptions): Promise<DisplayVoice> {
  const baseUrl = options.baseUrl ?? VOICE_PACK_URL;
  let pack: VoicePack | null = null;
  let packError: string | null = null;
  try {
    pack = await loadPack(baseUrl);
  } catch (e) {
    packError = e instanceof Error ? e.message : String(e);
  }
  const speechAvailable = options.voice === 'speech' || pack === null ? await SpeechPlayer.whenAvailable() : false;
  const source = chooseVoiceSource(options.voice, speechAvailable, pack !== null);

  const clips = pack === null ? null : new HtmlAudioPlayer({ baseUrl });
  if (clips && pack) clips.preload(packFiles(pack));
  const chimeFile = pack?.clips['chime'];
  const chime = clips && chimeFile ? (volume: number) => clips.play({ files: [chimeFile], text: '' }, volume) : undefined;
  const player: Player =
    source === 'speech'
      ? new SpeechPlayer({ ...(chime ? { chime } : {}), ...(clips ? { fallback: clips } : {}) })
      : (clips ?? silent);

  const loaded = pack;
  const announcer = new Announcer({
    player,
    compose: (c) =>
      loaded ? callUtterance(loaded, c.number, c.counterNumber) : { files: [], text: callSentence(c.number, c.counterNumber) },
    clock: () => Date.now(),
    enabled: options.voice !== 'off',
    volume: options.volume,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return { announcer, source, pack, packError };
}
