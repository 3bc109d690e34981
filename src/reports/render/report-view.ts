/**
 * What every rendered report says, decided once: the title, each table's heading, rows and note, and the footer.
 * The format modules (text, Markdown, CSV, DOCX) only lay this out, so a wording change is made here and shows in
 * every format alike. This is also where an incomplete Report is refused, before any format writes half a table.
 */
import { ImketenError } from '../../domain/errors.js';
import { findTable } from '../definitions.js';
import type { Language, Report, ReportTable, TableId } from '../report.js';
import { formatDate, formatRecordedAt, formatYearSpan } from './format.js';
import { label } from './labels.js';

export interface ViewRow {
  id: string;
  label: string;
  /** The row that sums the others (row id `total`, docs/domain.md §6): set apart in every format. */
  isTotal: boolean;
  /** One figure per column year, in the order of `ReportView.years`. */
  figures: readonly number[];
}

export interface ViewTable {
  id: TableId;
  title: string;
  /** "Tabel 1. Strafrechtelijke onderzoeken": the title numbered in report order. */
  heading: string;
  rows: readonly ViewRow[];
  /** The line under the table: the reference dates of its stock rows, or that its rows count a calendar year. */
  note: string;
}

export interface ReportView {
  language: Language;
  /** "Bijlage — Cijfers internationale misdrijven 2024–2025". */
  title: string;
  /** The column years as strings, the keys of `referenceDates` and of each row's `values`. */
  years: readonly string[];
  tables: readonly ViewTable[];
  /** "Stand van de registratie per 28 november 2026, 11:00 uur". */
  footer: string;
}

/** The content of `report` in `lang`, checked to be complete (a figure for every row and column year). */
export function toReportView(report: Report, lang: Language): ReportView {
  const years = report.columns.map(String);
  if (years.length === 0) {
    throw new ImketenError('INVALID_INPUT', `The report for ${report.year} has no column years: there is nothing to render.`);
  }
  return {
    language: lang,
    title: `${label('documentTitle', lang)} ${formatYearSpan(report.columns)}`,
    years,
    tables: report.tables.map((table, index) => ({
      id: table.id,
      title: table.title,
      heading: `${label('table', lang)} ${index + 1}. ${table.title}`,
      rows: table.rows.map((row) => ({
        id: row.id,
        label: row.label,
        isTotal: row.id === 'total',
        figures: years.map((year) => figure(table, row.id, row.values, year)),
      })),
      note: tableNote(report, table, years, lang),
    })),
    footer: `${label('asRecordedAt', lang)} ${formatRecordedAt(report.asRecordedAt, lang)}`,
  };
}

function figure(table: ReportTable, rowId: string, values: Record<string, number>, year: string): number {
  const value = values[year];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ImketenError('INVALID_INPUT',
      `Report table ${table.id}, row ${rowId} has no figure for ${year}: the report is incomplete; compute it again before rendering.`);
  }
  return value;
}

/**
 * Stock rows count cases at the reference date, flow rows count events inside the year (docs/domain.md §6); the note says
 * which applies. The measure of a row is read from definitions.ts, the one place rows are defined.
 */
function tableNote(report: Report, table: ReportTable, years: readonly string[], lang: Language): string {
  const definition = findTable(table.id);
  const measures = new Set(table.rows.map((row) => definition?.rows.find((candidate) => candidate.id === row.id)?.measure));
  const hasStock = measures.has('stock');
  const hasFlow = measures.has('flow');
  if (hasFlow && !hasStock) return label('flowNote', lang);

  const dates = years.map((year) => {
    const date = report.referenceDates[year];
    if (date === undefined) {
      throw new ImketenError('INVALID_INPUT',
        `The report has no reference date (peildatum) for ${year}, which table ${table.id} needs: compute the report again.`);
    }
    // By default a reference date lies in its column's year and the date alone says which column it belongs to;
    // name the column only when it does not.
    return date.startsWith(`${year}-`) ? formatDate(date, lang) : `${formatDate(date, lang)} (${year})`;
  });
  const dateList = dates.length > 1
    ? `${dates.slice(0, -1).join(', ')} ${label('and', lang)} ${dates[dates.length - 1]}`
    : (dates[0] ?? '');
  const plural = dates.length > 1;
  return hasFlow
    ? `${label(plural ? 'referenceDatesOpenCases' : 'referenceDateOpenCases', lang)}: ${dateList}. ${label('mixedFlowNote', lang)}`
    : `${label(plural ? 'referenceDates' : 'referenceDate', lang)}: ${dateList}.`;
}
