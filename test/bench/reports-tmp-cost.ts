import { Store, loadMigrations, migrate, openDatabase } from '@qms/store';
import { callTicket, finishTicket, startServing, type Ticket } from '@qms/core';
import { seedSite, siteConfig } from './reports-data';
function cost(dir: string, n: number): number {
  const db = openDatabase(':memory:'); migrate(db, undefined, loadMigrations(dir)); const store = new Store(db);
  const t0 = Date.UTC(2026, 10, 23, 1); seedSite(store, t0); const { fields, counters } = siteConfig();
  const started = performance.now();
  store.transaction(() => { for (let i = 0; i < n; i++) { const field = fields[i % 8]!; const counter = counters[i % 20]!; const issuedAt = t0 + i * 1000;
    let t: Ticket = { id: `w${i}`, serviceDay: '2026-11-23', fieldId: field.id, numberFieldId: field.id, seq: i + 1, number: String(i + 1), priorityGroup: null, status: 'waiting', issuedAt, calledAt: null, servingAt: null, finishedAt: null, counterId: null, officerId: null, callCount: 0, targetCounterId: null, transferCount: 0, note: null, source: 'kiosk', issuedBy: 'kiosk-1' };
    store.tickets.insert(t); t = callTicket(t, { counterId: counter.id, officerId: `o${(i % 25) + 1}`, at: issuedAt + (i % 47) * 60000 }); store.tickets.update(t);
    t = startServing(t, { at: t.calledAt! + 30000 }); store.tickets.update(t); t = finishTicket(t, { at: t.servingAt! + (i % 13) * 60000 }); store.tickets.update(t); } });
  db.close(); return (performance.now() - started) * 1000 / n;
}
for (let k = 0; k < 3; k++) console.log('A', cost('/tmp/migA', 20000).toFixed(1), 'B', cost('/tmp/migB', 20000).toFixed(1));
