/**
 * Reading a dossier code at the kiosk: typed on the keypad as the 10 digits after the site's
 * agency code (YYMMDD + 4-digit sequence), or scanned from the receipt (the code itself, or the
 * QR's look-up link `…/d/<code>?k=…`).
 */
export function codeFromScan(text: string): string | null {
  const t = text.trim();
  const link = /\/d\/([^/?#\s]+)/.exec(t);
  const raw = link?.[1] ? decodeURIComponent(link[1]) : t;
  return /^[A-Za-z0-9.\-_/]{5,60}$/.test(raw) ? raw.toUpperCase() : null;
}

/** The key of a scanned receipt QR link (`…/d/<code>?k=<key>`): with it the hub shows procedure and masked name. */
export function keyFromScan(text: string): string | null {
  const key = /\/d\/[^/?#\s]+\?(?:[^#\s]*&)?k=([A-Za-z0-9_-]{1,64})(?:[&#\s]|$)/.exec(text.trim());
  return key?.[1] ?? null;
}

/** `2611230001` with agency `000.00.00.H26` -> `000.00.00.H26-261123-0001` (null until 10 digits). */
export function codeFromDigits(agencyCode: string, digits: string): string | null {
  return /^\d{10}$/.test(digits) ? `${agencyCode}-${digits.slice(0, 6)}-${digits.slice(6)}` : null;
}

/** How the keypad shows what was typed so far: `261123-00__`. */
export function formatTypedDigits(digits: string): string {
  const padded = digits.padEnd(10, '_');
  return `${padded.slice(0, 6)}-${padded.slice(6, 10)}`;
}
