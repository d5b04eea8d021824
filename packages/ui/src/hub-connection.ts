import {
  PROTOCOL_VERSION,
  type AckResult,
  type ClientToServerEvents,
  type CommandPayload,
  type CommandResults,
  type HandshakeAuth,
  type HubEvent,
  type ServerToClientEvents,
} from '@qms/protocol';
import { io, type Socket } from 'socket.io-client';
import { applyEvent, fromSnapshot, type HubState } from './hub-state';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionView {
  status: ConnectionStatus;
  state: HubState | null;
  /** Code and message of a refused handshake (wrong token, revoked, other protocol version). */
  refusal: { code: string; message: string } | null;
}

type AuthInput = HandshakeAuth extends infer A ? (A extends HandshakeAuth ? Omit<A, 'protocolVersion'> : never) : never;
type Listener = () => void;

const COMMAND_TIMEOUT_MS = 8000;
/** A handshake refused with RATE_LIMITED (a device reconnecting too often) is tried again after this long. */
const RATE_LIMITED_RETRY_MS = 5000;

/**
 * One live connection to the hub shared by a screen: keeps the snapshot, applies events in
 * sequence order, asks for a fresh snapshot on a gap, and reconnects by itself.
 */
export class HubConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private view: ConnectionView = { status: 'connecting', state: null, refusal: null };
  private readonly listeners = new Set<Listener>();
  private readonly eventListeners = new Set<(e: HubEvent, live: boolean) => void>();
  private resyncing = false;
  private closed = false;

  constructor(url: string, auth: AuthInput, options: { transports?: string[] } = {}) {
    this.socket = io(url, {
      auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
      transports: options.transports ?? ['websocket', 'polling'],
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
      timeout: 4000,
    });
    this.socket.on('hub:snapshot', (snapshot) => {
      this.resyncing = false;
      this.set({ status: 'online', state: fromSnapshot(snapshot), refusal: null });
    });
    this.socket.on('hub:events', (list) => list.forEach((e) => this.onEvent(e)));
    this.socket.on('disconnect', (reason) => {
      this.set({ ...this.view, status: 'offline' });
      // the hub ended this socket (token revoked or rotated, session ended): try once more so the
      // screen shows why the hub refuses it, instead of staying "offline" forever
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { code: string; message: string } }).data;
      if (data) this.set({ ...this.view, status: 'refused', refusal: data });
      else this.set({ ...this.view, status: 'offline' });
      // too many connections of this device lately: the hub will take it again in a few seconds
      if (data?.code === 'RATE_LIMITED') setTimeout(() => !this.closed && this.socket.connect(), RATE_LIMITED_RETRY_MS);
    });
  }

  private onEvent(e: HubEvent): void {
    const state = this.view.state;
    if (!state || this.resyncing) return;
    const r = applyEvent(state, e);
    if (r.gap) {
      void this.resync();
      return;
    }
    if (r.state !== state) {
      this.set({ ...this.view, state: r.state });
      for (const l of this.eventListeners) l(e, true);
      // names, fields, counters or this device's settings changed: take the new configuration now
      if (e.type === 'config:changed') void this.resync();
    }
  }

  /** Replaces the state with a fresh snapshot (after a gap in event numbers). */
  async resync(): Promise<void> {
    this.resyncing = true;
    const r = await this.send('sync:snapshot', {});
    this.resyncing = false;
    if (r.ok) this.set({ ...this.view, state: fromSnapshot(r.data) });
  }

  get current(): ConnectionView {
    return this.view;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** Live events after they were applied (not replayed after a resync). */
  onHubEvent(l: (e: HubEvent, live: boolean) => void): () => void {
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  }

  onNotice(l: (n: { code: string; message: string }) => void): () => void {
    this.socket.on('hub:notice', l);
    return () => this.socket.off('hub:notice', l);
  }

  /** Sends a command; a lost connection or a timeout is an error ack, never a silent success. */
  async send<C extends keyof CommandResults>(name: C, payload: CommandPayload<C>): Promise<AckResult<CommandResults[C]>> {
    if (!this.socket.connected) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Mất kết nối với máy chủ', details: { transport: true } } };
    }
    try {
      const emitter = this.socket.timeout(COMMAND_TIMEOUT_MS) as unknown as {
        emitWithAck(n: string, p: unknown): Promise<AckResult<CommandResults[C]>>;
      };
      return await emitter.emitWithAck(name, payload);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Máy chủ không trả lời', details: { transport: true } } };
    }
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }

  private set(v: ConnectionView): void {
    this.view = v;
    for (const l of this.listeners) l();
  }
}

/** True when no answer came back (connection lost, timeout): the command may or may not have been applied. */
export function isTransportFailure(r: AckResult<unknown>): boolean {
  return !r.ok && r.error.details?.['transport'] === true;
}

/** A random idempotency key (one per user action; retries of that action reuse it). */
export function newKey(prefix: string): string {
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${rand}`;
}
