/**
 * Administrative dossiers (hồ sơ thủ tục hành chính): what a counter receives from a
 * citizen (or what arrives online), processed within a number of working days.
 * Plain data only, like ../model.
 */
import type { EpochMs, Id } from '../model';
import type { ReceivedDocument } from './documents';

/**
 * Lifecycle of a dossier (see ./status for the legal moves):
 * processing (đang xử lý) -> needs_supplement (cần bổ sung) -> processing …
 * -> result_ready (có kết quả) or rejected (từ chối: a decision not to grant)
 * -> returned (đã trả: the result, or the file, is handed back).
 */
export const DOSSIER_STATUSES = ['processing', 'needs_supplement', 'rejected', 'result_ready', 'returned'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_STATUS_LABELS: Record<'vi' | 'en', Record<DossierStatus, string>> = {
  vi: {
    processing: 'Đang xử lý',
    needs_supplement: 'Cần bổ sung',
    rejected: 'Từ chối',
    result_ready: 'Có kết quả',
    returned: 'Đã trả kết quả',
  },
  en: {
    processing: 'Processing',
    needs_supplement: 'Needs supplement',
    rejected: 'Rejected',
    result_ready: 'Result ready',
    returned: 'Result returned',
  },
};

/** How a dossier was received: at a counter (trực tiếp), through the online portal (trực tuyến) or by post (bưu chính). */
export const DOSSIER_CHANNELS = ['counter', 'online', 'post'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];

export const DOSSIER_CHANNEL_LABELS: Record<'vi' | 'en', Record<DossierChannel, string>> = {
  vi: { counter: 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' },
  en: { counter: 'In person', online: 'Online', post: 'By post' },
};

/** An administrative procedure (thủ tục hành chính) of a field. */
export interface Procedure {
  id: Id;
  fieldId: Id;
  code: string;
  name: string;
  /** Working days to resolve; 0 = same day. */
  processingDays: number;
  /** Local hour `HH:MM` after which a dossier counts from the next working day; null/absent = none. */
  cutoffTime?: string | null;
  /** Fee in VND. */
  fee: number;
  enabled: boolean;
  /** Thành phần hồ sơ: what the catalog asks for, the receipt's checklist starts from it; absent = none. */
  documents?: ReceivedDocument[];
}

/** The person who files the dossier (personal data: never sent to a public display). */
export interface Applicant {
  fullName: string;
  /** 12-digit chip ID card number (căn cước công dân). */
  cccd: string | null;
  phone: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  address: string | null;
}

export interface Dossier {
  id: Id;
  /** `<agency code>-<YYMMDD>-<XXXX>`, see ./code. */
  code: string;
  procedureId: Id;
  fieldId: Id;
  channel: DossierChannel;
  /** Ticket it was received from (counter channel), if any. */
  ticketId: Id | null;
  applicant: Applicant;
  receivedAt: EpochMs;
  /** Local date `YYYY-MM-DD` the result is promised for (ngày hẹn trả). */
  dueDate: string;
  status: DossierStatus;
  /** When it reached result_ready or rejected; kept once set. */
  resolvedAt: EpochMs | null;
  /** When it reached returned. */
  returnedAt: EpochMs | null;
  counterId: Id | null;
  officerId: Id | null;
  note: string | null;
  /** The documents the counter received (the receipt's list); absent or empty = not recorded. */
  documents?: ReceivedDocument[];
}
