import { statSync } from 'node:fs';
import type { AckResult, HubEvent } from '@qms/protocol';
import { CHECKPOINT_MAX_YIELDS, afterQueuedCommands, type Actor } from '@qms/hub';
import { DEFAULT_CHECKPOINT_BACKSTOP_PAGES, DEFAULT_CHECKPOINT_EVERY } from '@qms/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

/**
 * Group commit: the commands that arrive in one turn of the event loop run in one transaction,
 * each in its own savepoint, and are acknowledged and broadcast only after that commit.
 * Commands are handed to the executor in one synchronous block here, so they form one group
 * for certain (over sockets, grouping depends on how the packets happen to arrive).
 */
let h: TestHub;
let groups: number[];
beforeEach(async () => {
  h = await startTestHub();
  groups = [];
  h.hub.executor.onGroup = (size) => groups.push(size);
});
afterEach(async () => {
  await h.close();
});

function kioskActor(): Actor {
  const device = h.store.accounts.devices().find((d) => d.kind === 'kiosk');
  if (!device) throw new Error('no kiosk in the demo site');
  return { role: 'kiosk', id: device.id, name: device.name, deviceId: device.id };
}
const officer = (id: string): Actor => ({ role: 'officer', id, name: id, deviceId: null });
let keys = 0;
/** Issue and call-next take an idempotency key. */
const key = (): string => `group-commit-${++keys}`;

function ticketCount(fieldId?: string): number {
  const sql = fieldId ? 'SELECT COUNT(*) AS n FROM tickets WHERE field_id = ?' : 'SELECT COUNT(*) AS n FROM tickets';
  const row = (fieldId ? h.store.db.prepare(sql).get(fieldId) : h.store.db.prepare(sql).get()) as { n: number };
  return row.n;
}

/** Records every `hub:events` frame a display receives. */
async function displayFrames(): Promise<HubEvent[][]> {
  const display = h.display();
  await display.ready();
  const frames: HubEvent[][] = [];
  display.socket.on('hub:events', (list) => frames.push(list));
  return frames;
}

