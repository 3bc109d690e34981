/**
 * The one error type of imketen's capabilities. Every failure a user can cause carries a string code that says what
 * went wrong; the CLI maps codes to exit codes (src/cli/exit-codes.ts) and the server to HTTP statuses
 * (src/server/http-errors.ts), each in one table. What only the HTTP edge can get wrong (a route, a body's size or
 * media type, the CSRF token) is the server's own error (HttpError in src/server/http-errors.ts).
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
  | 'FILE_TOO_LARGE'
  | 'FILE_STORE_UNAVAILABLE'
  // Notifications: the SMTP server refused or could not be reached (README, "Notifications").
  | 'MAIL_FAILED'
  // Accounts and access: who you are (a sign-in that failed), what you may do, how often you may try, and the
  // accounts, tokens and approval requests themselves.
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_EXISTS'
  // The controlled vocabularies (courts, channels, topics): a Dutch label that another entry already has.
  | 'VOCABULARY_LABEL_TAKEN'
  // A list's `after` cursor that this server did not hand out for this list and order (changed, cut or another list's).
  | 'INVALID_CURSOR'
  // A session whose password an administrator reset: it may only choose a new password (POST /api/session/password).
  | 'PASSWORD_CHANGE_REQUIRED';

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

/**
 * What a message says, as a key and the values in it, so that a client phrases it in its user's language (the web
 * app does, in Dutch and English); the message itself stays the English wording for the command line and logs.
 */
export interface ErrorReason {
  key: string;
  params?: Readonly<Record<string, string | number>>;
}

export class ImketenError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];
  readonly reason?: ErrorReason;

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = [], reason?: ErrorReason) {
    super(message);
    this.name = 'ImketenError';
    this.code = code;
    this.problems = problems;
    if (reason) this.reason = reason;
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
