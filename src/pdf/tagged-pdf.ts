/**
 * The one PDF writer of the system (the yearly report, a court bundle's manifest, a data-subject export): a document
 * is a list of blocks — headings, paragraphs, lists, tables — laid out with pdfkit and written as a tagged PDF in the
 * manner of PDF/UA (issue 17):
 *
 * - the catalogue names the language (/Lang nl-NL or en-GB), marks the file as tagged (/MarkInfo <</Marked true>>),
 *   shows the title in the viewer's title bar (/DisplayDocTitle) and the XMP metadata claims PDF/UA-1;
 * - every block is an element of the structure tree, in reading order: H1/H2/H3, P, L/LI/Lbl/LBody, and
 *   Table/TR/TH/TD with the header cells' /Scope (Column for a table's head, Row for a label that leads a row);
 * - what only decorates or repeats — rules between rows, a table head repeated on the next page, the page footer
 *   and its page numbers — is marked as an artifact, so a screen reader skips it.
 *
 * Text is set in DejaVu Sans (the npm package dejavu-fonts-ttf, embedded as a subset with a ToUnicode map), which
 * covers Latin with diacritics, Cyrillic and Arabic: names in this registry are often kept in their original script.
 * fontkit (inside pdfkit) shapes Arabic words (joined initial, medial and final forms) and lays each RTL word out
 * right to left; pdfkit has no bidirectional algorithm, so ./bidi.ts puts the words of a paragraph in visual order
 * first (bidi-js). An element whose text holds right-to-left script carries /ActualText with the text in logical
 * order, which is what a screen reader or a copy reads.
 *
 * Nothing is downloaded and no browser or office suite runs. The output depends only on the blocks and the creation
 * date: the same input gives the same bytes (pdfkit derives the file /ID from the document information).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { StructureElement } from 'pdfkit';
import { hasRightToLeft, visualFragments } from './bidi.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
} as const;

// pdfkit parses a font anew for every document (fontkit.create), which for DejaVu Sans with its large shaping and
// kerning tables costs about a second a document. A parsed fontkit font is not changed by its use (each document
// makes its own subset of it), so the two are parsed once per process and handed to each document as pdfkit's own
// EmbeddedFont, under the names 'regular' and 'bold' (pdfkit 0.19's font cache, `_fontFamilies`, pinned with
// pdfkit in package.json). Should that cache be missing, registerFont below parses the fonts as pdfkit always does.
interface PdfkitInternals { _font: { constructor: new (doc: PDFDocument, font: unknown, id: string) => unknown; font: unknown }; _fontFamilies?: Record<string, unknown>; _fontCount: number }
let parsedFonts: { EmbeddedFont: PdfkitInternals['_font']['constructor']; regular: unknown; bold: unknown } | undefined;
function shareParsedFonts(doc: PDFDocument): void {
  const internals = doc as unknown as PdfkitInternals;
  if (!internals._fontFamilies) return;
  if (!parsedFonts) {
    const probe = new PDFDocument({ font: null, autoFirstPage: false });
    const regular = (probe.font(FONTS.regular) as unknown as PdfkitInternals)._font;
    const bold = (probe.font(FONTS.bold) as unknown as PdfkitInternals)._font;
    parsedFonts = { EmbeddedFont: regular.constructor, regular: regular.font, bold: bold.font };
  }
  for (const name of ['regular', 'bold'] as const) {
    internals._fontCount += 1;
    internals._fontFamilies[name] = new parsedFonts.EmbeddedFont(doc, parsedFonts[name], `F${internals._fontCount}`);
  }
}

export type Language = 'nl' | 'en';
const LANG: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A run of a paragraph; bold for emphasis (a command to type, a label). */
export type Inline = string | { text: string; bold?: boolean };
export type Cell = string | { text: string; bold?: boolean; colSpan?: number; size?: number; muted?: boolean };
export interface Column { width: number | '*'; align?: 'left' | 'right' }

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string | readonly Inline[]; size?: number; bold?: boolean; muted?: boolean; spaceBefore?: number }
  | { kind: 'list'; items: readonly string[]; size?: number }
  | {
      kind: 'table';
      columns: readonly Column[];
      /** The column headers: one row of TH with /Scope /Column, repeated (as an artifact) on each next page. */
      head?: readonly string[];
      rows: readonly (readonly Cell[])[];
      /** The first cell of each row is its header (TH with /Scope /Row), e.g. a row's label. */
      rowHeaders?: boolean;
      size?: number;
      /** 'rows': rules under the head and between rows; 'none': no rules. */
      rules?: 'rows' | 'none';
    };

export interface TaggedDocument {
  title: string;
  language: Language;
  /** The creation date written in the document information; fixed, it makes the output reproducible. */
  creationDate?: Date;
  /** Left, top, right, bottom, in points. */
  margins?: readonly [number, number, number, number];
  /** The body text size in points (10). */
  size?: number;
  /** The text at the foot of every page (an artifact), e.g. `page ${page} / ${pages}`. */
  footer?: (page: number, pages: number) => string;
  blocks: readonly Block[];
}

