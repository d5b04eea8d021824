import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  dossierProgress,
  isDossierResolved,
  isOverdue,
  resolvedOnTime,
  summarizeDossiers,
  DOSSIER_PROGRESS,
  DOSSIER_PROGRESS_LABELS,
} from './derived';
import type { DossierStatus } from './model';
import { hanoi, makeDossier } from './test-fixtures';

const DUE = '2026-11-26';

describe('isOverdue', () => {
  it('is not overdue on the due day itself, up to local midnight', () => {
    const d = makeDossier({ dueDate: DUE });
    expect(isOverdue(d, hanoi('2026-11-25', '16:00'))).toBe(false);
    expect(isOverdue(d, hanoi(DUE, '00:00'))).toBe(false);
    expect(isOverdue(d, hanoi(DUE, '23:59'))).toBe(false);
  });

  it('is overdue from the next local day (17:00 UTC)', () => {
    const d = makeDossier({ dueDate: DUE });
    expect(isOverdue(d, hanoi('2026-11-27', '00:00'))).toBe(true);
    expect(isOverdue(d, Date.UTC(2026, 10, 26, 17, 0))).toBe(true);
    expect(isOverdue(d, Date.UTC(2026, 10, 26, 16, 59))).toBe(false);
    expect(isOverdue(d, Date.UTC(2026, 10, 26, 17, 0), 'UTC')).toBe(false);
  });

  it('counts needs_supplement as unresolved, and never a resolved dossier', () => {
    const late = hanoi('2026-12-10');
    expect(isOverdue(makeDossier({ status: 'needs_supplement' }), late)).toBe(true);
    for (const status of ['result_ready', 'rejected', 'returned'] as const) {
      expect(isOverdue(makeDossier({ status, resolvedAt: late }), late), status).toBe(false);
    }
  });
});

describe('resolvedOnTime', () => {
  it('is null while not resolved', () => {
    expect(resolvedOnTime(makeDossier())).toBeNull();
  });

  it('compares the local date of resolvedAt with the due date', () => {
    expect(resolvedOnTime(makeDossier({ resolvedAt: hanoi('2026-11-24') }))).toBe(true); // early
    expect(resolvedOnTime(makeDossier({ resolvedAt: hanoi(DUE, '23:59') }))).toBe(true);
    expect(resolvedOnTime(makeDossier({ resolvedAt: hanoi('2026-11-27', '00:00') }))).toBe(false);
    expect(resolvedOnTime(makeDossier({ resolvedAt: Date.UTC(2026, 10, 26, 17, 30) }))).toBe(false);
    expect(resolvedOnTime(makeDossier({ resolvedAt: Date.UTC(2026, 10, 26, 17, 30) }), 'UTC')).toBe(true);
  });
});

describe('dossierProgress', () => {
  const now = hanoi('2026-11-30', '09:00');
  const onTime = hanoi('2026-11-26', '15:00');
  const late = hanoi('2026-11-27', '08:00');

  it.each<[string, DossierStatus, string, number | null, number | null, string]>([
    ['processing, not yet due', 'processing', '2026-12-01', null, null, 'in_progress_not_due'],
    ['processing, due today', 'processing', '2026-11-30', null, null, 'in_progress_not_due'],
    ['processing, past due', 'processing', DUE, null, null, 'overdue'],
    ['needs supplement, past due', 'needs_supplement', DUE, null, null, 'overdue'],
    ['needs supplement, not due', 'needs_supplement', '2026-12-05', null, null, 'in_progress_not_due'],
    ['result ready on time', 'result_ready', DUE, onTime, null, 'resolved_on_time'],
    ['result ready late', 'result_ready', DUE, late, null, 'resolved_late'],
    ['rejected on time (a decision counts as resolved)', 'rejected', DUE, onTime, null, 'resolved_on_time'],
    ['rejected late', 'rejected', DUE, late, null, 'resolved_late'],
    ['returned, resolved on time, handed back late', 'returned', DUE, onTime, late, 'resolved_on_time'],
    ['returned, resolved late', 'returned', DUE, late, late, 'resolved_late'],
    ['returned without resolvedAt falls back to returnedAt', 'returned', DUE, null, onTime, 'resolved_on_time'],
  ])('%s', (_name, status, dueDate, resolvedAt, returnedAt, expected) => {
    expect(dossierProgress(makeDossier({ status, dueDate, resolvedAt, returnedAt }), now)).toBe(expected);
  });

  it('throws rather than guess for a resolved dossier with no dates', () => {
    expect(() => dossierProgress(makeDossier({ status: 'result_ready' }), now)).toThrow(DomainError);
  });

  it('has a label for every category', () => {
    for (const p of DOSSIER_PROGRESS) {
      expect(DOSSIER_PROGRESS_LABELS.vi[p]).toBeTruthy();
      expect(DOSSIER_PROGRESS_LABELS.en[p]).toBeTruthy();
    }
  });

  it('resolved = result_ready, rejected, returned', () => {
    expect(['processing', 'needs_supplement', 'rejected', 'result_ready', 'returned'].map((s) =>
      isDossierResolved(s as DossierStatus),
    )).toEqual([false, false, true, true, true]);
  });
});

describe('summarizeDossiers', () => {
  const now = hanoi('2026-11-30', '09:00');

  it('counts what offices report', () => {
    const s = summarizeDossiers(
      [
        makeDossier({ channel: 'counter', status: 'processing', dueDate: '2026-12-02' }),
        makeDossier({ channel: 'online', status: 'processing', dueDate: DUE }),
        makeDossier({ channel: 'online', status: 'needs_supplement', dueDate: '2026-12-02' }),
        makeDossier({ status: 'result_ready', resolvedAt: hanoi('2026-11-25') }),
        makeDossier({ status: 'returned', resolvedAt: hanoi('2026-11-26'), returnedAt: hanoi('2026-11-28') }),
        makeDossier({ status: 'rejected', resolvedAt: hanoi('2026-11-27') }),
      ],
      now,
    );
    expect(s).toEqual({
      received: 6,
      receivedCounter: 4,
      receivedOnline: 2,
      resolved: 3,
      resolvedOnTime: 2,
      resolvedLate: 1,
      rejected: 1,
      returned: 1,
      inProgress: 3,
      inProgressNotDue: 2,
      overdue: 1,
      needsSupplement: 1,
      resolutionRate: 0.5,
      onTimeRate: 2 / 3,
    });
  });

  it('has no rates for nothing', () => {
    expect(summarizeDossiers([], now)).toMatchObject({ received: 0, resolutionRate: null, onTimeRate: null });
    const s = summarizeDossiers([makeDossier({ dueDate: '2026-12-31' })], now);
    expect(s).toMatchObject({ resolutionRate: 0, onTimeRate: null, inProgressNotDue: 1 });
  });
});
