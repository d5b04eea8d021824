import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Clock } from '@qms/core';
import { isStaffRole, type CommandInput, type Role } from '@qms/protocol';
import type { Store } from '@qms/store';
import pino, { type Logger } from 'pino';
import { Server } from 'socket.io';
import type { AddressLimiterOptions } from './auth/address-limiter';
import { clientAddress, normalizeAddress } from './auth/client-address';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './auth/login';
import { LoginGuard } from './auth/login-guard';
import type { UsernameLimiterOptions } from './auth/username-limits';
import { CommandExecutor } from './commands/executor';
import { CommandRateLimiter, type RateLimitOptions } from './commands/rate-limit';
import type { Actor } from './domain/context';
import { buildSnapshot } from './domain/snapshot';
import { handleApi } from './http/api';
import { handlePublicTicket } from './http/public-ticket';
import { handlePublicDossier } from './http/public-dossier';
import { originAllowed } from './http/origin';
import { handlePersonalData } from './http/personal-data';
import { handleDossierImport } from './http/dossier-import';
import { recoverImports } from './dossiers/import-apply';
import { ImportGate } from './workers/import-gate';
import { withErrors } from './http/json';
import { CSP, staticRoutes } from './http/static';
import { PrintService, type PrintFn } from './printing/print-service';
import { phoneLinkBase, type InterfaceList, type PhoneLink } from './network/phone-link';
import { saveOfficer } from './admin/account-commands';
import { handleBackupList, handleBackupNow, type BackupService } from './backup';
import { handleProcedureImport } from './catalog';
import { DEFAULT_TARGET_WAIT_MINUTES, handleReportExport } from './reports';
import { reportInWorker } from './reports/report-job';
import type { PrinterConfig } from '@qms/printer/config';
import { sendError } from './http/json';
import { ConnectError, authenticate } from './socket/auth';
import { staffAccessHolds } from './socket/staff-access';
import { DEFAULT_MAX_SOCKETS_PER_DEVICE, DeviceSockets, endFloodingSocket } from './socket/device-sockets';
import { PUBLIC_ROOM, STAFF_ROOM, broadcastEvents, officerRoom, roleRoom, sendNotices } from './socket/broadcast';
import type { HubServer, HubSocket } from './socket/types';

export const systemClock: Clock = { now: () => Date.now() };

export interface HubOptions {
  store: Store;
  clock?: Clock;
  logger?: Logger;
  loginPolicy?: Partial<LoginPolicy>;
  version?: string;
  /** Folder with the built web UIs (dist/web); null serves none. */
  webRoot?: string | null;
  /** Accept kiosk tickets at any hour (events, extra sessions); default: opening hours apply. */
  alwaysOpen?: boolean;
  /** Printer for kiosks without one in their device settings (QMS_PRINTER). */
  defaultPrinter?: PrinterConfig | null;
  /** Base URL of the ticket QR link (`--public-url`); without it, the LAN address the hub listens on (network/phone-link.ts). */
  publicUrl?: string | null;
  /**
   * The network as the hub sees it when it picks the QR link: the interface list (default
   * `os.networkInterfaces()`) and the listen host to reason about (default: the one passed to
   * `listen`). Tests, which may only bind loopback, describe a LAN PC here.
   */
  network?: { interfaces?: () => InterfaceList; listenHost?: string };
  /** The site's own voice recordings (`vi/manifest.json` + clips), served over the default pack. */
  voiceDir?: string | null;
  /** Backups (run.ts builds, starts and stops it); absent: no backup routes. */
  backups?: BackupService | null;
  /** Per-address limit of failed logins (password spraying); tests may lower it. */
  addressLimits?: Partial<AddressLimiterOptions>;
  /** Per-username limit of failed logins (from any address); tests may lower it. */
  usernameLimits?: Partial<UsernameLimiterOptions>;
  /** scrypt cost (N) of passwords set by officer:save; only tests that hash hundreds of times lower it. */
  passwordCost?: number;
  /** Proxies (IP addresses) whose X-Forwarded-For names the client of a login (--trust-proxy). */
  trustProxy?: readonly string[];
  /** Sends a ticket to a printer; the real ESC/POS printer by default. */
  print?: PrintFn;
  /** Other origins whose pages may open a socket or log in (`--allowed-origins`); the hub's own always may. */
  allowedOrigins?: readonly string[];
  /** Token buckets per socket and per device for every command (docs/protocol.md §7.1); load tests scale them up. */
  rateLimits?: Partial<RateLimitOptions>;
  /** Live sockets per device token (default 8); a new connection over it ends the device's oldest socket. */
  maxSocketsPerDevice?: number;
}