const HEADING = { 1: { size: 16, before: 0, after: 12 }, 2: { size: 12, before: 14, after: 6 }, 3: { size: 10, before: 6, after: 2 } } as const;
const MUTED = '#444444';
const RULE = '#999999';
const CELL_PADDING = { x: 3, y: 2.5 };

/** Renders the document as a tagged A4 PDF. */
export function renderTaggedPdf(definition: TaggedDocument): Promise<Buffer> {
  const [left, top, right, bottom] = definition.margins ?? [56, 56, 56, 56];
  const base = definition.size ?? 10;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { left, top, right, bottom },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: LANG[definition.language],
    displayTitle: true,
    font: null, // no default font: every text names 'regular' or 'bold' below
    info: {
      Title: definition.title,
      Subject: definition.title,
      Creator: 'imketen',
      Producer: 'imketen',
      // An unreadable date (a malformed time stamp in the input) is not written; the time of writing is.
      CreationDate: definition.creationDate && !Number.isNaN(definition.creationDate.getTime()) ? definition.creationDate : new Date(),
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  shareParsedFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new Layout(doc, root, base);
  for (const block of definition.blocks) layout.block(block);
  root.end();

  if (definition.footer) {
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      const page = doc.switchToPage(index);
      const keep = page.margins.bottom;
      page.margins.bottom = 0; // text below the bottom margin would otherwise start a new page
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      doc.font('regular').fontSize(8).fillColor(MUTED)
        .text(definition.footer(index + 1, count), left, page.height - keep / 2 - 4, { width: page.width - left - right, align: 'center', lineBreak: false });
      doc.endMarkedContent();
      page.margins.bottom = keep;
    }
  }
  doc.end();
  return done;
}

/** Where the next block goes, and how each kind of block is drawn and tagged. */
class Layout {
  constructor(private readonly doc: PDFDocument, private readonly root: StructureElement, private readonly base: number) {}

  private get left() { return this.doc.page.margins.left; }
  private get width() { return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right; }

