/** How a display's announcements are voiced; `off` keeps the announcer but plays nothing. */
export type RequestedVoice = 'clips' | 'speech' | 'off';
export type VoiceSource = 'clips' | 'speech' | 'none';

/**
 * The browser's speech voice only when the site chose it and a Vietnamese one exists; otherwise
 * the recorded clips; the speech voice as a last resort when the pack could not be loaded.
 */
export function chooseVoiceSource(requested: RequestedVoice, speechAvailable: boolean, packLoaded: boolean): VoiceSource {
  if (requested === 'speech' && speechAvailable) return 'speech';
  if (packLoaded) return 'clips';
  return speechAvailable ? 'speech' : 'none';
}
