/**
 * The one error type of imketen. Every failure a user can cause carries a string code; the CLI maps codes to exit
 * codes (src/cli/exit-codes.ts) and the server will map them to HTTP statuses, each in one table.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_EVENT'
  | 'IMPORT_REJECTED'
  | 'EVENT_ID_CONFLICT'
  | 'REFERENCE_NOT_FOUND'
  | 'TRANSITION_NOT_ALLOWED'
  | 'STREAM_NOT_FOUND'
  | 'CASE_NOT_FOUND'
  | 'REPORT_NOT_PUBLISHED'
  | 'REPORT_ALREADY_PUBLISHED'
  | 'UNKNOWN_REPORT_ROW'
  | 'CONFIG_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'WATCHLIST_NOT_FOUND'
  | 'LEGAL_BASIS_MISSING'
  | 'TAMPER_DETECTED'
  // The file store (evidence): a file not stored under its hash, or stored bytes that no longer match it.
  | 'FILE_NOT_FOUND'
  | 'FILE_CORRUPT'
  | 'FILE_STORE_UNAVAILABLE'
  // The server: who you are, what you may do, how often you may try (HTTP statuses: src/server/http-errors.ts).
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'RATE_LIMITED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_EXISTS'
  | 'ROUTE_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

/** Where in an input a problem sits: a file and line for imports, a field path inside the line. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
}

/** One problem found in the input, for errors that list several (an import lists all it found, up to a limit). */
export interface Problem extends ErrorLocation {
  message: string;
  code?: ErrorCode;
}

export class ImketenError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'ImketenError';
    this.code = code;
    this.problems = problems;
  }
}

/**
 * A value the caller gave that is not what it must be, named by the field of the request (`asRecordedAt`, `date`,
 * `year`): each edge phrases it in its own words — the command line as its option (`--as-recorded-at`), the API as
 * the query field in a problem answer. The message is the API's wording.
 */
export class InvalidField extends ImketenError {
  constructor(readonly field: string, readonly expected: string, readonly value: string) {
    super('INVALID_INPUT', `${field} must be ${expected}, got '${value}'.`, [{ field, message: `must be ${expected}, got '${value}'` }]);
  }
}

/** Formats a location as `file:line field` for messages, leaving out the parts that are unknown. */
export function formatLocation(location: ErrorLocation): string {
  const place = [location.file, location.line].filter((part) => part !== undefined).join(':');
  const field = location.field ? `field ${location.field}` : '';
  return [place, field].filter(Boolean).join(' ');
}

/** Formats one problem as a single line a person can act on. */
export function formatProblem(problem: Problem): string {
  const where = formatLocation(problem);
  return where ? `${where}: ${problem.message}` : problem.message;
}
