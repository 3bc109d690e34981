/**
 * Importer of the OFAC SDN list in its legacy CSV form: `sdn.csv` (one row per entry: ent_num, name, type,
 * programs, title, vessel fields, remarks) and `alt.csv` (alternate names keyed by ent_num). Missing values are
 * written "-0-". Birth dates and nationalities are only in the remarks ("DOB 31 Aug 1960; nationality Syria").
 * The files are Latin-1; decode them before calling (`readFileSync(path, 'latin1')`).
 */
import { parse } from 'csv-parse/sync';
import { toCountryCode } from '../countries.js';
import type { WatchlistEntry } from '../person-score.js';
import { checkBirthDates, checkEntryTexts, ProblemCollector } from './problems.js';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

function value(field: string | undefined): string {
  const trimmed = (field ?? '').trim();
  return trimmed === '-0-' ? '' : trimmed;
}

/** "31 Aug 1960" → "1960-08-31", "Aug 1960" → "1960-08", "1960" → "1960". */
function ofacDate(text: string): string | undefined {
  const match = /^(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]* )?(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [, day, month, year] = match;
  const monthNumber = month ? MONTHS[month.toLowerCase()] : undefined;
  if (month && !monthNumber) return undefined;
  if (!monthNumber) return year;
  return day ? `${year}-${monthNumber}-${day.padStart(2, '0')}` : `${year}-${monthNumber}`;
}

/** Birth dates from the remarks: "DOB 31 Aug 1960", "alt. DOB circa 1956", "DOB 1960 to 1962". */
function remarkBirthDates(remarks: string): string[] {
  const dates: string[] = [];
  for (const match of remarks.matchAll(/\bDOB (?:circa )?([^;]+?)(?=;|\.?$)/g)) {
    const body = (match[1] ?? '').trim();
    const range = /^(.+?) to (.+)$/.exec(body);
    if (range) {
      const from = ofacDate(range[1] ?? '');
      const to = ofacDate(range[2] ?? '');
      if (from && to) dates.push(from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}/${to.slice(0, 4)}`);
      continue;
    }
    const date = ofacDate(body);
    if (date) dates.push(date);
  }
  return [...new Set(dates)];
}

function remarkNationalities(remarks: string): string[] {
  const codes: string[] = [];
  for (const match of remarks.matchAll(/\b(?:nationality|citizen) ([^;.]+)/g)) {
    const code = toCountryCode(match[1] ?? '');
    if (code) codes.push(code);
  }
  return [...new Set(codes)];
}

const KINDS: Readonly<Record<string, WatchlistEntry['kind']>> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readCsv(text: string, problems: ProblemCollector): CsvRecord[] {
  try {
    // the legacy files end with a DOS end-of-file character (0x1A)
    let body = text.trimEnd();
    if (body.endsWith(String.fromCharCode(0x1a))) body = body.slice(0, -1);
    return parse(body, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as CsvRecord[];
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number((error as { lines: unknown }).lines) : undefined;
    problems.add(line, undefined, `not readable as CSV: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/**
 * Parses the OFAC SDN list from the texts of sdn.csv and alt.csv. Throws IMPORT_REJECTED naming file, line
 * and field for rows without an entry number or name, and for alternate names of unknown entries.
 */
export function parseOfacCsv(sdnText: string, altText: string, fileNames: { sdn?: string; alt?: string } = {}, options: { today?: string } = {}): WatchlistEntry[] {
  const sdnProblems = new ProblemCollector(fileNames.sdn ?? 'sdn.csv');
  const altProblems = new ProblemCollector(fileNames.alt ?? 'alt.csv');
  const entries = new Map<string, { entry: WatchlistEntry; names: string[] }>();
  for (const { record, info } of readCsv(sdnText, sdnProblems)) {
    if (record.length === 1 && !value(record[0])) continue;
    const id = value(record[0]);
    const name = value(record[1]);
    if (!/^\d+$/.test(id)) {
      sdnProblems.add(info.lines, 'ent_num', `"${record[0] ?? ''}" is not an entry number`);
      continue;
    }
    if (!name) {
      sdnProblems.add(info.lines, 'SDN_Name', `entry ${id} has no name`);
      continue;
    }
    if (!checkEntryTexts({ id, names: [name] }, info.lines, sdnProblems, { id: 'ent_num', names: () => 'SDN_Name' })) continue;
    if (record.length < 12) sdnProblems.add(info.lines, 'Remarks', `entry ${id} has ${record.length} columns, expected 12`);
    const remarks = value(record[11]);
    const kind = KINDS[value(record[2]).toLowerCase()] ?? 'organization';
    const birthDates = kind === 'person' ? remarkBirthDates(remarks) : [];
    if (!checkBirthDates(birthDates, options.today, info.lines, sdnProblems, () => 'Remarks')) continue;
    const nationalities = kind === 'person' ? remarkNationalities(remarks) : [];
    const names = [name];
    entries.set(id, { names, entry: { id: `OFAC-${id}`, names, kind, ...(birthDates.length ? { birthDates } : {}), ...(nationalities.length ? { nationalities } : {}) } });
  }
  for (const { record, info } of readCsv(altText, altProblems)) {
    if (record.length === 1 && !value(record[0])) continue;
    const id = value(record[0]);
    const name = value(record[3]);
    const target = entries.get(id);
    if (!target) {
      altProblems.add(info.lines, 'ent_num', `alternate name of entry "${record[0] ?? ''}", which sdn.csv does not have`);
      continue;
    }
    if (!name) {
      altProblems.add(info.lines, 'alt_name', `alternate name of entry ${id} is empty`);
      continue;
    }
    if (!checkEntryTexts({ id, names: [name] }, info.lines, altProblems, { id: 'ent_num', names: () => 'alt_name' })) continue;
    if (!target.names.includes(name)) target.names.push(name);
  }
  sdnProblems.throwIfAny('OFAC SDN list');
  altProblems.throwIfAny('OFAC SDN alternate names');
  return [...entries.values()].map(({ entry }) => entry);
}
