import type { ErrorCode } from '../domain/errors.js';

/** The exit code of every error code, in one table. 0 is success; 1 an unexpected failure (a bug: see --debug). */
export const EXIT_CODES: Record<ErrorCode, number> = {
  INVALID_INPUT: 2,
  CONFIG_INVALID: 2,
  UNKNOWN_REPORT_ROW: 2,
  INVALID_EVENT: 3,
  IMPORT_REJECTED: 3,
  REFERENCE_NOT_FOUND: 3,
  TRANSITION_NOT_ALLOWED: 3,
  EVENT_ID_CONFLICT: 3,
  STREAM_NOT_FOUND: 4,
  CASE_NOT_FOUND: 4,
  REPORT_NOT_PUBLISHED: 4,
  WATCHLIST_NOT_FOUND: 4,
  REPORT_ALREADY_PUBLISHED: 5,
  LEGAL_BASIS_MISSING: 6,
  DATABASE_UNAVAILABLE: 7,
  TAMPER_DETECTED: 8,
  FILE_NOT_FOUND: 4,
  FILE_CORRUPT: 8,
  FILE_TOO_LARGE: 2,
  FILE_STORE_UNAVAILABLE: 7,
  MAIL_FAILED: 7,
  // Accounts and access; the CLI meets them in the commands that manage accounts, authorisations and the access log.
  ACCOUNT_NOT_FOUND: 4,
  ACCOUNT_EXISTS: 5,
  VOCABULARY_LABEL_TAKEN: 5,
  INVALID_CURSOR: 2,
  PASSWORD_CHANGE_REQUIRED: 6,
  UNAUTHENTICATED: 6,
  FORBIDDEN: 6,
  RATE_LIMITED: 6,
  ACCOUNT_LOCKED: 6,
};

export const USAGE_EXIT_CODE = 2;
export const UNEXPECTED_EXIT_CODE = 1;
