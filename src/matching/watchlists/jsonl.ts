/**
 * Importer of the generic JSON Lines watchlist: one entry a line,
 * {"id": "...", "names": ["..."], "birthDates": ["1976", "1976-10-05"], "nationalities": ["IRQ"]}.
 * Every field but id and names is optional; birth dates at any precision; nationalities as ISO 3166-1 alpha-3
 * (alpha-2 codes and English country names are converted).
 */
import { z } from 'zod';
import { toCountryCode } from '../countries.js';
import { parseBirthDateStrict } from '../dates.js';
import type { WatchlistEntry } from '../person-score.js';
import { INPUT_LIMITS } from '../../domain/input-limits.js';
import { parseStrictJson } from '../../input/strict-json.js';
import { checkBirthDates, checkEntryTexts, ProblemCollector } from './problems.js';

const LineSchema = z.object({
  id: z.string().trim().min(1, 'must be a non-empty string'),
  names: z.array(z.string().trim().min(1, 'must be a non-empty string')).min(1, 'must list at least one name'),
  birthDates: z.array(z.string()).optional(),
  nationalities: z.array(z.string()).optional(),
  kind: z.enum(['person', 'organization', 'vessel', 'aircraft', 'other']).optional(),
});

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

/**
 * Parses a JSON Lines watchlist. Throws IMPORT_REJECTED listing every bad line with file, line and field; with
 * `today` (the day of import, from the caller's clock) a birth date after it is one of them.
 * @example parseJsonl('{"id":"X1","names":["Mohammed al-Hassan"],"birthDates":["1976"]}\n', 'list.jsonl')
 */
export function parseJsonl(text: string, fileName: string, options: { today?: string } = {}): WatchlistEntry[] {
  const problems = new ProblemCollector(fileName);
  const entries: WatchlistEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    // A character is at most 3 bytes per UTF-16 unit: count the bytes only when the line may be over the limit.
    if (raw.length * 3 > INPUT_LIMITS.lineBytes && Buffer.byteLength(raw) > INPUT_LIMITS.lineBytes) {
      problems.add(line, undefined, `the line is longer than ${INPUT_LIMITS.lineBytes.toLocaleString('en')} bytes, the limit of one line`);
      return;
    }
    const strict = parseStrictJson(raw);
    if (!strict.ok) {
      problems.add(line, strict.field, strict.message);
      return;
    }
    const json = strict.value;
    const parsed = LineSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.add(line, fieldPath(issue.path) || undefined, issue.message);
      return;
    }
    const { id, names, birthDates, nationalities, kind } = parsed.data;
    let ok = checkEntryTexts({ id, names }, line, problems, { id: 'id', names: (index) => `names[${index}]` });
    birthDates?.forEach((date, position) => {
      const result = parseBirthDateStrict(date);
      if (typeof result === 'string') {
        problems.add(line, `birthDates[${position}]`, result);
        ok = false;
      }
    });
    if (!checkBirthDates(birthDates, options.today, line, problems, (index) => `birthDates[${index}]`)) ok = false;
    const codes: string[] = [];
    nationalities?.forEach((nationality, position) => {
      const code = toCountryCode(nationality);
      if (!code) {
        problems.add(line, `nationalities[${position}]`, `"${nationality}" is not a known country: use ISO 3166-1 alpha-3, e.g. "IRQ"`);
        ok = false;
      } else codes.push(code);
    });
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.add(line, 'id', `id "${id}" was already used on line ${earlier}`);
      ok = false;
    }
    seen.set(id, line);
    if (!ok) return;
    entries.push({
      id,
      names,
      ...(birthDates?.length ? { birthDates: birthDates.map((date) => date.trim()) } : {}),
      ...(codes.length ? { nationalities: [...new Set(codes)] } : {}),
      ...(kind ? { kind } : {}),
    });
  });
  problems.throwIfAny(`Watchlist ${fileName}`);
  return entries;
}
