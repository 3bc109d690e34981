import { ImketenError } from '../domain/errors.js';

/**
 * Reads an "as recorded at" time a user gave: an ISO 8601 time, or a bare date meaning the end of that day
 * (everything recorded on it is known). Returns it in the store's normal form.
 */
export function parseAsRecordedAt(text: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T23:59:59.999Z`) : new Date(text);
  // Years outside 0001–9999 are no time the registry can have recorded anything at (and PostgreSQL refuses year 0).
  if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1 || value.getUTCFullYear() > 9999) {
    throw new ImketenError('INVALID_INPUT', `--as-recorded-at must be a date or an ISO 8601 time such as 2026-01-15T12:00:00Z, got '${text}'.`);
  }
  return value.toISOString();
}
