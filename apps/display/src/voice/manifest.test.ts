import { describe, expect, it } from 'vitest';
import { letterKey, packFiles, parseVoicePack, VoicePackError } from './manifest';

function minimal(): Record<string, unknown> {
  return {
    locale: 'vi',
    name: 'Thử',
    clips: { chime: 'chime.wav', open: 'open.wav', to: 'to.mp3', mot: 'mot.wav' },
    words: { 'một': 'mot' },
    phrases: { call: ['chime', 'open', '{number}', 'to', '{counter}'] },
  };
}

function problemOf(json: unknown): string {
  try {
    parseVoicePack(json);
  } catch (e) {
    expect(e).toBeInstanceOf(VoicePackError);
    return (e as Error).message;
  }
  throw new Error('expected the manifest to be refused');
}

describe('parseVoicePack', () => {
  it('accepts a minimal pack, texts optional', () => {
    const pack = parseVoicePack(minimal());
    expect(pack.name).toBe('Thử');
    expect(pack.texts).toBeUndefined();
    expect(packFiles(pack)).toEqual(['chime.wav', 'open.wav', 'to.mp3', 'mot.wav']);
  });

  it('normalises word keys to lowercase NFC (a manifest saved as NFD still matches)', () => {
    const nfd = 'Một'.normalize('NFD');
    const pack = parseVoicePack({ ...minimal(), words: { [nfd]: 'mot' } });
    expect(Object.keys(pack.words)).toEqual(['một']);
  });

  it('names the field that is wrong', () => {
    expect(problemOf(null)).toContain('(root)');
    expect(problemOf({ ...minimal(), name: '' })).toContain('name:');
    expect(problemOf({ ...minimal(), phrases: {} })).toContain('phrases.call:');
  });

  it('refuses file names that leave the pack folder or are not audio', () => {
    for (const file of ['../secret.wav', 'sub/mot.wav', 'mot.txt', 'một.wav', '.wav']) {
      const json = { ...minimal(), clips: { ...(minimal()['clips'] as object), mot: file } };
      expect(problemOf(json)).toContain('clips.mot: clip files are plain ASCII file names');
    }
  });

  it('refuses non-ASCII clip keys', () => {
    expect(problemOf({ ...minimal(), clips: { 'một': 'mot.wav' } })).toContain('clip keys are lowercase ASCII');
  });

  it('refuses words and phrases that name a missing clip', () => {
    expect(problemOf({ ...minimal(), words: { hai: 'hai' } })).toContain('words.hai: no clip "hai"');
    expect(problemOf({ ...minimal(), phrases: { call: ['ding', '{number}', '{counter}'] } })).toContain(
      'phrases.call: no clip "ding"',
    );
    expect(problemOf({ ...minimal(), texts: { hai: 'hai' } })).toContain('texts.hai: no clip "hai"');
  });

  it('requires the call phrase to say the number and the counter', () => {
    const message = problemOf({ ...minimal(), phrases: { call: ['chime', '{number}'] } });
    expect(message).toContain('phrases.call: must contain "{counter}"');
  });

  it('lists every problem at once', () => {
    const message = problemOf({ ...minimal(), words: { hai: 'hai', ba: 'ba' } });
    expect(message.split('\n')).toHaveLength(3);
  });
});

describe('letterKey', () => {
  it('is letter-<lowercase>', () => {
    expect(letterKey('A')).toBe('letter-a');
    expect(letterKey('z')).toBe('letter-z');
  });
});
