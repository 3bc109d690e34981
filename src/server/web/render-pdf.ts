/**
 * The yearly report as PDF, laid out from the same ReportView as the web page (GET /api/reports/{year}/view) and
 * the Word document: a title, each numbered table with its note, the footer. pdfmake lays out the tables in pure
 * JavaScript with the PDF standard fonts (Helvetica), so nothing is downloaded and no browser or office suite
 * runs on the server.
 */
import pdfmake from 'pdfmake';
import type { ReportView } from '../../reports/render/report-view.js';

interface PdfDocument {
  getBuffer(): Promise<Buffer>;
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: unknown, options?: unknown): PdfDocument;
}

const engine = pdfmake as unknown as PdfMake;
engine.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
// The document loads nothing from a URL, and no local file but the four standard fonts (built into pdfkit).
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

/** Renders the report view as a PDF document (A4, tagged with title and language). */
export async function renderReportPdf(view: ReportView): Promise<Buffer> {
  const number = new Intl.NumberFormat(LOCALE[view.language]);
  const content: unknown[] = [{ text: view.title, style: 'title' }];
  for (const table of view.tables) {
    content.push({ text: table.heading, style: 'heading' });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', ...view.years.map(() => 70)],
        body: [
          [{ text: '', style: 'head' }, ...view.years.map((year) => ({ text: year, style: 'head', alignment: 'right' }))],
          ...table.rows.map((row) => [
            { text: row.label, bold: row.isTotal },
            ...row.figures.map((figure) => ({ text: number.format(figure), alignment: 'right', bold: row.isTotal })),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
    content.push({ text: table.note, style: 'note' });
  }
  content.push({ text: view.footer, style: 'footer' });
  const definition = {
    info: { title: view.title, subject: view.title, creator: 'imketen', producer: 'imketen' },
    language: view.language,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 16] },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      head: { bold: true },
      note: { fontSize: 8, italics: true, margin: [0, 4, 0, 0] },
      footer: { fontSize: 8, margin: [0, 24, 0, 0] },
    },
  };
  return engine.createPdf(definition).getBuffer();
}
