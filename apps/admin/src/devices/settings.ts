/**
 * Device settings as the admin edits them, and back. Keys the hub and the apps read:
 * kiosk `printer` (URL string) and `maxTicketsPerMinute`; display `counters`, `fields`,
 * `notice`, `voice`, `volume` (0..1) (see apps/display/src/options.ts). Keys this screen does not
 * know are kept as they are, except the display's retired `recent` (the list of recent calls gave
 * way to the counter grid), which a save drops.
 */
export type VoiceMode = 'clips' | 'speech' | 'off';

export interface KioskForm {
  printer: string;
  maxTicketsPerMinute: string;
}

export interface DisplayForm {
  counters: number[];
  fields: string[];
  notice: string;
  voice: VoiceMode;
  /** 0..100 */
  volume: number;
}

// Mirrors packages/printer/src/config.ts (the UI may not import the printer runtime).
const TCP = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;
const CUPS = /^printer:([^\s/\\#?]{1,127})$/;
const PARAMS: Record<string, (v: string) => boolean> = {
  paper: (v) => v === '58' || v === '80',
  type: (v) => v === 'epson' || v === 'star',
  timeout: (v) => /^\d+$/.test(v) && Number(v) >= 100 && Number(v) <= 60_000,
};

/** Whether the hub will accept this printer address (`tcp://host[:port][?paper=58&type=…&timeout=…]` or `printer:NAME`). */
export function isPrinterUrl(url: string): boolean {
  const s = url.trim();
  const q = s.indexOf('?');
  const iface = q < 0 ? s : s.slice(0, q);
  const tcp = TCP.exec(iface);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65_535) return false;
  } else if (!CUPS.test(iface)) return false;
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : s.slice(q + 1))) {
    const ok = PARAMS[k];
    if (!ok || !ok(v)) return false;
  }
  return true;
}

/** A printer given as an object (older settings, kiosk.json) written as the URL form. */
function printerToUrl(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const o = value as Record<string, unknown>;
  if (typeof o['interface'] !== 'string') return '';
  const q = new URLSearchParams();
  if (o['paperWidth'] === 58 || o['paperWidth'] === 80) q.set('paper', String(o['paperWidth']));
  if (o['type'] === 'star' || o['type'] === 'epson') q.set('type', o['type']);
  if (typeof o['timeoutMs'] === 'number') q.set('timeout', String(o['timeoutMs']));
  const qs = q.toString();
  return qs ? `${o['interface']}?${qs}` : o['interface'];
}

export function kioskForm(settings: Record<string, unknown>): KioskForm {
  const max = settings['maxTicketsPerMinute'];
  return { printer: printerToUrl(settings['printer']), maxTicketsPerMinute: typeof max === 'number' || typeof max === 'string' ? String(max) : '' };
}

export function kioskSettings(base: Record<string, unknown>, f: KioskForm): Record<string, unknown> {
  const { printer: _p, maxTicketsPerMinute: _m, ...rest } = base;
  void _p;
  void _m;
  return {
    ...rest,
    ...(f.printer.trim() ? { printer: f.printer.trim() } : {}),
    ...(f.maxTicketsPerMinute.trim() ? { maxTicketsPerMinute: Number(f.maxTicketsPerMinute.trim()) } : {}),
  };
}

function list(v: unknown): unknown[] {
  return typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : Array.isArray(v) ? v : [];
}

export function displayForm(settings: Record<string, unknown>): DisplayForm {
  const voice = settings['voice'];
  const vol = Number(settings['volume']);
  return {
    counters: list(settings['counters']).map(Number).filter((n) => Number.isInteger(n) && n > 0),
    fields: list(settings['fields']).map(String),
    notice: typeof settings['notice'] === 'string' ? settings['notice'] : '',
    voice: voice === 'speech' || voice === 'off' ? voice : 'clips',
    // as the display reads it: above 1 is a percentage, up to 1 a fraction
    volume: settings['volume'] === undefined || !Number.isFinite(vol) ? 100 : Math.round(Math.min(100, Math.max(0, vol > 1 ? vol : vol * 100))),
  };
}

export function displaySettings(base: Record<string, unknown>, f: DisplayForm): Record<string, unknown> {
  const { counters: _c, fields: _f, notice: _n, voice: _v, volume: _vol, recent: _r, ...rest } = base;
  void [_c, _f, _n, _v, _vol, _r];
  return {
    ...rest,
    ...(f.counters.length > 0 ? { counters: [...f.counters].sort((a, b) => a - b) } : {}),
    ...(f.fields.length > 0 ? { fields: f.fields } : {}),
    ...(f.notice.trim() ? { notice: f.notice.trim().normalize('NFC') } : {}),
    voice: f.voice,
    volume: Math.round(f.volume) / 100,
  };
}

/** The URL a device opens with its token (the display and kiosk apps keep the token and drop it from the address). */
export function deviceUrl(origin: string, kind: 'kiosk' | 'display', token: string): string {
  return `${origin}/${kind}/?token=${encodeURIComponent(token)}`;
}
