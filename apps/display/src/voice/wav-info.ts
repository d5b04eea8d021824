/** What a voice clip's WAV header says: enough to check a pack without decoding it. */
export interface WavInfo {
  /** 1 = PCM integer, 3 = IEEE float. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Where the samples start in the file, and how many bytes of them there are. */
  dataOffset: number;
  dataBytes: number;
  durationSeconds: number;
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

/** Reads the RIFF/WAVE header of `bytes`; throws if it is not a WAV file with fmt and data chunks. */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSeconds'> | null = null;
  let byteRate = 0;
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.byteLength) {
      fmt = {
        format: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      byteRate = view.getUint32(body + 8, true);
    } else if (id === 'data') {
      if (fmt === null || byteRate === 0) throw new Error('data chunk before a valid fmt chunk');
      const dataBytes = Math.min(size, bytes.byteLength - body);
      return { ...fmt, dataOffset: body, dataBytes, durationSeconds: dataBytes / byteRate };
    }
    at = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}
