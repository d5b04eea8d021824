import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One HTTP request exactly as given: any method, a raw path (not normalised), any headers and
 * body. Resolves with what came back; rejects only when the connection fails.
 */
export function httpRaw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
  opts: { timeoutMs?: number; localAddress?: string } = {},
): Promise<RawResponse> {
  const u = new URL(baseUrl);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    // a new connection per request: a kept-alive socket the server already closed would look like a hub failure
    const req = request({ host: u.hostname, port: u.port, method, path, headers, timeout: timeoutMs, agent: false, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** Writes raw bytes to the hub's port and returns whatever it answers before closing. */
export function tcpRaw(baseUrl: string, bytes: Buffer, waitMs = 300): Promise<string> {
  const u = new URL(baseUrl);
  return new Promise((resolve) => {
    const s = connect(Number(u.port), u.hostname);
    let out = '';
    s.on('data', (d: Buffer) => {
      out += d.toString('latin1');
    });
    s.on('error', () => resolve(out));
    s.on('close', () => resolve(out));
    s.write(bytes);
    setTimeout(() => s.end(), waitMs);
  });
}

/** POST /api/login (from `localAddress`, e.g. 127.0.0.2, to look like another machine); returns the status and the parsed body. */
export async function login(baseUrl: string, username: string, password: string, localAddress?: string): Promise<{ status: number; body: LoginBody }> {
  const r = await httpRaw(baseUrl, 'POST', '/api/login', { 'content-type': 'application/json' }, JSON.stringify({ username, password }), { localAddress });
  return { status: r.status, body: r.json as LoginBody };
}

export type LoginBody =
  | { ok: true; data: { token: string; expiresAt: number; officer: { id: string; username: string; fullName: string; role: string } } }
  | { ok: false; error: { code: string; message: string } };

/** The token of a successful login, or a thrown error with the code. */
export async function sessionToken(baseUrl: string, username: string, password: string): Promise<string> {
  const r = await login(baseUrl, username, password);
  if (!r.body.ok) throw new Error(`login ${username}: ${r.status} ${r.body.error.code}`);
  return r.body.data.token;
}

/** The admin routes the hub declares (`'GET /api/admin/…'` keys in create-hub.ts and its route files). */
export const ROUTE_KEY = /'(GET|POST|PUT|PATCH|DELETE) (\/api\/[A-Za-z0-9/_.:-]+)'/g;
