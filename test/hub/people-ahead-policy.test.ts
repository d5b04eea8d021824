import type { PriorityPolicy } from '@qms/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { data, type TestClient } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

// Cư trú is the first field of counter q5, which serves no other waiting tickets here.
const FIELD = 'cu-tru';

let h: TestHub;
let admin: TestClient;
let kiosk: TestClient;
beforeEach(async () => {
  h = await startTestHub();
  admin = h.admin();
  kiosk = h.kiosk();
  await Promise.all([admin.ready(), kiosk.ready()]);
});
afterEach(async () => {
  await h.close();
});

async function setPriority(priority: PriorityPolicy): Promise<void> {
  const site = admin.snapshots.at(-1)?.site;
  if (!site) throw new Error('no snapshot');
  data(await admin.send('site:update', { name: site.name, agencyCode: site.agencyCode, openingHours: site.openingHours, priority, pickupFieldId: h.store.config.pickupFieldId() }));
}

async function issue(key: string, priorityGroup: 'elderly' | 'pregnant' | null) {
  return data(await kiosk.send('ticket:issue', { fieldId: FIELD, priorityGroup, idempotencyKey: key }));
}

/** People ahead as the citizen's phone page (/t/<id>) shows it. */
async function publicStatus(id: string): Promise<{ peopleAhead: unknown; priority: unknown }> {
  const body = (await (await fetch(`${h.url}/api/public/tickets/${id}`)).json()) as { data: { peopleAhead: unknown; priority: unknown } };
  return body.data;
}
async function publicAhead(id: string): Promise<unknown> {
  return (await publicStatus(id)).peopleAhead;
}

/** The order counter q5 actually calls in (one drain per test: a fresh hub each time). */
async function callOrder(n: number): Promise<string[]> {
  const o = await h.officerAt('canbo5', 'q5');
  const order: string[] = [];
  for (let i = 0; i < n; i += 1) order.push(data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: `call-00000${i}` })).ticket?.id ?? 'none');
  return order;
}

describe('people ahead follows the site priority policy', () => {
  it('a group the site disabled counts as a normal ticket, on the issued ticket and the phone page', async () => {
    const all: PriorityPolicy = { enabledGroups: ['elderly', 'pregnant'], maxConsecutivePriority: 2 };
    await setPriority(all);
    const n0 = (await issue('grp-000001', null)).ticket;
    const pregnant = (await issue('grp-000002', 'pregnant')).ticket;
    expect(await publicAhead(n0.id)).toBe(1); // pregnant is priority while enabled
    expect((await publicStatus(pregnant.id)).priority).toBe(true);

    await setPriority({ ...all, enabledGroups: ['elderly'] });
    expect(await publicAhead(n0.id)).toBe(0);
    const elderly = await issue('grp-000003', 'elderly');
    expect(elderly.peopleAhead).toBe(0); // the disabled group is not ahead of an enabled one
    expect(await publicAhead(pregnant.id)).toBe(2);
    expect((await publicStatus(pregnant.id)).priority).toBe(false); // the phone page no longer marks it
    expect(await callOrder(3)).toEqual([elderly.ticket.id, n0.id, pregnant.id]);
  });

  it('with priority off, people ahead is plain issue order', async () => {
    const n1 = (await issue('off-000001', null)).ticket;
    const p1 = await issue('off-000002', 'elderly');
    expect(p1.peopleAhead).toBe(0);
    expect(await publicAhead(n1.id)).toBe(1);

    await setPriority({ enabledGroups: ['elderly'], maxConsecutivePriority: 0 });
    const p2 = await issue('off-000003', 'elderly');
    expect(p2.peopleAhead).toBe(2);
    expect(await publicAhead(n1.id)).toBe(0);
    expect(await publicAhead(p1.ticket.id)).toBe(1);
    expect((await publicStatus(p1.ticket.id)).priority).toBe(false);
    expect(await callOrder(3)).toEqual([n1.id, p1.ticket.id, p2.ticket.id]);
  });
});
