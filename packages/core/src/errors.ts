/** Stable error codes: clients switch on these, so never rename one. */
export const ERROR_CODES = [
  'ILLEGAL_TRANSITION',
  'NUMBER_RANGE_EXHAUSTED',
  'INVALID_NUMBER_FORMAT',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_COMMAND',
  'COUNTER_CLOSED',
  'COUNTER_BUSY',
  'FIELD_DISABLED',
  'PROTOCOL_VERSION',
  'RATE_LIMITED',
  'SITE_CLOSED',
  'PRINTER_FAULT',
  'ACCOUNT_LOCKED',
  'CONFLICT',
  'BUSY',
  'STORAGE_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
