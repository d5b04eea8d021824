/**
 * Child process, baseline (b): a bare Socket.IO server, no auth, no domain. On 'call' it does
 * one synchronous better-sqlite3 insert+commit (hub pragmas), broadcasts the payload to every
 * socket, then acks. Run: node --import tsx test/bench/baseline-server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { eventTable, tempDb } from './baseline-db';
import { onParentGone, usageMeter, type ToChild } from './child';

export interface BaselineReady {
  url: string;
}

const { db: _db, remove } = tempDb('qms-bench-base-');
const insertCommit = eventTable(_db);
const http = createServer();
const io = new Server(http, { serveClient: false });
const meter = usageMeter();

io.on('connection', (socket) => {
  socket.on('call', (payload: unknown, ack: (r: unknown) => void) => {
    insertCommit(payload);
    io.emit('called', payload);
    ack({ ok: true });
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` } satisfies { type: 'ready' } & BaselineReady);
});
process.on('message', (m: ToChild) => {
  if (m.type === 'mark') meter.mark();
  else if (m.type === 'usage') process.send?.({ type: 'usage', usage: meter.read() });
});
onParentGone(
  () =>
    new Promise<void>((resolve) => {
      io.close(() => {
        remove();
        resolve();
      });
    }),
);
