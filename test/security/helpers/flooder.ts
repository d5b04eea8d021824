/**
 * Child process of test/security/flood.load.ts: floods a hub with one display token, as the
 * review did, then exits by itself. Usage: flooder.ts <url> <token> <durationMs> <requestsPerSecond>
 *
 * Opens new sockets of the token all the time (5 a second), sends a burst of 1,000
 * `sync:snapshot` the moment one connects (the review sent 3,000 at once), then more from every
 * live socket at the given total rate. Packets are written by hand on engine.io (pre-encoded, no
 * per-request timers), so the flood costs this process little and the machine's CPU goes to the
 * hub and the officers. Prints one JSON line of counts.
 */
import { PROTOCOL_VERSION } from '@qms/protocol';
import { Socket as EngineSocket } from 'engine.io-client';

const [url = '', token = '', durationText = '5000', rateText = '1500'] = process.argv.slice(2);
const durationMs = Number(durationText);
const perSecond = Number(rateText);
const BURST = 1_000;
const NEW_SOCKETS_PER_SECOND = 5;
const TICK_MS = 10;

const counts = { sent: 0, ok: 0, rateLimited: 0, otherErrors: 0, noAnswer: 0, connected: 0, refused: 0, ended: 0 };
const live = new Set<EngineSocket>();
const all: EngineSocket[] = [];
const connectPacket = `0${JSON.stringify({ kind: 'device', token, protocolVersion: PROTOCOL_VERSION })}`;
let ackId = 0;

// never outlive the test, whatever happens
setTimeout(() => process.exit(0), durationMs + 10_000).unref();

function onPacket(engine: EngineSocket, packet: string): void {
  if (packet.startsWith('0')) {
    counts.connected++;
    live.add(engine);
    for (let i = 0; i < BURST; i++) send(engine);
  } else if (packet.startsWith('4')) {
    counts.refused++;
  } else if (packet.startsWith('3')) {
    if (packet.includes('"ok":true')) counts.ok++;
    else if (packet.includes('"RATE_LIMITED"')) counts.rateLimited++;
    else counts.otherErrors++;
  }
}

function open(): void {
  const engine = new EngineSocket(url, { transports: ['websocket'], path: '/socket.io/' });
  all.push(engine);
  engine.on('open', () => engine.send(connectPacket));
  engine.on('message', (m) => onPacket(engine, String(m)));
  engine.on('close', () => {
    if (live.delete(engine)) counts.ended++;
  });
  engine.on('error', () => undefined);
}

function send(engine: EngineSocket): void {
  counts.sent++;
  engine.send(`2${++ackId}["sync:snapshot",{}]`);
}

const started = Date.now();
let credit = 0;
let socketCredit = 0;
const timer = setInterval(() => {
  if (Date.now() - started >= durationMs) {
    clearInterval(timer);
    setTimeout(() => {
      for (const s of all) s.close();
      counts.noAnswer = counts.sent - counts.ok - counts.rateLimited - counts.otherErrors;
      process.stdout.write(`${JSON.stringify(counts)}\n`);
      process.exit(0);
    }, 1000);
    return;
  }
  socketCredit += (NEW_SOCKETS_PER_SECOND * TICK_MS) / 1000;
  for (; socketCredit >= 1; socketCredit--) open();
  credit += (perSecond * TICK_MS) / 1000;
  const sockets = [...live];
  for (let i = 0; credit >= 1 && sockets.length > 0; i++, credit--) send(sockets[i % sockets.length] as EngineSocket);
  if (sockets.length === 0) credit = 0;
}, TICK_MS);
