/**
 * The report as plain text in monospace columns, laid out like the ministers' appendix: label left, one
 * right-aligned figure per column year, a rule above the total, the reference dates under the table and the
 * registration time at the foot. For e-mail, terminals and the CLI.
 */
import type { Language, Report } from '../report.js';
import { formatFigure } from './format.js';
import { toReportView } from './report-view.js';

/** Space between the label column and each figure column. */
const GAP = 4;

/**
 * Renders `report` as text in `lang`.
 * @example renderText(report, 'nl') // "Bijlage — Cijfers internationale misdrijven 2024–2025\n====…"
 */
export function renderText(report: Report, lang: Language): string {
  const view = toReportView(report, lang);
  const allRows = view.tables.flatMap((table) => table.rows);
  // One width for every table, so the figures of all tables stand in the same columns down the page.
  const labelWidth = Math.max(0, ...allRows.map((row) => width(row.label)));
  const figureWidth = Math.max(
    ...view.years.map(width),
    ...allRows.flatMap((row) => row.figures.map((value) => width(formatFigure(value, lang)))),
  ) + GAP;
  const rule = '-'.repeat(labelWidth + figureWidth * view.years.length);
  const line = (labelText: string, cells: readonly string[]): string =>
    (padEnd(labelText, labelWidth) + cells.map((cell) => padStart(cell, figureWidth)).join('')).trimEnd();

  const lines = [view.title, '='.repeat(width(view.title)), ''];
  for (const table of view.tables) {
    lines.push(table.heading, '', line('', view.years), rule);
    for (const row of table.rows) {
      if (row.isTotal) lines.push(rule);
      lines.push(line(row.label, row.figures.map((value) => formatFigure(value, lang))));
    }
    lines.push('', table.note, '');
  }
  lines.push(view.footer);
  return `${lines.join('\n')}\n`;
}

/** Width in characters (code points), not UTF-16 units. */
function width(text: string): number {
  return [...text].length;
}

function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - width(text))) + text;
}
