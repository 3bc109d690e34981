/**
 * Screening queries against a watchlist: each query ({"id", "name", "birthDate"?, "nationality"?}) gives its hits
 * at or above the threshold, best first, each with the explanation of its score. A query file streams through line
 * by line; a bad line is reported (file, line, field) and the next line is screened.
 */
import { z } from 'zod';
import { isCountryCode } from '../domain/countries.js';
import { isPartialDate } from '../domain/dates.js';
import { ImketenError, type Problem } from '../domain/errors.js';
import { INPUT_LIMITS, textProblem } from '../domain/input-limits.js';
import { parseStrictJson } from '../input/strict-json.js';
import type { TextLine } from '../input/utf8-lines.js';
import { DEFAULT_THRESHOLD, type Hit, type MatchIndex } from '../matching/api.js';
import type { Queryable } from '../store/db.js';
import { watchlistIndex } from './match-index-cache.js';
import { latestVersion, requireWatchlist, type WatchlistRow } from '../store/watchlist-store.js';

export interface QueryLine {
  id: string;
  name: string;
  birthDate?: string;
  nationality?: string;
}

/** One result line of `imketen screen`: exactly this shape (other programs read it). */
export interface QueryResult {
  /** The query's id. */
  query: string;
  hits: Array<Pick<Hit, 'id' | 'score' | 'explanation'>>;
}

export interface ScreenOptions {
  /** 0..1, default the matcher's DEFAULT_THRESHOLD. */
  threshold?: number;
  /** At most this many hits per query, default 10. */
  limit?: number;
}

const QuerySchema = z.strictObject({
  id: z.string().trim().min(1, 'must be a non-empty string'),
  name: z.string().trim().min(1, 'must be a non-empty string').superRefine((name, ctx) => {
    const problem = textProblem(name, INPUT_LIMITS.nameChars);
    if (problem) ctx.addIssue({ code: 'custom', message: `the name ${problem}` });
  }),
  birthDate: z.string().refine(isPartialDate, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  nationality: z.string().refine(isCountryCode, 'must be an ISO 3166-1 alpha-3 country code, e.g. SYR').optional(),
});

/** A list ready to screen against: its current version and the index of that version. */
export interface OpenList {
  list: WatchlistRow;
  version: number;
  index: MatchIndex;
}

export async function openList(tx: Queryable, name: string): Promise<OpenList> {
  const list = await requireWatchlist(tx, name);
  const latest = await latestVersion(tx, list.id);
  if (!latest) throw new ImketenError('WATCHLIST_NOT_FOUND', `The watchlist '${name}' has no version yet: import it first.`);
  return { list, version: latest.version, index: await watchlistIndex(tx, list.id, latest.version) };
}

/** Parses one query line; the problems name the field. */
export function parseQueryLine(text: string): { ok: true; query: QueryLine } | { ok: false; problems: Problem[] } {
  const strict = parseStrictJson(text);
  if (!strict.ok) return { ok: false, problems: [{ ...(strict.field ? { field: strict.field } : {}), message: strict.message }] };
  const json = strict.value;
  const parsed = QuerySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        ...(issue.path.length ? { field: issue.path.map(String).join('.') } : {}),
        message: issueMessage(issue, json),
      })),
    };
  }
  const { id, name, birthDate, nationality } = parsed.data;
  return { ok: true, query: { id, name, ...(birthDate ? { birthDate } : {}), ...(nationality ? { nationality } : {}) } };
}

function issueMessage(issue: z.core.$ZodIssue, json: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}: a query has id, name, birthDate and nationality`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.path.length === 0) return 'expected a query object {"id": "...", "name": "..."}';
    const value = (json as Record<string, unknown>)[String(issue.path[0])];
    return value === undefined ? `missing field '${String(issue.path[0])}'` : `expected a string, got ${value === null ? 'null' : typeof value}`;
  }
  return issue.message;
}

/** Screens one query against an index. */
export function screenQuery(index: MatchIndex, query: QueryLine, options: ScreenOptions = {}): QueryResult {
  const result = index.search(
    { name: query.name, ...(query.birthDate ? { birthDates: [query.birthDate] } : {}), ...(query.nationality ? { nationalities: [query.nationality] } : {}) },
    { threshold: options.threshold ?? DEFAULT_THRESHOLD, limit: options.limit ?? 10 },
  );
  return { query: query.id, hits: result.hits.map((hit) => ({ id: hit.id, score: hit.score, explanation: hit.explanation })) };
}

export type LineOutcome = { line: number; result: QueryResult } | { line: number; problems: Problem[] };

/**
 * Screens numbered query lines as they come (blank lines are skipped): a result per good line, the problems of a
 * bad one (with file and line), in the order of the file.
 */
export async function* screenQueryLines(
  index: MatchIndex, lines: AsyncIterable<TextLine>, file: string, options: ScreenOptions = {},
): AsyncGenerator<LineOutcome> {
  for await (const { line, text, problem } of lines) {
    if (problem !== undefined) yield { line, problems: [{ file, line, code: 'INVALID_INPUT', message: problem }] };
    if (text === undefined || !text.trim()) continue;
    const parsed = parseQueryLine(text);
    if (parsed.ok) yield { line, result: screenQuery(index, parsed.query, options) };
    else yield { line, problems: parsed.problems.map((problem) => ({ ...problem, file, line, code: 'INVALID_INPUT' as const })) };
  }
}

/** Checks --threshold and --limit (CLI and API). */
export function checkScreenOptions(threshold: number | undefined, limit: number | undefined): ScreenOptions {
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 1)) {
    throw new ImketenError('INVALID_INPUT', `The threshold is a score from 0 to 1 (default ${DEFAULT_THRESHOLD}), got '${threshold}'.`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    throw new ImketenError('INVALID_INPUT', `The limit is a whole number of hits from 1 to 1000 (default 10), got '${limit}'.`);
  }
  return { ...(threshold !== undefined ? { threshold } : {}), ...(limit !== undefined ? { limit } : {}) };
}