export interface Hub {
  readonly http: HttpServer;
  readonly io: HubServer;
  readonly executor: CommandExecutor;
  /** Runs `housekeeping` once (so the day rollover is done before any client connects), then listens. */
  listen(port: number, host: string): Promise<{ port: number; host: string; url: string; phoneLink: PhoneLink }>;
  /** Periodic duties (run every 15 s): day rollover at midnight, ending expired or revoked sessions. */
  housekeeping(): void;
  close(): Promise<void>;
}

const MAX_SOCKET_BUFFER = 1_000_000;
/** How long `close` waits for open HTTP requests before it ends their connections. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Builds the hub from its parts. Tests pass a temp database and a fake clock; `main` passes
 * the real ones. Nothing here opens files or reads the environment.
 */
export function createHub(options: HubOptions): Hub {
  const store = options.store;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'silent' });
  // WAL checkpoints after the acknowledgements, not inside a command's commit, and after the
  // commands already waiting (storage README)
  store.deferCheckpoints({
    schedule: (run) => afterQueuedCommands(() => executor.queued, run),
    onError: (err: unknown) => logger.warn({ err }, 'WAL checkpoint failed; retried later'),
  });
  const loginPolicy = { ...DEFAULT_LOGIN_POLICY, ...options.loginPolicy };
  const guard = new LoginGuard(clock, logger, { address: options.addressLimits, username: options.usernameLimits });
  const trustedProxies: ReadonlySet<string> = new Set((options.trustProxy ?? []).map(normalizeAddress));
  const login = { store, clock, policy: loginPolicy, guard };
  const apiDeps = {
    guard,
    trustedProxies,
    store,
    clock,
    logger,
    loginPolicy,
    startedAt: clock.now(),
    version: options.version ?? '0.1.0',
    onSessionRevoked: (hash: string) => endSessions((d) => d.sessionTokenHash === hash),
  };
  const http = createServer((req, res) => void route(req, res));
  const origins = new Set(options.allowedOrigins ?? []);
  /** A browser page of another site may not open a socket nor post a login (`http/origin.ts`); logged. */
  const crossSite = (req: IncomingMessage, what: string): boolean => {
    if (originAllowed(req, origins)) return false;
    logger.warn({ origin: String(req.headers.origin).slice(0, 200), address: req.socket.remoteAddress, what }, 'cross-origin request refused');
    return true;
  };
  const io: HubServer = new Server(http, {
    allowRequest: (req, callback) => {
      const refused = crossSite(req, 'socket');
      callback(refused ? 'Trang web này không được phép kết nối tới máy chủ' : null, !refused);
    },
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_BUFFER,
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });
  const executor = new CommandExecutor(store, clock, logger, (events, notices, disconnect) => {
    broadcastEvents(io, events);
    sendNotices(io, notices);
    endSockets(io, store, disconnect);
  });
  executor.runtime.enforceHours = !options.alwaysOpen;
  executor.runtime.presence = () => {
    const counts = new Map<string, number>();
    for (const socket of io.of('/').sockets.values()) {
      const id = socket.data.deviceId;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  let phoneLink: PhoneLink = { url: null, reason: 'loopback-only' };
  const printing = new PrintService({
    executor,
    print: options.print ?? printLazily,
    defaultPrinter: options.defaultPrinter ?? null,
  });
  executor.registerAsync('ticket:print', (actor, input) => printing.printTicket(actor, input));
  executor.registerAsync('printer:report', async (actor, input) => printing.report(actor, input));
  executor.registerAsync('officer:save', (actor, input) => saveOfficer(executor, actor, input, options.passwordCost));
  executor.registerAsync('report:run', async (_actor, input: CommandInput<'report:run'>) => {
    const reportOptions = { ...input, targetWaitMinutes: DEFAULT_TARGET_WAIT_MINUTES, now: clock.now() };
    return (await reportInWorker(store, executor.config, reportOptions)).report;
  });
  const serveStatic = staticRoutes(options.webRoot ?? null, options.voiceDir ?? null);

  recoverImports(store, logger);
  const adminDeps = { store, clock, executor, logger, imports: new ImportGate() };
  const ADMIN_ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    'GET /api/admin/personal-data': (req, res) => handlePersonalData(req, res, adminDeps, 'export'),
    'POST /api/admin/personal-data': (req, res) => handlePersonalData(req, res, adminDeps, 'export'),
    'POST /api/admin/personal-data/erase': (req, res) => handlePersonalData(req, res, adminDeps, 'erase'),
    'POST /api/admin/dossiers/import': (req, res) => handleDossierImport(req, res, adminDeps),
    'POST /api/admin/procedures/import': (req, res) => handleProcedureImport(req, res, adminDeps),
    'GET /api/admin/reports/export': (req, res) => handleReportExport(req, res, adminDeps),
  };
  const backups = options.backups ?? null;
  if (backups) {
    ADMIN_ROUTES['POST /api/admin/backups'] = (req, res) => handleBackupNow(req, res, { ...adminDeps, backups });
    ADMIN_ROUTES['GET /api/admin/backups'] = (req, res) => handleBackupList(req, res, { ...adminDeps, backups });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '';
    const ticket = /^\/api\/public\/tickets\/([^/?]+)$/.exec(path);
    if (ticket?.[1] && req.method === 'GET') return handlePublicTicket(res, executor, safeDecode(ticket[1]));
    const dossier = /^\/api\/public\/dossiers\/([^/?]+)$/.exec(path);
    if (dossier?.[1] && req.method === 'GET') {
      const key = new URL(url, 'http://hub').searchParams.get('k');
      return handlePublicDossier(res, executor, safeDecode(dossier[1]), key);
    }
    const admin = ADMIN_ROUTES[`${req.method ?? 'GET'} ${path}`];
    if (admin) return withErrors(res, (e) => logger.error({ err: e, path }, 'admin request failed'), () => admin(req, res));
    if (req.method === 'POST' && path === '/api/login' && crossSite(req, 'login')) {
      return sendError(res, 'FORBIDDEN', 'Trang web này không được phép đăng nhập vào máy chủ');
    }
    if (url.startsWith('/api/')) return handleApi(req, res, apiDeps);
    if (serveStatic(req, res)) return;
    if (url === '/' || url === '/index.html') return sendIndex(res);
    sendError(res, 'NOT_FOUND', 'Không tìm thấy trang');
  }

  io.use((socket, next) => {
    // the TCP peer as engine.io recorded it at the handshake (a polling request's socket may be gone by now)
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trustedProxies);
    authenticate(login, socket.handshake.auth, address)
      .then((data) => {
        socket.data = data;
        next();
      })
      .catch((e: unknown) => {
        if (!(e instanceof ConnectError)) logger.error({ err: e }, 'handshake failed');
        next(e instanceof ConnectError ? e : new ConnectError({ code: 'UNAUTHENTICATED', message: 'Lỗi xác thực' }));
      });
  });
  const rateLimiter = new CommandRateLimiter(options.rateLimits);
  const deviceSockets = new DeviceSockets(options.maxSocketsPerDevice ?? DEFAULT_MAX_SOCKETS_PER_DEVICE, rateLimiter);
  io.use((socket, next) => next(deviceSockets.admit(socket)));
  io.on('connection', (socket) => {
    // an account changed between the password check and now: the grant is stale before it is used
    if (!staffAccessHolds(store, socket.data, clock.now())) return endSession(socket);
    onConnection(socket, executor, rateLimiter, logger);
  });

  /** Tells a staff socket why, then disconnects it (the client asks for a new login). */
  function endSession(socket: HubSocket): void {
    socket.emit('hub:notice', { code: 'SESSION_REVOKED', message: 'Phiên đăng nhập đã kết thúc; hãy đăng nhập lại' });
    socket.disconnect(true);
  }

  function endSessions(match: (d: HubSocket['data']) => boolean): void {
    for (const socket of io.of('/').sockets.values()) if (match(socket.data)) endSession(socket);
  }

  function housekeeping(): void {
    try {
      executor.rollDayIfNeeded();
      const now = clock.now();
      // every staff socket, password or session: disabled, demoted, reset, expired or logged out
      endSessions((d) => !staffAccessHolds(store, d, now));
    } catch (e) {
      logger.error({ err: e }, 'housekeeping failed');
    }
  }
  const timer = setInterval(housekeeping, 15_000);
  timer.unref();

  return {
    housekeeping,
    http,
    io,
    executor,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        // the service day's duties (yesterday's leftovers, the report month) before anyone connects
        housekeeping();
        http.once('error', reject);
        http.listen(port, host, () => {
          const addr = http.address() as AddressInfo;
          const listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
          phoneLink = phoneLinkBase({
            publicUrl: options.publicUrl ?? null,
            listenHost: options.network?.listenHost ?? host,
            port: addr.port,
            interfaces: (options.network?.interfaces ?? networkInterfaces)(),
          });
          executor.runtime.phoneLinkBase = phoneLink.url;
          if (phoneLink.url === null) logger.warn({ reason: phoneLink.reason }, 'tickets print no QR: phones cannot reach this hub; set --public-url');
          resolve({ port: addr.port, host, url: listenUrl, phoneLink });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        // in-flight HTTP requests get a short grace; a connection a browser keeps busy must not hold the shutdown forever
        const force = setTimeout(() => http.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        io.close(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

/** A due checkpoint gives way to commands for at most this many turns of the event loop. */
export const CHECKPOINT_MAX_YIELDS = 16;

/**
 * Runs `run` (a WAL checkpoint, 1-5 ms) in a later turn of the event loop in which no command is
 * waiting for its group: a command that arrived first runs and is acknowledged first. Under a
 * sustained burst it runs anyway after CHECKPOINT_MAX_YIELDS turns (SQLite's auto-checkpoint stays
 * the backstop).
 */
export function afterQueuedCommands(queued: () => number, run: () => void, yields = 0): void {
  setImmediate(() => {
    if (queued() > 0 && yields < CHECKPOINT_MAX_YIELDS) afterQueuedCommands(queued, run, yields + 1);
    else run();
  });
}

/**
 * Ends the sockets of a revoked or rotated device and of disabled, demoted or reset accounts
 * (every staff socket of the account, however it authenticated), right after the commit.
 */
function endSockets(io: HubServer, store: Store, d: { devices: readonly string[]; officers: readonly string[]; keepSocket?: string }): void {
  if (d.devices.length === 0 && d.officers.length === 0) return;
  for (const socket of io.of('/').sockets.values()) {
    if (socket.id === d.keepSocket) {
      // the admin's own socket after changing their own password: granted again under the new version
      socket.data.accountVersion = store.accounts.officerById(socket.data.actorId)?.accountVersion ?? null;
      continue;
    }
    const { deviceId, actorId, role } = socket.data;
    if ((deviceId && d.devices.includes(deviceId)) || (isStaffRole(role) && d.officers.includes(actorId))) {
      socket.emit('hub:notice', { code: 'SESSION_REVOKED', message: 'Quyền truy cập của thiết bị hoặc tài khoản đã bị thu hồi' });
      socket.disconnect(true);
    }
  }
}

/** The real printer, loaded on the first print (the canvas renderer costs ~19 MB of memory). */
const printLazily: PrintFn = async (data, config) => (await import('@qms/printer')).printTicket(data, config);

function actorOf(socket: HubSocket): Actor {
  const d = socket.data;
  return { role: d.role, id: d.actorId, name: d.name, deviceId: d.deviceId, socketId: socket.id };
}

function onConnection(socket: HubSocket, executor: CommandExecutor, limiter: CommandRateLimiter, logger: Logger): void {
  const actor = actorOf(socket);
  const role = actor.role as Role;
  const bucket = limiter.socketBucket(role);
  void socket.join([roleRoom(role), isStaffRole(role) ? STAFF_ROOM : PUBLIC_ROOM]);
  if (isStaffRole(role)) void socket.join(officerRoom(actor.id));
  logger.debug({ role, actorId: actor.id }, 'socket connected');
  try {
    executor.rollDayIfNeeded();
  } catch (e) {
    logger.error({ err: e }, 'day rollover failed');
  }
  try {
    socket.emit('hub:snapshot', buildSnapshot(executor.readContext(actor), role));
  } catch (e) {
    logger.error({ err: e, actorId: actor.id }, 'snapshot failed on connect');
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: unknown) => void) : null;
    // before anything else looks at it (an emit without an ack too): a refused one costs the hub almost nothing
    const refused = limiter.admit(actor, String(event), bucket);
    if (refused) {
      ack?.(refused.refusal);
      if (refused.flooding) endFloodingSocket(socket, logger);
      return;
    }
    if (!ack) {
      logger.warn({ event: String(event).slice(0, 60), actorId: actor.id }, 'command without acknowledgement ignored');
      return;
    }
    executor.submit(actor, String(event), args.length > 1 ? args[0] : undefined, ack);
  });
}

/** A malformed %-escape is just an id that matches nothing (never an exception). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function sendIndex(res: ServerResponse): void {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hệ thống xếp hàng</title>
<body style="font-family:sans-serif"><h1>Hệ thống xếp hàng – Trung tâm Phục vụ hành chính công</h1>
<p>Máy chủ đang chạy. Kiểm tra: <a href="/api/health">/api/health</a></p>
<ul><li><a href="/kiosk/">Ki-ốt lấy số</a></li><li><a href="/counter/">Quầy (cán bộ)</a></li>
<li><a href="/display/">Màn hình gọi số</a></li><li><a href="/admin/">Quản trị</a></li></ul></body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'x-frame-options': 'DENY' });
  res.end(html);
}
