/**
 * What one display shows and says: the admin's device settings, overridden by URL parameters
 * (`?counters=1,2,3&fields=cu-tru&voice=off&volume=80&notice=…`), so several displays per
 * site (one per floor) can each show their own counters and fields.
 */
export type VoiceMode = 'clips' | 'speech' | 'off';

export interface DisplayOptions {
  /** Counter numbers shown and announced; null = all. */
  counters: number[] | null;
  /** Field ids whose waiting counts are shown; null = all. */
  fields: string[] | null;
  notice: string;
  voice: VoiceMode;
  /** 0..1 */
  volume: number;
}

const DEFAULTS: DisplayOptions = { counters: null, fields: null, notice: '', voice: 'clips', volume: 1 };

function numbers(v: unknown): number[] | null {
  const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
  if (!list) return null;
  const out = list.map((x) => Number(String(x).trim())).filter((n) => Number.isInteger(n) && n > 0);
  return out.length > 0 ? out : null;
}

function strings(v: unknown): string[] | null {
  const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
  if (!list) return null;
  const out = list.map((x) => String(x).trim()).filter((s) => /^[\w.:-]{1,64}$/.test(s));
  return out.length > 0 ? out : null;
}

function voice(v: unknown): VoiceMode | null {
  return v === 'clips' || v === 'speech' || v === 'off' ? v : null;
}

function volume(v: unknown): number | null {
  const n = Number(v);
  if (v === undefined || v === null || v === '' || !Number.isFinite(n)) return null;
  return Math.min(1, Math.max(0, n > 1 ? n / 100 : n));
}

function pick(settings: Record<string, unknown>, params: URLSearchParams, key: string): unknown {
  return params.has(key) ? params.get(key) : settings[key];
}

export function displayOptions(settings: Record<string, unknown>, params: URLSearchParams): DisplayOptions {
  const notice = pick(settings, params, 'notice');
  return {
    counters: numbers(pick(settings, params, 'counters')) ?? DEFAULTS.counters,
    fields: strings(pick(settings, params, 'fields')) ?? DEFAULTS.fields,
    notice: typeof notice === 'string' ? notice.normalize('NFC').slice(0, 500) : DEFAULTS.notice,
    voice: voice(pick(settings, params, 'voice')) ?? DEFAULTS.voice,
    volume: volume(pick(settings, params, 'volume')) ?? DEFAULTS.volume,
  };
}

export function showsCounter(o: DisplayOptions, counterNumber: number): boolean {
  return o.counters === null || o.counters.includes(counterNumber);
}

export function showsField(o: DisplayOptions, fieldId: string): boolean {
  return o.fields === null || o.fields.includes(fieldId);
}
