import { describe, expect, it } from 'vitest';
import { readWavInfo } from './wav-info';

/** A minimal PCM WAV: 44-byte header, optional extra chunk before `data`, silent samples. */
function wav(opts: { channels?: number; rate?: number; samples?: number; extraChunk?: boolean } = {}): Uint8Array {
  const channels = opts.channels ?? 1;
  const rate = opts.rate ?? 22050;
  const dataBytes = (opts.samples ?? 2205) * channels * 2;
  const extra = opts.extraChunk ? 8 + 3 + 1 : 0; // 3-byte LIST body, padded to even
  const bytes = new Uint8Array(44 + extra + dataBytes);
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
  let at = 36;
  if (opts.extraChunk) {
    text(at, 'LIST');
    view.setUint32(at + 4, 3, true);
    at += 12;
  }
  text(at, 'data');
  view.setUint32(at + 4, dataBytes, true);
  return bytes;
}

describe('readWavInfo', () => {
  it('reads format, channels, rate and duration', () => {
    expect(readWavInfo(wav())).toEqual({
      format: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16, dataOffset: 44, dataBytes: 4410, durationSeconds: 0.1,
    });
    expect(readWavInfo(wav({ channels: 2, rate: 48000, samples: 48000 })).durationSeconds).toBe(1);
  });

  it('skips chunks it does not know, padded to an even size', () => {
    expect(readWavInfo(wav({ extraChunk: true }))).toMatchObject({ dataOffset: 56, durationSeconds: 0.1 });
  });

  it('refuses what is not a WAV file', () => {
    expect(() => readWavInfo(new TextEncoder().encode('ID3 not a wav at all'))).toThrow('not a RIFF/WAVE file');
    expect(() => readWavInfo(wav().subarray(0, 40))).toThrow('no data chunk');
  });
});
