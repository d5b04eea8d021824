import {
  PROTOCOL_VERSION,
  type AckResult,
  type ClientToServerEvents,
  type CommandPayload,
  type CommandResults,
  type HandshakeAuth,
  type HubEvent,
  type ServerToClientEvents,
  type Snapshot,
} from '@qms/protocol';
import { io, type Socket } from 'socket.io-client';

export type ConnectFailure = Error & { data?: { code: string; message: string } };
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type AuthInput = HandshakeAuth extends infer A ? (A extends HandshakeAuth ? Omit<A, 'protocolVersion'> : never) : never;

/**
 * A real socket.io-client over loopback that records every snapshot and event it receives.
 */
export class TestClient {
  readonly socket: ClientSocket;
  readonly events: HubEvent[] = [];
  readonly snapshots: Snapshot[] = [];
  private lastConnectError: ConnectFailure | null = null;

  constructor(url: string, auth: AuthInput | Record<string, unknown>, options: { reconnection?: boolean } = {}) {
    this.socket = io(url, {
      auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      forceNew: true,
    });
    this.socket.on('hub:events', (list) => this.events.push(...list));
    this.socket.on('hub:snapshot', (s) => this.snapshots.push(s));
    this.socket.on('connect_error', (e) => {
      this.lastConnectError = e as ConnectFailure;
    });
  }

  /** Resolves with the first snapshot (the hub sends one right after the handshake). */
  async ready(timeoutMs = 5000): Promise<Snapshot> {
    await waitFor(() => this.snapshots.length > 0 || this.connectError !== null, timeoutMs);
    if (this.connectError) throw this.connectError;
    return this.snapshots[this.snapshots.length - 1] as Snapshot;
  }

  get connectError(): ConnectFailure | null {
    return this.lastConnectError;
  }

  send<C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<AckResult<CommandResults[C]>> {
    return (this.socket.timeout(10_000) as unknown as RawEmitter).emitWithAck(name, payload) as Promise<
      AckResult<CommandResults[C]>
    >;
  }

  /** Like `send` but for arbitrary, possibly malformed traffic. */
  sendRaw(name: string, ...args: unknown[]): Promise<unknown> {
    return (this.socket.timeout(10_000) as unknown as RawEmitter).emitWithAck(name, ...args);
  }

  close(): void {
    this.socket.disconnect();
  }
}

interface RawEmitter {
  emitWithAck(name: string, ...args: unknown[]): Promise<unknown>;
}

export async function waitFor(cond: () => boolean, timeoutMs = 5000, stepMs = 5): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Unwraps an ack, failing the test with the error code when it is not ok. */
export function data<T>(ack: AckResult<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}
