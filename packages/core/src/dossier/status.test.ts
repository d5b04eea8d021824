import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DOSSIER_STATUSES, type DossierStatus } from './model';
import { canChangeDossierStatus, changeDossierStatus, IllegalDossierTransitionError } from './status';
import { hanoi, makeDossier } from './test-fixtures';

const LEGAL: ReadonlySet<string> = new Set([
  'processing->needs_supplement',
  'processing->rejected',
  'processing->result_ready',
  'needs_supplement->processing',
  'needs_supplement->rejected',
  'result_ready->returned',
  'rejected->returned',
]);

const PAIRS: Array<[DossierStatus, DossierStatus, boolean]> = DOSSIER_STATUSES.flatMap((from) =>
  DOSSIER_STATUSES.map((to): [DossierStatus, DossierStatus, boolean] => [from, to, LEGAL.has(`${from}->${to}`)]),
);

const AT = hanoi('2026-11-25', '10:00');

describe('dossier state machine', () => {
  it('covers all 25 pairs, 7 of them legal', () => {
    expect(PAIRS).toHaveLength(25);
    expect(PAIRS.filter(([, , ok]) => ok)).toHaveLength(7);
  });

  it.each(PAIRS)('%s -> %s: %s', (from, to, legal) => {
    expect(canChangeDossierStatus(from, to)).toBe(legal);
    const d = makeDossier({ status: from });
    if (legal) {
      expect(changeDossierStatus(d, to, AT).status).toBe(to);
    } else {
      let caught: unknown;
      try {
        changeDossierStatus(d, to, AT);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(IllegalDossierTransitionError);
      expect(caught).toBeInstanceOf(DomainError);
      const e = caught as IllegalDossierTransitionError;
      expect(e.code).toBe('ILLEGAL_TRANSITION');
      expect(e.details).toMatchObject({ from, to, dossierId: 'd1' });
      expect([e.from, e.to]).toEqual([from, to]);
    }
  });

  it('returned is terminal', () => {
    for (const to of DOSSIER_STATUSES) expect(canChangeDossierStatus('returned', to)).toBe(false);
  });

  it('is false for a status it does not know (bad stored data)', () => {
    expect(canChangeDossierStatus('archived' as DossierStatus, 'returned')).toBe(false);
  });
});

describe('changeDossierStatus', () => {
  it('sets resolvedAt on result_ready and keeps it when returned', () => {
    const ready = changeDossierStatus(makeDossier(), 'result_ready', AT);
    expect(ready).toMatchObject({ status: 'result_ready', resolvedAt: AT, returnedAt: null });
    const later = AT + 86_400_000;
    const returned = changeDossierStatus(ready, 'returned', later);
    expect(returned).toMatchObject({ status: 'returned', resolvedAt: AT, returnedAt: later });
  });

  it('sets resolvedAt on rejected (from needs_supplement too), then returnedAt when the file is handed back', () => {
    const supplement = changeDossierStatus(makeDossier(), 'needs_supplement', AT);
    expect(supplement).toMatchObject({ resolvedAt: null, returnedAt: null });
    const rejected = changeDossierStatus(supplement, 'rejected', AT + 1);
    expect(rejected.resolvedAt).toBe(AT + 1);
    expect(changeDossierStatus(rejected, 'returned', AT + 2)).toMatchObject({ resolvedAt: AT + 1, returnedAt: AT + 2 });
  });

  it('does not overwrite a resolvedAt already set', () => {
    const d = makeDossier({ resolvedAt: AT - 5 });
    expect(changeDossierStatus(d, 'result_ready', AT).resolvedAt).toBe(AT - 5);
  });

  it('leaves the dates alone on the way back and forth to needs_supplement', () => {
    const back = changeDossierStatus(changeDossierStatus(makeDossier(), 'needs_supplement', AT), 'processing', AT + 1);
    expect(back).toMatchObject({ status: 'processing', resolvedAt: null, returnedAt: null, dueDate: '2026-11-26' });
  });

  it('returns a new object and leaves the input untouched', () => {
    const d = makeDossier();
    const copy = JSON.parse(JSON.stringify(d)) as typeof d;
    const next = changeDossierStatus(d, 'result_ready', AT);
    expect(next).not.toBe(d);
    expect(d).toEqual(copy);
    expect({ ...next, status: d.status, resolvedAt: null }).toEqual(d);
  });

  it('rejects a non-finite time', () => {
    expect(() => changeDossierStatus(makeDossier(), 'result_ready', Number.NaN)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
