import { Socket as EngineSocket } from 'engine.io-client';

/**
 * A Socket.IO client written by hand on top of engine.io: it sends packets exactly as given
 * (no CONNECT at all, events before CONNECT, reserved event names, broken packets), so tests
 * can see what the hub does with traffic a well-behaved client never produces.
 */
export class RawSocketIo {
  readonly received: string[] = [];
  private readonly engine: EngineSocket;
  private closedFlag = false;

  private constructor(url: string) {
    this.engine = new EngineSocket(url, { transports: ['websocket'], path: '/socket.io/' });
    this.engine.on('message', (m) => this.received.push(typeof m === 'string' ? m : `<binary ${String(m)}>`));
    this.engine.on('close', () => {
      this.closedFlag = true;
    });
  }

  static async open(url: string): Promise<RawSocketIo> {
    const s = new RawSocketIo(url);
    await new Promise<void>((resolve, reject) => {
      s.engine.once('open', () => resolve());
      s.engine.once('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
    });
    return s;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /**
   * Sends one Socket.IO packet as text (engine.io adds its own `4`): `0{"kind":…}` is CONNECT,
   * `21["sync:snapshot",{}]` an EVENT with ack id 1. Received packets look the same (`0{"sid"…}`,
   * `4{…}` CONNECT_ERROR, `2[…]` EVENT, `31[…]` ACK of id 1).
   */
  send(packet: string): void {
    this.engine.send(packet);
  }

  /** Waits until a received packet matches, or returns null after `ms`. */
  async waitFor(match: (packet: string) => boolean, ms = 1000): Promise<string | null> {
    const until = Date.now() + ms;
    for (;;) {
      const hit = this.received.find(match);
      if (hit !== undefined) return hit;
      if (Date.now() > until || this.closedFlag) return this.received.find(match) ?? null;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.engine.close();
  }
}
