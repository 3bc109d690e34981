/**
 * The yearly report as PDF, laid out from the same ReportView as the web page (GET /api/reports/{year}/view) and
 * the Word document: a title, each numbered table with its note, the footer. Laid out by pdfmake in the PDF standard
 * font (src/pdf/render-pdf.ts), so nothing is downloaded and no browser or office suite runs on the server.
 */
import { renderPdf } from '../../pdf/render-pdf.js';
import type { ReportView } from '../../reports/render/report-view.js';

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
    // Accessibility (issue 17): the document language (/Lang) and the title shown in the viewer's title bar
    // (/DisplayDocTitle). pdfmake 0.3 writes no structure tree for its content (it never calls pdfkit's
    // struct/markContent), so the PDF is not tagged; claiming `tagged: true` would promise a structure that is empty.
    language: view.language,
    displayTitle: true,
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
  return renderPdf(definition);
}
