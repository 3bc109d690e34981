/**
 * The one table from error codes to HTTP statuses, and problem details (RFC 9457) built from errors. The
 * capabilities' errors (src/domain/errors.ts) say what went wrong; HttpError is what only the HTTP edge can get
 * wrong: a route that does not exist, a body too large or not JSON, a missing CSRF token.
 */
import type { ErrorCode, ErrorReason, Problem } from '../domain/errors.js';
import { ImketenError } from '../domain/errors.js';

/** The codes of what only the HTTP edge can get wrong. */
export type HttpOnlyCode = 'CSRF_TOKEN_INVALID' | 'ROUTE_NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'RANGE_NOT_SATISFIABLE';

export class HttpError extends Error {
  readonly problems: readonly Problem[] = [];
  constructor(readonly code: HttpOnlyCode, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const HTTP_STATUS: Record<ErrorCode | HttpOnlyCode, number> = {
  INVALID_INPUT: 400,
  CONFIG_INVALID: 500,
  UNKNOWN_REPORT_ROW: 400,
  // An event that does not fit the interchange format is a bad request; one that breaks a rule of the registry
  // (references, state machines) is well-formed but refused.
  INVALID_EVENT: 400,
  IMPORT_REJECTED: 422,
  REFERENCE_NOT_FOUND: 422,
  TRANSITION_NOT_ALLOWED: 422,
  EVENT_ID_CONFLICT: 409,
  STREAM_NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  REPORT_NOT_PUBLISHED: 404,
  WATCHLIST_NOT_FOUND: 404,
  REPORT_ALREADY_PUBLISHED: 409,
  LEGAL_BASIS_MISSING: 403,
  DATABASE_UNAVAILABLE: 503,
  TAMPER_DETECTED: 500,
  FILE_NOT_FOUND: 404,
  FILE_CORRUPT: 500,
  FILE_TOO_LARGE: 413,
  FILE_STORE_UNAVAILABLE: 503,
  MAIL_FAILED: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_NOT_FOUND: 404,
  ACCOUNT_EXISTS: 409,
  VOCABULARY_LABEL_TAKEN: 409,
  INVALID_CURSOR: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request', 401: 'Not signed in', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Request too large',
  415: 'Unsupported media type', 416: 'Range not satisfiable', 422: 'Events rejected', 423: 'Account locked', 429: 'Too many requests', 500: 'Internal error',
  503: 'Service unavailable',
};

/** An access refusal: why, and which legal bases would allow the access. */
export class AccessDenied extends ImketenError {
  constructor(code: 'FORBIDDEN' | 'UNAUTHENTICATED', message: string, readonly allowingBases: readonly string[] = [], reason?: ErrorReason) {
    super(code, message, [], reason);
  }
}

export class RateLimited extends ImketenError {
  constructor(message: string, readonly retryAfterSeconds: number, reason?: ErrorReason) {
    super('RATE_LIMITED', message, [], reason);
  }
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  problems?: Problem[];
  allowingBases?: string[];
  retryAfter?: number;
  reason?: { key: string; params?: Record<string, string | number> };
}

export function problemOf(error: ImketenError | HttpError, instance?: string): ProblemDetails {
  const status = HTTP_STATUS[error.code];
  return {
    type: `urn:imketen:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    instance,
    code: error.code,
    ...(error.problems.length > 0 ? { problems: error.problems.map((problem) => ({ ...problem })) } : {}),
    ...(error instanceof AccessDenied ? { allowingBases: [...error.allowingBases] } : {}),
    ...(error instanceof RateLimited ? { retryAfter: error.retryAfterSeconds } : {}),
    ...(error instanceof ImketenError && error.reason ? { reason: { key: error.reason.key, ...(error.reason.params ? { params: { ...error.reason.params } } : {}) } } : {}),
  };
}
