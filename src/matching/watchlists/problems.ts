/**
 * Collecting the problems of an import: every problem names file, line and field, an import lists all it found
 * (up to a limit) and is rejected as a whole, so that no half-read list is screened against.
 */
import { ImketenError, formatProblem } from '../../domain/errors.js';
import type { Problem } from '../../domain/errors.js';

const MAX_PROBLEMS = 50;

export class ProblemCollector {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  add(line: number | undefined, field: string | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    this.problems.push({ file: this.file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}), message, code: 'IMPORT_REJECTED' });
  }

  /** Throws an IMPORT_REJECTED error listing the problems, if there are any. */
  throwIfAny(what: string): void {
    if (this.problems.length === 0) return;
    const first = this.problems[0];
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more problem${this.problems.length > 2 ? 's' : ''})` : '';
    throw new ImketenError('IMPORT_REJECTED', `${what} rejected: ${first ? formatProblem(first) : ''}${more}. Fix the file and import it again.`, this.problems);
  }
}

/** The 1-based lines at which each match of `pattern` (global) starts, in one pass over the text. */
export function linesOfMatches(text: string, pattern: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(pattern)) {
    for (let index = text.indexOf('\n', scanned); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) line++;
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}
