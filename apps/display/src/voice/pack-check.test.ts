import { describe, expect, it } from 'vitest';
import { parseVoicePack } from './manifest';
import { checkPackFiles, numberWords } from './pack-check';

/** A PCM WAV header for `seconds` of silence (the checker reads headers only). */
function wav(seconds: number, channels = 1, rate = 22050): Uint8Array {
  const dataBytes = Math.round(seconds * rate) * channels * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

const WORDS: Record<string, string> = {
  'không': 'khong', 'một': 'mot', 'hai': 'hai', 'ba': 'ba', 'bốn': 'bon', 'năm': 'nam', 'sáu': 'sau',
  'bảy': 'bay', 'tám': 'tam', 'chín': 'chin', 'mười': 'muoi', 'mươi': 'muoi-ngang', 'mốt': 'mot-sac',
  'tư': 'tu', 'lăm': 'lam', 'linh': 'linh', 'trăm': 'tram', 'nghìn': 'nghin',
};

function sitePack(words: Record<string, string> = WORDS) {
  const clips: Record<string, string> = { chime: 'chime.mp3', open: 'open.wav', to: 'to.wav' };
  for (const key of Object.values(words)) clips[key] = `${key}.wav`;
  return parseVoicePack({
    locale: 'vi',
    name: 'Giọng của UBND phường',
    clips,
    words,
    phrases: { call: ['chime', 'open', '{number}', 'to', '{counter}'] },
  });
}

describe('numberWords', () => {
  it('is the 18 words of 0..99 999', () => {
    expect([...numberWords()].sort()).toEqual(Object.keys(WORDS).sort());
  });
});

describe('checkPackFiles', () => {
  it('passes a complete site pack, warning that it has no letters', () => {
    const report = checkPackFiles(sitePack(), (f) => (f.endsWith('.mp3') ? new Uint8Array(100) : wav(0.4)));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual(['no clip for the letters A B C D E F G H I J K L M N O P Q R S T U V W X Y Z (needed only for numbers like A-023)']);
  });

  it('reports missing files, untrimmed or unreadable clips, and words without a clip', () => {
    const words = { ...WORDS };
    delete words['lăm'];
    const files: Record<string, Uint8Array> = { 'open.wav': wav(9), 'to.wav': new Uint8Array(10), 'chime.mp3': new Uint8Array(0) };
    const report = checkPackFiles(sitePack(words), (f) => files[f] ?? (f === 'ba.wav' ? null : wav(0.3, 2, 8000)));
    expect(report.errors).toEqual([
      'chime.mp3: empty',
      'open.wav: 9.00 s long (expected 0.05–5 s; trim the silence)',
      'to.wav: not a readable WAV file (not a RIFF/WAVE file)',
      'ba.wav: missing',
      'no clip for the words: lăm',
    ]);
    expect(report.warnings).toContain('khong.wav: 2 channels (mono is half the size)');
    expect(report.warnings).toContain('khong.wav: 8000 Hz (16 000–48 000 Hz expected)');
  });
});
