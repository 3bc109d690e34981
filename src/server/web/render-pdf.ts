/**
 * The yearly report as PDF, laid out from the same ReportView as the web page (GET /api/reports/{year}/view) and
 * the Word document: a title, each numbered table with its note, the footer. Written by the one PDF writer
 * (src/pdf/tagged-pdf.ts) as a tagged PDF: the title an H1, each table's heading an H2, each table a Table whose
 * head cells (the years) are column headers and whose row labels are row headers, so a screen reader announces
 * "2025, Strafrechtelijke onderzoeken, 12"; the page numbers are artifacts. Nothing is downloaded and no browser or
 * office suite runs on the server.
 */
import { renderTaggedPdf, type Block } from '../../pdf/tagged-pdf.js';
import type { ReportView } from '../../reports/render/report-view.js';

const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;
const WORDS = {
  nl: { page: 'pagina', of: 'van' },
  en: { page: 'page', of: 'of' },
} as const;

export interface ReportPdfOptions {
  /** The creation date in the document information: the report's recording time makes the same report the same bytes. */
  creationDate?: Date;
}

/** Renders the report view as a tagged A4 PDF (structure tree, language, title shown). */
export async function renderReportPdf(view: ReportView, options: ReportPdfOptions = {}): Promise<Buffer> {
  const number = new Intl.NumberFormat(LOCALE[view.language]);
  const words = WORDS[view.language];
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: view.title }];
  for (const table of view.tables) {
    blocks.push({ kind: 'heading', level: 2, text: table.heading });
    blocks.push({
      kind: 'table',
      columns: [{ width: '*' }, ...view.years.map(() => ({ width: 70, align: 'right' as const }))],
      head: ['', ...view.years],
      rowHeaders: true,
      rows: table.rows.map((row) => [
        { text: row.label, bold: row.isTotal },
        ...row.figures.map((figure) => ({ text: number.format(figure), bold: row.isTotal })),
      ]),
    });
    blocks.push({ kind: 'paragraph', text: table.note, size: 8, muted: true });
  }
  blocks.push({ kind: 'paragraph', text: view.footer, size: 8, spaceBefore: 18 });
  return renderTaggedPdf({
    title: view.title,
    language: view.language,
    creationDate: options.creationDate,
    margins: [56, 56, 56, 56],
    size: 10,
    footer: (page, pages) => `${view.title} — ${words.page} ${page} ${words.of} ${pages}`,
    blocks,
  });
}
