import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '@qms/core';
import { PROTOCOL_VERSION } from '@qms/protocol';
import type { Store } from '@qms/store';
import type { Logger } from 'pino';
import { z } from 'zod';
import { clientAddress } from '../auth/client-address';
import { checkPassword, createSession, type LoginPolicy } from '../auth/login';
import type { LoginGuard } from '../auth/login-guard';
import { hashToken } from '../auth/secrets';
import { bearerToken, readJson, sendError, sendJson, withErrors } from './json';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  loginPolicy: LoginPolicy;
  startedAt: number;
  version: string;
  /** Ends live sockets of a revoked session. */
  onSessionRevoked: (tokenHash: string) => void;
  guard: LoginGuard;
  /** Proxies whose X-Forwarded-For is believed (--trust-proxy). */
  trustedProxies: ReadonlySet<string>;
}

const loginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

type Route = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps) => Promise<void> | void;

const routes: Record<string, Route> = {
  'GET /api/health': (_req, res, d) => {
    const site = d.store.config.site();
    sendJson(res, 200, {
      ok: true,
      version: d.version,
      protocolVersion: PROTOCOL_VERSION,
      site: site?.name ?? null,
      uptimeS: Math.round((d.clock.now() - d.startedAt) / 1000),
      seq: d.store.events.lastSeq(),
    });
  },
  'POST /api/login': async (req, res, d) => {
    const parsed = loginBody.safeParse(await readJson(req));
    if (!parsed.success) return sendError(res, 'VALIDATION_FAILED', 'Cần tên đăng nhập và mật khẩu');
    const { username, password } = parsed.data;
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], d.trustedProxies);
    const login = { store: d.store, clock: d.clock, policy: d.loginPolicy, guard: d.guard };
    const attempt = { username, address, via: 'http' } as const;
    const officer = await checkPassword(login, attempt, password);
    const session = createSession(login, attempt, officer);
    d.logger.info({ officerId: officer.id, address }, 'officer logged in');
    sendJson(res, 200, {
      ok: true,
      data: {
        token: session.token,
        expiresAt: session.expiresAt,
        officer: { id: officer.id, username: officer.username, fullName: officer.fullName, role: officer.role },
      },
    });
  },
  'POST /api/logout': (req, res, d) => {
    const token = bearerToken(req);
    if (!token) return sendError(res, 'UNAUTHENTICATED', 'Thiếu mã phiên');
    const hash = hashToken(token);
    d.store.accounts.revokeSession(hash, d.clock.now());
    d.onSessionRevoked(hash);
    sendJson(res, 200, { ok: true, data: null });
  },
};

/** The JSON API under /api. Errors are `{ ok: false, error: { code, message } }` with an HTTP status. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = routes[`${req.method ?? 'GET'} ${path}`];
  if (!route) return sendError(res, 'NOT_FOUND', `Không có ${req.method} ${path.slice(0, 100)}`);
  await withErrors(res, (e) => deps.logger.error({ err: e, path }, 'api request failed'), () => route(req, res, deps));
}
