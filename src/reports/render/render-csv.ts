/**
 * The report as CSV for a policy officer who opens it in Excel, sorts, filters and makes a chart of it.
 *
 * Layout: one line per report row, a column per year, like the printed appendix:
 *   tabel_id;tabel;rij_id;omschrijving;2024;2025
 *   criminal-investigations;Strafrechtelijke onderzoeken;investigation;In de onderzoeksfase;3;5
 * The ids are the fixed ones of docs/domain.md §6, so a sheet built on this file keeps working when labels change; the
 * figures are plain integers (no thousands separator), so Excel reads them as numbers in any locale. The reference
 * dates and the registration time are not repeated on every line: they are in the text, Markdown, DOCX and JSON.
 *
 * Choices made for Dutch Excel, which is where this file is opened:
 * - UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and breaks every non-ASCII
 *   character. The BOM is the first character of the returned string; write it to disk as UTF-8.
 * - Semicolon as the field separator: Excel splits a double-clicked CSV on the list separator of Windows'
 *   regional settings, which is ";" in the Netherlands (the comma is the decimal sign there). A comma-separated
 *   file would open as one column. The header row tells any other program which separator is used.
 * - Otherwise RFC 4180: CRLF line ends, fields with the separator, a quote or a line break quoted, quotes doubled.
 */
import { stringify } from 'csv-stringify/sync';
import type { Language, Report } from '../report.js';
import { label } from './labels.js';
import { toReportView } from './report-view.js';

export const CSV_DELIMITER = ';';

/**
 * Renders `report` as CSV in `lang` (labels and column headings in that language; ids and figures are the same).
 * @example renderCsv(report, 'nl') // "\uFEFFtabel_id;tabel;rij_id;omschrijving;2024;2025\r\ncriminal-investigations;…"
 */
export function renderCsv(report: Report, lang: Language): string {
  const view = toReportView(report, lang);
  const header = [label('csvTableId', lang), label('csvTable', lang), label('csvRowId', lang), label('csvRow', lang), ...view.years];
  const lines = view.tables.flatMap((table) =>
    table.rows.map((row) => [table.id, table.title, row.id, row.label, ...row.figures]));
  return stringify([header, ...lines], {
    bom: true,
    delimiter: CSV_DELIMITER,
    record_delimiter: 'windows',
    // csv-stringify stops quoting line breaks once record_delimiter is set; RFC 4180 needs them quoted.
    quote_record_delimiter: true,
  });
}