describe('group commit', () => {
  it('commands of one turn commit together, are answered in order and reach a display as one frame', async () => {
    const frames = await displayFrames();
    const kiosk = kioskActor();
    const ex = h.hub.executor;
    const acks = await Promise.all([
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key() }),
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'no-such-field', idempotencyKey: key() }),
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: key() }),
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key() }),
    ]);
    expect(groups).toEqual([4]);
    expect(acks.map((a) => a.ok)).toEqual([true, false, true, true]);
    expect(acks[1]?.ok === false && acks[1].error.code).toBe('NOT_FOUND');
    const numbers = acks.flatMap((a) => (a.ok ? [(a.data as { ticket: { number: string } }).ticket.number] : []));
    expect(new Set(numbers).size).toBe(3);
    expect(ticketCount()).toBe(3);

    await waitFor(() => frames.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(frames).toHaveLength(1);
    const seqs = frames[0]?.map((e) => e.seq) ?? [];
    expect(seqs).toHaveLength(3);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
  });

  it('a command sees what the earlier commands of its group did (open, issue, call in one group)', async () => {
    const ex = h.hub.executor;
    const [opened, issued, called] = await Promise.all([
      ex.execute(officer('canbo1'), 'counter:open', { counterId: 'q1' }),
      ex.execute(kioskActor(), 'ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key() }),
      ex.execute(officer('canbo1'), 'counter:callNext', { counterId: 'q1', idempotencyKey: key() }),
    ]);
    expect(groups).toEqual([3]);
    expect(opened?.ok).toBe(true);
    const ticket = (data(issued as AckResult<{ ticket: { id: string } }>)).ticket;
    expect(data(called as AckResult<{ ticket: { id: string } | null }>).ticket?.id).toBe(ticket.id);
    expect(h.store.tickets.byId(ticket.id)?.status).toBe('called');
  });

  it('a command that fails half-way leaves nothing behind and the rest of its group commits', async () => {
    // the ticket row of a "Cư trú" ticket is written, then its event row is refused
    h.store.db.exec(`CREATE TEMP TRIGGER refuse_cu_tru BEFORE INSERT ON main.events
      WHEN NEW.type = 'ticket:issued' AND json_extract(NEW.data_json, '$.ticket.fieldId') = 'cu-tru'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const ex = h.hub.executor;
    const kiosk = kioskActor();
    const acks = await Promise.all([
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: key() }),
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'cu-tru', idempotencyKey: key() }),
      ex.execute(kiosk, 'ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: key() }),
    ]);
    expect(groups).toEqual([3]);
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'INTERNAL', 'ok']);
    expect(ticketCount('cu-tru')).toBe(0);
    expect(ticketCount('chung-thuc')).toBe(2);
    // the failed command did not use up a number: the next Cư trú ticket is the field's first
    h.store.db.exec('DROP TRIGGER temp.refuse_cu_tru');
    const next = data((await ex.execute(kiosk, 'ticket:issue', { fieldId: 'cu-tru', idempotencyKey: key() })) as AckResult<{ ticket: { seq: number } }>);
    const first = h.store.config.fields().find((f) => f.id === 'cu-tru')?.numberFormat.rangeStart;
    expect(next.ticket.seq).toBe(first);
  });

  it('when the group cannot commit, every command of it fails, nothing is stored or broadcast, and the caches stay true', async () => {
    const frames = await displayFrames();
    const store = h.store;
    const transaction = store.transaction.bind(store);
    let depth = 0;
    // fault injection: the outer transaction (the group) fails after its commands ran, before COMMIT
    store.transaction = <T>(fn: () => T): T => {
      depth++;
      try {
        if (depth > 1) return transaction(fn);
        return transaction(() => {
          fn();
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        });
      } finally {
        depth--;
      }
    };
    const ex = h.hub.executor;
    const acks = await Promise.all([
      ex.execute(officer('canbo1'), 'counter:open', { counterId: 'q1' }),
      ex.execute(kioskActor(), 'ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key() }),
      ex.execute(kioskActor(), 'ticket:issue', { fieldId: 'no-such-field', idempotencyKey: key() }),
    ]);
    store.transaction = transaction;
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['STORAGE_FULL', 'STORAGE_FULL', 'NOT_FOUND']);
    expect(ticketCount()).toBe(0);
    expect(store.config.counters().find((c) => c.id === 'q1')?.status).toBe('closed');
    // the executor's cache saw q1 open inside the failed group; it must not believe that now
    const call = await ex.execute(officer('canbo1'), 'counter:callNext', { counterId: 'q1', idempotencyKey: key() });
    expect(call.ok === false && call.error.code).toBe('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 50));
    expect(frames).toHaveLength(0);
  });

  it('over sockets, a burst from several kiosks is grouped and every ticket is acknowledged once', async () => {
    const kiosks = [h.kiosk(), h.kiosk(), h.kiosk()];
    await Promise.all(kiosks.map((k) => k.ready()));
    const acks = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        kiosks[i % 3]?.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `burst-key-${i}` }),
      ),
    );
    const ids = acks.map((a) => data(a as AckResult<{ ticket: { id: string } }>).ticket.id);
    expect(new Set(ids).size).toBe(90);
    expect(ticketCount('chung-thuc')).toBe(90);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(90);
    expect(Math.max(...groups)).toBeGreaterThan(1);
  });
});

describe('WAL checkpoints', () => {
  it('run after the acknowledgements, not inside the commits: the hub turns SQLite auto-checkpoint into a backstop and restarts the WAL itself', async () => {
    expect(h.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(DEFAULT_CHECKPOINT_BACKSTOP_PAGES);
    const kiosk = kioskActor();
    const walFrames = () => (statSync(`${h.dbPath}-wal`).size - 32) / (24 + 4096);
    // the WAL file keeps its size when it restarts: its size is the most frames it ever held
    let perCommit = 0;
    for (let i = 0; i < 3 * DEFAULT_CHECKPOINT_EVERY; i++) {
      const before = walFrames();
      const ack = await h.hub.executor.execute(kiosk, 'ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: key() });
      expect(ack.ok).toBe(true);
      perCommit = Math.max(perCommit, walFrames() - before);
    }
    expect(ticketCount('chung-thuc')).toBe(3 * DEFAULT_CHECKPOINT_EVERY);
    expect(perCommit).toBeGreaterThan(0);
    // 192 commits went through a WAL that never held much more than 64 of them: each command here
    // is sent the moment the previous one is answered, so a due checkpoint gives way to at most
    // CHECKPOINT_MAX_YIELDS of them before it runs
    expect(walFrames()).toBeLessThanOrEqual((DEFAULT_CHECKPOINT_EVERY + CHECKPOINT_MAX_YIELDS + 2) * perCommit);
  });

  it('never run while a command waits for its group: one that arrived first commits and is answered first', async () => {
    const ex = h.hub.executor;
    const kiosk = kioskActor();
    const db = h.store.db;
    const pragma = db.pragma.bind(db);
    // what was waiting each time a checkpoint ran
    const queuedAtCheckpoint: number[] = [];
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('wal_checkpoint')) queuedAtCheckpoint.push(ex.queued);
      return pragma(source, options);
    }) as typeof db.pragma;
    const issue = () => ({ fieldId: 'chung-thuc', idempotencyKey: key() });
    // pairs: the second command is submitted from the first one's acknowledgement, i.e. right after
    // its commit and before a checkpoint that commit made due can start
    const pair = () =>
      new Promise<void>((resolve, reject) => {
        ex.submit(kiosk, 'ticket:issue', issue(), (first) => {
          if (!first.ok) return reject(new Error(first.error.code));
          ex.submit(kiosk, 'ticket:issue', issue(), (second) => (second.ok ? resolve() : reject(new Error(second.error.code))));
        });
      });
    // one single command between two runs of pairs, so checkpoints fall due on first and on second commands
    // (a turn of the event loop after each pair: a citizen does not follow at once)
    const nextTurn = () => new Promise((r) => setImmediate(r));
    for (let i = 0; i < DEFAULT_CHECKPOINT_EVERY; i++) await pair().then(nextTurn);
    expect((await ex.execute(kiosk, 'ticket:issue', issue())).ok).toBe(true);
    await nextTurn();
    for (let i = 0; i < DEFAULT_CHECKPOINT_EVERY; i++) await pair().then(nextTurn);
    await new Promise((r) => setTimeout(r, 50));
    expect(queuedAtCheckpoint.length).toBeGreaterThanOrEqual(3);
    expect(queuedAtCheckpoint.every((n) => n === 0)).toBe(true);
  });

  it('under a burst that leaves a command waiting at every turn, a due checkpoint still runs after CHECKPOINT_MAX_YIELDS turns', async () => {
    let ran = false;
    afterQueuedCommands(() => 1, () => (ran = true));
    for (let i = 0; i < CHECKPOINT_MAX_YIELDS; i++) {
      await new Promise((r) => setImmediate(r));
      expect(ran).toBe(false);
    }
    await waitFor(() => ran);
    let soon = false;
    afterQueuedCommands(() => 0, () => (soon = true));
    await new Promise((r) => setImmediate(r));
    expect(soon).toBe(true);
  });
});
