/**
 * A domain error in the command line's words: a field of the request is named as the option a user typed
 * (`asRecordedAt` → `--as-recorded-at`); every other error keeps its message and lists its problems.
 */
import { ImketenError, InvalidField, formatProblem } from '../domain/errors.js';

export function phraseError(error: ImketenError): string {
  if (error instanceof InvalidField) return `imketen: ${optionOf(error.field)} must be ${error.expected}, got '${error.value}'.\n`;
  return [`imketen: ${error.message}\n`, ...error.problems.map((problem) => `  ${formatProblem(problem)}\n`)].join('');
}

/** The option of a request field: camelCase to --kebab-case. */
export function optionOf(field: string): string {
  return `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
