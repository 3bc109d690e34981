/**
 * Collecting the problems of an import: every problem names file, line and field, an import lists all it found
 * (up to a limit) and is rejected as a whole, so that no half-read list is screened against.
 */
import { ImketenError, formatProblem } from '../../domain/errors.js';
import type { Problem } from '../../domain/errors.js';
import { INPUT_LIMITS, textProblem } from '../../domain/input-limits.js';
import { parseBirthDateStrict } from '../dates.js';
import type { WatchlistEntry } from '../person-score.js';

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

/**
 * The texts of an entry read from any format, against the rules every reader applies (README, "Input limits"): no
 * NUL or lone surrogate, a name within the name limit. Adds a problem per bad text; true when there was none.
 */
export function checkEntryTexts(
  entry: Pick<WatchlistEntry, 'id' | 'names'>, line: number | undefined, problems: ProblemCollector, fields: { id: string; names: (index: number) => string },
): boolean {
  let ok = true;
  const idProblem = textProblem(entry.id, INPUT_LIMITS.freeTextChars);
  if (idProblem) { problems.add(line, fields.id, `the id ${idProblem}`); ok = false; }
  entry.names.forEach((name, index) => {
    const problem = textProblem(name, INPUT_LIMITS.nameChars);
    if (problem) { problems.add(line, fields.names(index), `the name ${problem}`); ok = false; }
  });
  return ok;
}

/**
 * The birth dates of an entry that lie after `today` (the day of import, from the caller's clock: a birth date is a
 * fact that has happened), each a problem; true when there was none. Without `today` nothing is compared.
 */
export function checkBirthDates(
  dates: readonly string[] | undefined, today: string | undefined, line: number | undefined, problems: ProblemCollector, field: (index: number) => string,
): boolean {
  let ok = true;
  if (today === undefined) return ok;
  dates?.forEach((date, index) => {
    const parsed = parseBirthDateStrict(date);
    if (typeof parsed !== 'string' && earliestDay(parsed) > today) {
      problems.add(line, field(index), `${date} lies after the day of import (${today}): a birth date is a fact that has happened`);
      ok = false;
    }
  });
  return ok;
}

/** The first day a birth date may stand for, YYYY-MM-DD. */
function earliestDay(date: { fromYear: number; month?: number; day?: number }): string {
  const pad = (value: number | undefined) => String(value ?? 1).padStart(2, '0');
  return `${String(date.fromYear).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
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