  /** Starts a new page unless `height` more points fit on this one (or this page is still empty). */
  private ensure(height: number): boolean {
    const { doc } = this;
    if (doc.y + height <= doc.page.maxY() || doc.y <= doc.page.margins.top + 0.5) return false;
    doc.addPage();
    doc.x = this.left;
    doc.y = doc.page.margins.top;
    return true;
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'heading': return this.heading(block.level, block.text);
      case 'paragraph': return this.paragraph(block);
      case 'list': return this.list(block.items, block.size ?? this.base);
      case 'table': return this.table(block);
    }
  }

  private heading(level: 1 | 2 | 3, text: string): void {
    const { doc } = this;
    const style = HEADING[level];
    const size = level === 3 ? this.base : style.size;
    doc.font('bold').fontSize(size);
    const height = doc.heightOfString(plain(text), { width: this.width });
    // Keep a heading with the first lines of what follows it.
    if (!this.ensure(style.before + height + 3 * this.base)) doc.y += style.before;
    this.tag(`H${level}`, text, () => this.write([{ text, bold: true }], size, this.left, doc.y, this.width));
    doc.y += style.after;
  }

  private paragraph(block: Extract<Block, { kind: 'paragraph' }>): void {
    const { doc } = this;
    const runs: Inline[] = typeof block.text === 'string' ? [{ text: block.text, bold: block.bold }] : [...block.text];
    const size = block.size ?? this.base;
    const text = runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');
    doc.font(block.bold ? 'bold' : 'regular').fontSize(size);
    const height = doc.heightOfString(plain(text), { width: this.width });
    if (!this.ensure((block.spaceBefore ?? 0) + Math.min(height, 3 * size))) doc.y += block.spaceBefore ?? 0;
    this.tag('P', text, () => this.write(runs, size, this.left, doc.y, this.width, block.muted ? MUTED : undefined));
    doc.y += size * 0.3;
  }

  private list(items: readonly string[], size: number): void {
    const { doc } = this;
    const indent = size * 1.2;
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      doc.font('regular').fontSize(size);
      this.ensure(doc.heightOfString(plain(item), { width: this.width - indent }));
      const y = doc.y;
      const entry = doc.struct('LI');
      list.add(entry);
      entry.add(doc.struct('Lbl', {}, () => { doc.font('regular').fontSize(size).fillColor('black').text('•', this.left, y, { width: indent, lineBreak: false }); }));
      entry.add(this.element('LBody', item, () => this.write([item], size, this.left + indent, y, this.width - indent)));
      entry.end();
      doc.y += size * 0.15;
    }
    list.end();
    doc.x = this.left;
    doc.y += size * 0.3;
  }

  private table(block: Extract<Block, { kind: 'table' }>): void {
    const { doc } = this;
    const size = block.size ?? this.base;
    const widths = columnWidths(block.columns, this.width);
    const offsets = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, 0));
    const rules = block.rules ?? 'rows';
    const cell = (value: Cell) => (typeof value === 'string' ? { text: value } : value);

    interface Placed { text: string; bold: boolean; size: number; muted: boolean; x: number; width: number; align: 'left' | 'right'; column: number; span: number }
    const place = (row: readonly Cell[], header: boolean): Placed[] => {
      let column = 0;
      return row.map((value) => {
        const { text, bold, colSpan, size: cellSize, muted } = cell(value);
        const span = colSpan ?? 1;
        const placed = {
          text, bold: header || Boolean(bold), size: cellSize ?? size, muted: Boolean(muted),
          x: this.left + offsets[column]!, width: widths.slice(column, column + span).reduce((sum, width) => sum + width, 0),
          align: block.columns[column]?.align ?? 'left', column, span,
        };
        column += span;
        return placed;
      });
    };
    const heightOf = (cells: Placed[]) => Math.max(...cells.map((placed) => {
      doc.font(placed.bold ? 'bold' : 'regular').fontSize(placed.size);
      return placed.text ? doc.heightOfString(plain(placed.text), { width: placed.width - 2 * CELL_PADDING.x }) : 0;
    }), size) + 2 * CELL_PADDING.y;
    const drawCell = (placed: Placed, y: number) => {
      if (!placed.text) return;
      this.write([{ text: placed.text, bold: placed.bold }], placed.size, placed.x + CELL_PADDING.x, y + CELL_PADDING.y,
        placed.width - 2 * CELL_PADDING.x, placed.muted ? MUTED : undefined, placed.align);
    };
    const rule = (y: number, weight: number) => {
      if (rules === 'none') return;
      doc.markContent('Artifact', { type: 'Layout' });
      doc.save().lineWidth(weight).strokeColor(RULE).moveTo(this.left, y).lineTo(this.left + this.width, y).stroke().restore();
      doc.endMarkedContent();
    };

    const table = doc.struct('Table');
    this.root.add(table);
    const head = block.head && place(block.head, true);
    const headHeight = head ? heightOf(head) : 0;
    const drawHeadAgain = () => {
      if (!head) return;
      const y = doc.y;
      doc.markContent('Artifact', { type: 'Pagination' });
      for (const placed of head) drawCell(placed, y);
      doc.endMarkedContent();
      doc.y = y + headHeight;
      rule(doc.y, 0.8);
    };
    const row = (cells: Placed[], header: 'head' | 'body') => {
      const height = heightOf(cells);
      if (this.ensure(height + (header === 'head' ? 2 * size : 0)) && header === 'body') drawHeadAgain();
      const y = doc.y;
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((placed, index) => {
        const isHeader = header === 'head' || (block.rowHeaders === true && index === 0);
        const element = this.element(isHeader ? 'TH' : 'TD', placed.text, () => drawCell(placed, y),
          isHeader ? { scope: header === 'head' ? 'Column' : 'Row' } : {});
        if (placed.span > 1) (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', ColSpan: placed.span, ...(isHeader ? { Scope: header === 'head' ? 'Column' : 'Row' } : {}) };
        tr.add(element);
      });
      tr.end();
      doc.x = this.left;
      doc.y = y + height;
      rule(doc.y, header === 'head' ? 0.8 : 0.3);
    };
    if (head) row(head, 'head');
    for (const cells of block.rows) row(place(cells, false), 'body');
    table.end();
    doc.y += size * 0.5;
  }

  /** Adds an element to the document's root with `draw` as its content. */
  private tag(type: string, text: string, draw: () => void): void {
    this.root.add(this.element(type, text, draw));
  }

  /** A structure element whose content is what `draw` writes; with /ActualText when the text holds RTL script. */
  private element(type: string, text: string, draw: () => void, options: Record<string, unknown> = {}): StructureElement {
    return this.doc.struct(type, { ...options, ...(hasRightToLeft(text) ? { actual: text } : {}) }, draw);
  }

  /** Writes runs from (x, y) within `width`, right-to-left words in visual order, and leaves doc.y under them. */
  private write(runs: readonly Inline[], size: number, x: number, y: number, width: number, color = 'black', align: 'left' | 'right' = 'left'): void {
    const { doc } = this;
    const pieces = runs.flatMap((run) => {
      const { text, bold } = typeof run === 'string' ? { text: run, bold: false } : run;
      return visualFragments(text).map((fragment) => ({ fragment, bold: Boolean(bold) }));
    }).filter((piece) => piece.fragment.length > 0);
    doc.fillColor(color);
    pieces.forEach(({ fragment, bold }, index) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
      const options = { width, align, continued: index < pieces.length - 1 };
      if (index === 0) doc.text(fragment, x, y, options);
      else doc.text(fragment, options);
    });
    doc.fillColor('black');
    doc.x = this.left;
  }
}

/** The text as laid out for measuring: the same words, widths unchanged by their order. */
function plain(text: string): string {
  return text || ' ';
}

/** Fixed widths as given; the rest of the width shared by the '*' columns. */
function columnWidths(columns: readonly Column[], total: number): number[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width === '*' ? 0 : column.width), 0);
  const stars = columns.filter((column) => column.width === '*').length;
  return columns.map((column) => (column.width === '*' ? (total - fixed) / Math.max(stars, 1) : column.width));
}
