import type { IncomingMessage } from 'node:http';

/**
 * Which web pages may open a socket or post a login: a browser sends the page's `Origin`, and a
 * page on another site (an office PC browsing the web) must not guess passwords through the
 * office PC's browser. Allowed: no `Origin` at all (not a browser: node clients, the Electron
 * kiosk's main process), the hub's own pages (the Origin's host is the request's Host: every UI,
 * and the Electron kiosk, which loads its page from the hub's URL), and the origins configured
 * with `--allowed-origins`. Everything else, `null` included (a sandboxed frame, a file:// page),
 * is refused.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const url = parseOrigin(origin);
  if (!url) return false;
  const host = (req.headers.host ?? '').toLowerCase();
  return (host !== '' && url.host === host) || allowed.has(url.origin);
}

function parseOrigin(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** `https://hub.example:8443` from a configured entry; null when it is not an http(s) origin. */
export function normalizeOrigin(text: string): string | null {
  const url = parseOrigin(text.trim());
  if (!url || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') return null;
  return url.origin;
}
