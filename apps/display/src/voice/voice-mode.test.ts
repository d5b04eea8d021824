import { describe, expect, it } from 'vitest';
import { chooseVoiceSource } from './voice-mode';

describe('chooseVoiceSource', () => {
  it('uses the speech voice only when the site chose it and one exists', () => {
    expect(chooseVoiceSource('speech', true, true)).toBe('speech');
    expect(chooseVoiceSource('clips', true, true)).toBe('clips');
    expect(chooseVoiceSource('off', true, true)).toBe('clips');
  });

  it('falls back to the clips when there is no Vietnamese voice', () => {
    expect(chooseVoiceSource('speech', false, true)).toBe('clips');
  });

  it('falls back to the speech voice when the pack could not be loaded, else to nothing', () => {
    expect(chooseVoiceSource('clips', true, false)).toBe('speech');
    expect(chooseVoiceSource('clips', false, false)).toBe('none');
    expect(chooseVoiceSource('speech', false, false)).toBe('none');
  });
});
