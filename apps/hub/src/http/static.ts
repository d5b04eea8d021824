import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export const WEB_APPS = ['kiosk', 'counter', 'display', 'admin'] as const;

/** Scripts only from the hub itself: an injected string can never run as a script; no framing. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "media-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const VOICE_PREFIX = '/display/voice/';

/**
 * Serves the built web UIs (dist/web/<app>/) at /<app>/, and the ticket status page at /t/<id>;
 * compressed (brotli, else gzip) where the build wrote a compressed copy and the browser accepts it.
 * Returns false for anything else, so the caller can answer 404.
 */
export function staticRoutes(webRoot: string | null, voiceDir: string | null = null): (req: IncomingMessage, res: ServerResponse) => boolean {
  if (!webRoot || !existsSync(webRoot)) return () => false;
  // the build's .br / .gz copies by Accept-Encoding (build/precompress.ts), with Vary: Accept-Encoding
  const serve = sirv(webRoot, { dev: false, etag: true, extensions: ['html'], brotli: true, gzip: true });
  const serveVoice = voiceDir && existsSync(voiceDir) ? sirv(voiceDir, { dev: true, etag: true }) : null;
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // the site's own voice recordings (--voice-dir) replace the default pack, file by file
    if (serveVoice && path.startsWith(VOICE_PREFIX)) {
      const original = req.url;
      req.url = path.slice(VOICE_PREFIX.length - 1);
      let handled = true;
      serveVoice(req, res, () => {
        handled = false;
      });
      if (handled) return true;
      req.url = original;
    }
    const app = WEB_APPS.find((a) => path === `/${a}` || path.startsWith(`/${a}/`));
    if (path.startsWith('/t/')) {
      req.url = '/kiosk/status.html';
    } else if (path.startsWith('/d/')) {
      req.url = '/kiosk/dossier.html';
    } else if (!app) {
      return false;
    } else if (path === `/${app}`) {
      res.writeHead(301, { location: `/${app}/${(req.url ?? '').slice(path.length)}` });
      res.end();
      return true;
    } else if (!existsSync(join(webRoot, app))) {
      return false;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy');
    });
    return true;
  };
}
