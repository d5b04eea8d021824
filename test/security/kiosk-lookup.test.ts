/**
 * The kiosk's result-pickup keypad: codes are yymmdd + a daily number, so typing them one after
 * another walks through the day's dossiers. Without the receipt's key (the QR link) a kiosk sees
 * status and dates only, at most UNVERIFIED_PER_MINUTE a minute, then nothing for a cool-down.
 */
import type { DossierView } from '@qms/protocol';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { UNVERIFIED_COOL_DOWN_MS, UNVERIFIED_PER_MINUTE } from '../../apps/hub/src/dossiers/lookup-throttle';
import { TestClient, data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { buildScene, type Scene } from './helpers/scene';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const keyOf = (d: DossierView): string => new URL(d.lookupPath, 'http://x').searchParams.get('k') ?? '';
type Ack = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };

/** Six more dossiers today, so the walk meets real codes. */
async function moreDossiers(scene: Scene): Promise<DossierView[]> {
  const list: DossierView[] = [];
  for (let i = 0; i < 6; i += 1) {
    list.push(
      data(
        await scene.officer.send('dossier:create', {
          ticketId: scene.called.id,
          procedureId: 'tt-ks',
          applicant: { fullName: `Đỗ Thị Lan ${i}`, cccd: null, phone: null, birthDate: null, address: null },
          idempotencyKey: `k-${randomUUID()}`,
        }),
      ),
    );
  }
  return list;
}

describe('kiosk dossier look-up', () => {
  it('without the receipt key: status and dates, no procedure and no name; with it: both', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    const bare = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code }));
    expect(bare).toMatchObject({ code: scene.dossier.code, status: 'processing', procedureName: null, maskedName: null });
    expect(JSON.stringify(bare)).not.toMatch(/Nguyễn|Xác nhận/);
    const keyed = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code, key: keyOf(scene.dossier) }));
    expect(keyed).toMatchObject({ maskedName: 'Nguyễn V** B', procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân' });
    // another dossier's key is no key
    const wrong = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code, key: keyOf(scene.readyDossier) }));
    expect(wrong).toMatchObject({ procedureName: null, maskedName: null });
    // the result-pickup ticket's answer follows the same rule
    const pickup = data(await scene.kiosk.send('ticket:issuePickup', { code: scene.readyDossier.code, idempotencyKey: 'pickup-bare-01' }));
    expect(pickup.dossier).toMatchObject({ status: 'result_ready', procedureName: null, maskedName: null });
    data(await scene.officer.send('dossier:setStatus', { dossierId: scene.dossier.id, status: 'result_ready' }));
    const withKey = data(await scene.kiosk.send('ticket:issuePickup', { code: scene.dossier.code, key: keyOf(scene.dossier), idempotencyKey: 'pickup-key-01' }));
    expect(withKey.dossier.maskedName).toBe('Nguyễn V** B');
  });

  it('a walk through the day’s codes is stopped after a few, for a cool-down; a scanned receipt still works', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    const today = [scene.dossier, scene.readyDossier, ...(await moreDossiers(scene))];
    const walk: string[] = [];
    for (const d of today) {
      const ack = (await scene.kiosk.sendRaw('dossier:lookup', { code: d.code })) as Ack;
      walk.push(ack.ok ? 'ok' : (ack.error?.code ?? '?'));
    }
    const answered = UNVERIFIED_PER_MINUTE;
    expect(walk).toEqual([...Array<string>(answered).fill('ok'), ...Array<string>(today.length - answered).fill('RATE_LIMITED')]);
    // unknown codes count too, and pick-up requests
    const pickup = (await scene.kiosk.sendRaw('ticket:issuePickup', { code: scene.readyDossier.code, idempotencyKey: 'walk-pickup-1' })) as Ack;
    expect(pickup.error?.code).toBe('RATE_LIMITED');
    // the citizen with a receipt is not blocked by the walker
    const scanned = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code, key: keyOf(scene.dossier) }));
    expect(scanned.maskedName).toBe('Nguyễn V** B');
    // a minute later the kiosk is still cooling down; after the cool-down it may look up again
    h.clock.advance(60_000);
    expect(((await scene.kiosk.sendRaw('dossier:lookup', { code: scene.dossier.code })) as Ack).error?.code).toBe('RATE_LIMITED');
    h.clock.advance(UNVERIFIED_COOL_DOWN_MS);
    expect(((await scene.kiosk.sendRaw('dossier:lookup', { code: scene.dossier.code })) as Ack).ok).toBe(true);
  });

  it('the limit is per kiosk device: another kiosk is not cooled down by the walker', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    for (let i = 1; i <= UNVERIFIED_PER_MINUTE + 1; i += 1) {
      await scene.kiosk.sendRaw('dossier:lookup', { code: `${scene.dossier.code.slice(0, -4)}${String(9000 + i)}` });
    }
    expect(((await scene.kiosk.sendRaw('dossier:lookup', { code: scene.dossier.code })) as Ack).error?.code).toBe('RATE_LIMITED');
    const made = data(await scene.admin.send('device:save', { kind: 'kiosk', name: 'Kiosk tầng 2', settings: {} }));
    if (!('token' in made)) throw new Error('no token for the new kiosk');
    const other = new TestClient(h.url, { kind: 'device', token: made.token });
    try {
      await other.ready();
      expect(((await other.sendRaw('dossier:lookup', { code: scene.dossier.code })) as Ack).ok).toBe(true);
    } finally {
      other.close();
    }
  });
});
