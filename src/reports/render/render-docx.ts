/**
 * The report as a Word document (docx), for policy staff who paste its tables into the letter to parliament.
 * Kept plain on purpose so a pasted table takes on the letter's look: Calibri, black text, thin black borders,
 * grey shading on the header row only, the total row bold with a heavier rule above it, figures right-aligned.
 * Each table is kept on one page together with its heading (keepNext), and its header row repeats if it must break.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow,
  TextRun, WidthType, type IBorderOptions,
} from 'docx';
import type { Language, Report } from '../report.js';
import { formatFigure } from './format.js';
import { toReportView, type ReportView, type ViewTable } from './report-view.js';

const FONT = 'Calibri';
/** Word measures in twips (1/20 pt): A4 with 2.5 cm margins leaves 9,026 twips for the text. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FIGURE_COLUMN_WIDTH = 1400;
const HEADER_SHADING = 'D9D9D9';
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const HEAVY: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
/** Sizes in half-points. */
const SIZE = { body: 22, note: 18, title: 32, heading: 24 };
/** Word's spell checker and hyphenation follow the language the text is marked with. */
const WORD_LANGUAGE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Renders `report` as a .docx file in `lang`.
 * @example await writeFile('bijlage.docx', await renderDocx(report, 'nl'))
 */
export async function renderDocx(report: Report, lang: Language): Promise<Buffer> {
  const view = toReportView(report, lang);
  const document = new Document({
    title: view.title,
    creator: 'imketen',
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, language: { value: WORD_LANGUAGE[lang] } } },
        // docx's own heading styles are blue; the letter's are black.
        heading1: { run: { font: FONT, size: SIZE.title, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading2: {
          run: { font: FONT, size: SIZE.heading, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
      },
    },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: marginsOf(PAGE.margin) } },
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(view.title)] }),
        ...view.tables.flatMap((table) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(table.heading)] }),
          wordTable(table, view),
          note(table.note),
        ]),
        note(view.footer, 240),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

function wordTable(table: ViewTable, view: ReportView): Table {
  const labelWidth = TEXT_WIDTH - FIGURE_COLUMN_WIDTH * view.years.length;
  const columnWidths = [labelWidth, ...view.years.map(() => FIGURE_COLUMN_WIDTH)];
  const lastRow = table.rows.length - 1;

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['', ...view.years].map((text, column) => cell(text, {
      width: columnWidths[column] ?? FIGURE_COLUMN_WIDTH, bold: true, right: column > 0, shaded: true, keepNext: true,
    })),
  });
  const body = table.rows.map((row, index) => new TableRow({
    cantSplit: true,
    children: [row.label, ...row.figures.map((value) => formatFigure(value, view.language))].map((text, column) => cell(text, {
      width: columnWidths[column] ?? FIGURE_COLUMN_WIDTH,
      bold: row.isTotal,
      right: column > 0,
      shaded: false,
      // Every row but the last keeps with the next, so Word moves the whole table to the next page rather than split it.
      keepNext: index < lastRow,
      ruleAbove: row.isTotal,
    })),
  }));

  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    borders: {
      top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN,
    },
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    rows: [header, ...body],
  });
}

interface CellOptions {
  width: number;
  bold: boolean;
  right: boolean;
  shaded: boolean;
  keepNext: boolean;
  ruleAbove?: boolean;
}

function cell(text: string, options: CellOptions): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    ...(options.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_SHADING } } : {}),
    ...(options.ruleAbove ? { borders: { top: HEAVY } } : {}),
    children: [new Paragraph({
      // Only what differs from plain text is written: an explicit "left" or "not bold" would override the style of
      // the letter a table is pasted into.
      ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
      ...(options.keepNext ? { keepNext: true } : {}),
      children: [new TextRun({ text, ...(options.bold ? { bold: true } : {}) })],
    })],
  });
}

function note(text: string, spaceBefore = 80): Paragraph {
  return new Paragraph({ spacing: { before: spaceBefore, after: 120 }, children: [new TextRun({ text, size: SIZE.note })] });
}

function marginsOf(size: number): { top: number; right: number; bottom: number; left: number } {
  return { top: size, right: size, bottom: size, left: size };
}
