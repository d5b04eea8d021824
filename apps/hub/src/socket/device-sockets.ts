import type { Logger } from 'pino';
import type { CommandRateLimiter } from '../commands/rate-limit';
import { ConnectError } from './auth';
import type { HubSocket } from './types';

/** Live sockets one device token may hold (HubOptions.maxSocketsPerDevice). */
export const DEFAULT_MAX_SOCKETS_PER_DEVICE = 8;

export const TOO_MANY_CONNECTIONS_MESSAGE =
  'Thiết bị này đã mở quá nhiều kết nối; kết nối cũ nhất đã được đóng. Mỗi màn hình, ki-ốt nên có mã thiết bị riêng.';

export const FLOODING_MESSAGE = 'Thiết bị gửi yêu cầu liên tục dù đã bị từ chối; kết nối đã bị đóng.';

/**
 * Ends a socket that keeps sending after its commands are refused (MAX_REFUSALS_IN_A_ROW), so a
 * flood stops costing the hub even the refusals; reconnecting costs the device a snapshot's tokens.
 */
export function endFloodingSocket(socket: HubSocket, logger: Logger): void {
  logger.warn({ role: socket.data.role, actorId: socket.data.actorId }, 'socket ended: it kept sending while rate limited');
  socket.emit('hub:notice', { code: 'RATE_LIMITED', message: FLOODING_MESSAGE });
  socket.disconnect(true);
}

/**
 * The sockets of each device token, for the cap on live connections per device. Runs as the
 * handshake step after authentication: a new connection costs its device (or staff account) a
 * snapshot's tokens (else `connect_error` RATE_LIMITED), and when the device then holds more than `max` sockets the
 * OLDEST are ended (`hub:notice` TOO_MANY_CONNECTIONS, then a server-side disconnect). The newest
 * is kept because it has just proved it is alive, while an old one may be half-open: a display
 * that reconnects after a network drop is never refused because of its own dead socket.
 * Staff sockets are not capped here (they are limited per account by the command buckets).
 */
export class DeviceSockets {
  private readonly byDevice = new Map<string, Set<HubSocket>>();

  constructor(
    private readonly max: number,
    private readonly limiter: CommandRateLimiter,
  ) {}

  /** Socket.IO middleware step: `undefined` admits the socket, a ConnectError refuses it. */
  admit(socket: HubSocket): ConnectError | undefined {
    const { deviceId, role, actorId } = socket.data;
    const wait = this.limiter.admitConnection({ role, id: actorId, deviceId });
    if (wait > 0) {
      // once the refusal is written, the transport goes too: a flood of refused connections must not
      // stay open for socket.io's 45 s connect timeout (socket.io-client closes it itself anyway)
      setImmediate(() => socket.conn.close());
      const message = `Thiết bị hoặc tài khoản kết nối lại quá nhiều lần; xin thử lại sau ${Math.ceil(wait / 1000)} giây`;
      return new ConnectError({ code: 'RATE_LIMITED', message });
    }
    if (!deviceId) return undefined;
    const live = this.byDevice.get(deviceId) ?? new Set<HubSocket>();
    this.byDevice.set(deviceId, live);
    live.add(socket);
    const forget = (): void => this.forget(deviceId, socket);
    socket.once('disconnect', forget);
    // a socket refused or dropped before it finished connecting never sees 'disconnect'
    socket.conn.once('close', forget);
    for (const old of [...live]) {
      if (live.size <= this.max) break;
      if (old !== socket) this.end(deviceId, old);
    }
    return undefined;
  }

  /** Sockets of a device as counted now (tests). */
  count(deviceId: string): number {
    return this.byDevice.get(deviceId)?.size ?? 0;
  }

  private end(deviceId: string, socket: HubSocket): void {
    this.forget(deviceId, socket);
    if (socket.connected) {
      socket.emit('hub:notice', { code: 'TOO_MANY_CONNECTIONS', message: TOO_MANY_CONNECTIONS_MESSAGE });
      socket.disconnect(true);
    } else {
      socket.conn.close();
    }
  }

  private forget(deviceId: string, socket: HubSocket): void {
    const live = this.byDevice.get(deviceId);
    if (!live) return;
    live.delete(socket);
    if (live.size === 0) this.byDevice.delete(deviceId);
  }
}
