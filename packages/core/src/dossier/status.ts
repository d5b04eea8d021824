/**
 * Dossier state machine.
 *
 * | from \ to        | processing | needs_supplement | rejected | result_ready | returned |
 * | processing       |     –      |        ✓         |    ✓     |      ✓       |    –     |
 * | needs_supplement |     ✓      |        –         |    ✓     |      –       |    –     |
 * | rejected         |     –      |        –         |    –     |      –       |    ✓     |
 * | result_ready     |     –      |        –         |    –     |      –       |    ✓     |
 * | returned         |     –      |        –         |    –     |      –       |    –     |
 *
 * `rejected -> returned`: the file is handed back with the written refusal.
 */
import { DomainError } from '../errors';
import type { EpochMs, Id } from '../model';
import { DOSSIER_STATUS_LABELS, type Dossier, type DossierStatus } from './model';

export const DOSSIER_TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  processing: ['needs_supplement', 'rejected', 'result_ready'],
  needs_supplement: ['processing', 'rejected'],
  rejected: ['returned'],
  result_ready: ['returned'],
  returned: [],
};

export class IllegalDossierTransitionError extends DomainError {
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  constructor(from: DossierStatus, to: DossierStatus, dossierId?: Id) {
    const label = DOSSIER_STATUS_LABELS.vi;
    super('ILLEGAL_TRANSITION', `Không thể chuyển hồ sơ từ “${label[from] ?? from}” sang “${label[to] ?? to}”`, {
      from,
      to,
      dossierId,
    });
    this.name = 'IllegalDossierTransitionError';
    this.from = from;
    this.to = to;
  }
}

export function canChangeDossierStatus(from: DossierStatus, to: DossierStatus): boolean {
  return DOSSIER_TRANSITIONS[from]?.includes(to) ?? false;
}

/**
 * Moves `d` to `to` at `at` (returns a new object). Entering result_ready or rejected sets
 * `resolvedAt` (kept if already set); entering returned sets `returnedAt`.
 * Throws IllegalDossierTransitionError (ILLEGAL_TRANSITION) for a move not in the table,
 * including staying in the same status; INVALID_ARGUMENT for a non-finite `at`.
 */
export function changeDossierStatus(d: Dossier, to: DossierStatus, at: EpochMs): Dossier {
  if (!canChangeDossierStatus(d.status, to)) throw new IllegalDossierTransitionError(d.status, to, d.id);
  if (!Number.isFinite(at)) throw new DomainError('INVALID_ARGUMENT', 'Thời điểm không hợp lệ', { at });
  const resolves = to === 'result_ready' || to === 'rejected';
  return {
    ...d,
    status: to,
    resolvedAt: resolves ? (d.resolvedAt ?? at) : d.resolvedAt,
    returnedAt: to === 'returned' ? at : d.returnedAt,
  };
}
