import type { HubEvent } from '@qms/protocol';
import { describe, expect, it } from 'vitest';
import { dossierPanelReloads } from './dossier-events';

const body = (id: string) => ({ id, code: `C-${id}`, status: 'result_ready' as const, fieldId: 'f', ticketId: null, dueDate: '2025-10-03' });
const event = (action: 'created' | 'status' | 'linked' | 'imported' | 'updated', id: string | null): HubEvent =>
  ({ type: 'dossier:changed', action, dossier: id === null ? null : body(id), seq: 1, at: 0 }) as HubEvent;

describe('dossierPanelReloads', () => {
  it('reloads on every dossier change of the counter’s own kinds, and on an import’s end', () => {
    for (const action of ['created', 'status', 'linked'] as const) expect(dossierPanelReloads(event(action, 'x'), [])).toBe(true);
    expect(dossierPanelReloads(event('imported', null), [])).toBe(true);
  });

  it('an import’s update reloads only when the panel shows that dossier', () => {
    expect(dossierPanelReloads(event('updated', 'd1'), ['d1', 'd2'])).toBe(true);
    expect(dossierPanelReloads(event('updated', 'd9'), ['d1', 'd2'])).toBe(false);
  });

  it('ignores other events', () => {
    expect(dossierPanelReloads({ type: 'config:changed', section: 'site', seq: 1, at: 0 } as HubEvent, [])).toBe(false);
  });
});
