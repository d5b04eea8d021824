/**
 * Dates as Vietnamese offices write them, dd/mm/yyyy, whatever the browser's language; the hub
 * speaks ISO yyyy-mm-dd. Pure helpers for the shared date input (DateInput.tsx).
 */
import { isRealDate } from '@qms/core';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day in the years the offices' forms use (1900–2200). */
function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && isRealDate(y, m, d);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `07/12/2026` (or `7/12/2026`) -> `2026-12-07`; null when it is not a real calendar day. */
export function isoFromDmy(text: string): string | null {
  const m = DMY.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return valid(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : null;
}

/** `2026-12-07` -> `07/12/2026`; '' for '' or anything that is not an ISO day. */
export function dmyFromIso(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What the field shows while typing: digits only, with the slashes put in for the user
 * (`07122026` -> `07/12/2026`, `7/12` -> `7/12`); a slash typed after a day or month is kept.
 */
export function maskDmy(raw: string): string {
  const parts: string[] = [];
  let cur = '';
  let endsWithSlash = false;
  for (const ch of raw) {
    if (ch >= '0' && ch <= '9') {
      endsWithSlash = false;
      if (parts.length < 2 && cur.length === 2) {
        parts.push(cur);
        cur = '';
      }
      if (parts.length === 2 && cur.length === 4) continue;
      cur += ch;
    } else if ('/.-'.includes(ch) && cur !== '' && parts.length < 2) {
      parts.push(cur);
      cur = '';
      endsWithSlash = true;
    }
  }
  const shown = [...parts, cur].filter((p, i, all) => p !== '' || i < all.length - 1).join('/');
  return endsWithSlash ? `${shown}/` : shown;
}
