/**
 * One entry point for every output format, for the CLI and the server: they pass the format the user asked for.
 * The CSV and Word renderers load on first use: their libraries would slow every command's start.
 */
import { ImketenError } from '../../domain/errors.js';
import type { Language, Report } from '../report.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

export const REPORT_FORMATS = ['text', 'markdown', 'csv', 'json', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Renders `report` in `format`: a string for text, Markdown, CSV and JSON, a Buffer for DOCX. JSON is the Report
 * itself (docs/domain.md §6, the contract other programs read), whatever `lang` is: its labels already are in a language.
 * @example await renderReport(report, 'markdown', 'nl')
 */
export async function renderReport(report: Report, format: ReportFormat, lang: Language): Promise<string | Buffer> {
  switch (format) {
    case 'text': return renderText(report, lang);
    case 'markdown': return renderMarkdown(report, lang);
    case 'csv': return (await import('./render-csv.js')).renderCsv(report, lang);
    case 'json': return `${JSON.stringify(report, null, 2)}\n`;
    case 'docx': return (await import('./render-docx.js')).renderDocx(report, lang);
    default: {
      // Reached when a caller passes a format string it did not check against REPORT_FORMATS.
      const unknown: never = format;
      throw new ImketenError('INVALID_INPUT', `Unknown report format "${String(unknown)}": use one of ${REPORT_FORMATS.join(', ')}.`);
    }
  }
}

/** Whether `value` names a format renderReport knows, for validating a CLI option or query parameter. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
