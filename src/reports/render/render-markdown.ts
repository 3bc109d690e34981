/**
 * The report as Markdown (GitHub-flavoured tables): a heading per table, a real table with right-aligned figure
 * columns and a bold total row, the reference dates under it. Cells are padded so the source reads as a table too.
 */
import type { Language, Report } from '../report.js';
import { formatFigure } from './format.js';
import { toReportView, type ViewTable } from './report-view.js';

/**
 * Renders `report` as Markdown in `lang`.
 * @example renderMarkdown(report, 'en') // "# Annex — Figures on international crimes 2024–2025\n\n## Table 1. …"
 */
export function renderMarkdown(report: Report, lang: Language): string {
  const view = toReportView(report, lang);
  const blocks = [`# ${escapeMarkdown(view.title)}`];
  for (const table of view.tables) {
    blocks.push(`## ${escapeMarkdown(table.heading)}`, markdownTable(table, view.years, lang), `*${escapeMarkdown(table.note)}*`);
  }
  blocks.push(`*${escapeMarkdown(view.footer)}*`);
  return `${blocks.join('\n\n')}\n`;
}

function markdownTable(table: ViewTable, years: readonly string[], lang: Language): string {
  const strong = (text: string, isTotal: boolean): string => (isTotal ? `**${text}**` : text);
  // The top-left cell stays empty, as in the printed appendix: the table heading names the rows.
  const header = ['', ...years];
  const body = table.rows.map((row) => [
    strong(escapeMarkdown(row.label), row.isTotal),
    ...row.figures.map((value) => strong(formatFigure(value, lang), row.isTotal)),
  ]);
  const widths = header.map((_, column) => Math.max(3, ...[header, ...body].map((cells) => (cells[column] ?? '').length)));
  const pad = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const delimiter = `|${widths.map((size, column) => (column === 0 ? `:${'-'.repeat(size + 1)}` : `${'-'.repeat(size + 1)}:`)).join('|')}|`;
  return [pad(header), delimiter, ...body.map(pad)].join('\n');
}

/** Backslash-escapes the characters that would turn a label into markup or break a table cell (`|`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (character) => `\\${character}`);
}
