/**
 * Test data: Reports built from the real table definitions (../definitions.ts), so the renderers are tested on
 * the tables, rows and labels they will meet. Used by the *.test.ts files in this folder only.
 */
import { REPORT_TABLES } from '../definitions.js';
import type { Language, Report, TableId } from '../report.js';

/** The figures of the 2024–2025 report to parliament (docs/domain.md §6), per table and row: [2024, 2025]. */
export const FIGURES_2024_2025: Record<TableId, Record<string, readonly [number, number]>> = {
  'criminal-investigations': {
    investigation: [3, 5], 'first-instance': [7, 6], appeal: [2, 3], cassation: [4, 4], total: [16, 18],
  },
  extraditions: {
    'court-first': [0, 0], 'court-cassation': [0, 0], minister: [0, 0], 'civil-first': [0, 0], 'civil-appeal': [0, 0],
    'civil-cassation': [2, 0], extradited: [0, 0], refused: [0, 2], total: [2, 2],
  },
  'exclusion-decisions': { applied: [38, 38], 'not-applied': [112, 64], total: [150, 102] },
  'departure-dossiers': { 'with-article3': [79, 69], 'without-article3': [32, 60], total: [111, 129] },
  departures: {
    forced: [1, 1], 'voluntary-supervised': [4, 11], 'voluntary-unsupervised': [20, 17], total: [25, 29],
  },
};

export type FigureOf = (table: TableId, row: string, year: number, tableIndex: number, rowIndex: number) => number;

/** The published 2024–2025 figures; 0 for any other year. */
export const publishedFigures: FigureOf = (table, row, year) => {
  const pair = FIGURES_2024_2025[table][row];
  if (!pair) throw new Error(`No published figure for ${table}/${row}`);
  return year === 2024 ? pair[0] : year === 2025 ? pair[1] : 0;
};

/**
 * A different figure in every cell of the report (table, row and column encoded in its digits: 1000 + 100·table +
 * 10·row + column), so a figure found in the wrong row or column cannot pass for the right one.
 */
export const distinctFigures: FigureOf = (_table, _row, year, tableIndex, rowIndex) =>
  1000 + 100 * (tableIndex + 1) + 10 * rowIndex + (year - 2020);

export interface ReportOptions {
  lang?: Language;
  year?: number;
  figures?: FigureOf;
  referenceDates?: Record<string, string>;
  asRecordedAt?: string;
  /** Replaces row labels by row id, e.g. to try characters that need quoting or escaping. */
  labels?: Record<string, string>;
}

/** A complete Report over all five tables, by default the published 2024–2025 one, in Dutch. */
export function makeReport(options: ReportOptions = {}): Report {
  const lang = options.lang ?? 'nl';
  const year = options.year ?? 2025;
  const columns = [year - 1, year];
  const figures = options.figures ?? publishedFigures;
  return {
    year,
    columns,
    referenceDates: options.referenceDates ?? Object.fromEntries(columns.map((column) => [String(column), `${column}-12-31`])),
    asRecordedAt: options.asRecordedAt ?? '2026-11-28T10:00:00Z',
    tables: REPORT_TABLES.map((table, tableIndex) => ({
      id: table.id,
      title: table.title[lang],
      rows: table.rows.map((row, rowIndex) => ({
        id: row.id,
        label: options.labels?.[row.id] ?? row.label[lang],
        values: Object.fromEntries(columns.map((column) => [String(column), figures(table.id, row.id, column, tableIndex, rowIndex)])),
      })),
    })),
  };
}
