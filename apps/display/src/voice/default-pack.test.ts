import { describe, expect, it } from 'vitest';
import { packFiles, parseVoicePack } from './manifest';
import { checkPackFiles } from './pack-check';
import { readWavInfo } from './wav-info';

// The web tsconfig type-checks this folder without Node's types, so node:fs is imported untyped.
const fs = (await import(/* @vite-ignore */ `node:${'fs'}`)) as {
  readFileSync: { (path: URL): Uint8Array; (path: URL, encoding: 'utf8'): string };
  existsSync(path: URL): boolean;
  readdirSync(path: URL): string[];
};

const PACK_DIR = new URL('../../voice/vi/', import.meta.url);
const pack = parseVoicePack(JSON.parse(fs.readFileSync(new URL('manifest.json', PACK_DIR), 'utf8')));

/** Peak and RMS of 16-bit PCM samples, as fractions of full scale. */
function levels(bytes: Uint8Array, offset: number, length: number): { peak: number; rms: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  let peak = 0;
  let sumSquares = 0;
  const count = Math.floor(length / 2);
  for (let i = 0; i < count; i++) {
    const s = view.getInt16(i * 2, true) / 32768;
    peak = Math.max(peak, Math.abs(s));
    sumSquares += s * s;
  }
  return { peak, rms: Math.sqrt(sumSquares / Math.max(1, count)) };
}

describe('the default voice pack (apps/display/voice/vi)', () => {
  it('is the Vietnamese pack', () => {
    expect(pack.locale).toBe('vi');
    expect(pack.phrases.call).toEqual(['chime', 'moi-cong-dan', '{number}', 'den-quay-so', '{counter}']);
  });

  it.each(packFiles(pack))('%s is a mono 16-bit PCM WAV of 0.05–3 s with sound in it', (file) => {
    const url = new URL(file, PACK_DIR);
    expect(fs.existsSync(url)).toBe(true);
    const bytes = fs.readFileSync(url);
    const info = readWavInfo(bytes);
    expect(info).toMatchObject({ format: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16 });
    expect(info.durationSeconds).toBeGreaterThan(0.05);
    expect(info.durationSeconds).toBeLessThan(3);
    const { peak, rms } = levels(bytes, info.dataOffset, info.dataBytes);
    expect(peak).toBeGreaterThan(0.3);
    expect(rms).toBeGreaterThan(0.03);
  });

  it('holds no audio file the manifest does not name, and stays small', () => {
    const named = new Set(packFiles(pack));
    const audio = fs.readdirSync(PACK_DIR).filter((f) => f !== 'manifest.json');
    expect(audio.filter((f) => !named.has(f))).toEqual([]);
    const total = audio.reduce((sum, f) => sum + fs.readFileSync(new URL(f, PACK_DIR)).byteLength, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('passes the site pack check without errors or warnings', () => {
    const read = (file: string): Uint8Array | null => {
      const url = new URL(file, PACK_DIR);
      return fs.existsSync(url) ? fs.readFileSync(url) : null;
    };
    expect(checkPackFiles(pack, read)).toEqual({ errors: [], warnings: [] });
  });

  it('has the text of every clip but the chime (the recording script)', () => {
    const withoutText = Object.keys(pack.clips).filter((key) => !(pack.texts ?? {})[key]);
    expect(withoutText).toEqual(['chime']);
  });
});
