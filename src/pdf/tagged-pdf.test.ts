/**
 * The PDF writer over several pages: a long table breaks between rows, its head drawn again on the next page as an
 * artifact (once in the structure tree), the page footer an artifact on every page, the same input the same bytes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementText, flatten, readPdf } from './testing/read-pdf.js';
import { renderTaggedPdf, type TaggedDocument } from './tagged-pdf.js';

const ROWS = Array.from({ length: 120 }, (_, index) => [`Rij ${index + 1}`, String(index * 7)]);

const DOCUMENT: TaggedDocument = {
  title: 'Proef over pagina’s',
  language: 'en',
  creationDate: new Date('2026-12-01T10:00:00Z'),
  footer: (page, pages) => `page ${page} of ${pages}`,
  blocks: [
    { kind: 'heading', level: 1, text: 'Proef over pagina’s' },
    { kind: 'paragraph', text: ['Plain, then ', { text: 'bold', bold: true }, ' words.'] },
    { kind: 'table', columns: [{ width: '*' }, { width: 60, align: 'right' }], head: ['Label', 'Figure'], rowHeaders: true, rows: ROWS },
  ],
};

describe('renderTaggedPdf', () => {
  it('breaks a long table between rows, repeating its head as an artifact, and tags every row once', async () => {
    const pdf = readPdf(await renderTaggedPdf(DOCUMENT));
    assert.ok(pdf.pages >= 3, `${pdf.pages} pages`);
    const table = flatten(pdf.structure).find((element) => element.type === 'Table')!;
    assert.equal(table.children.length, 1 + ROWS.length);
    assert.deepEqual(table.children[0]!.children.map((cell) => [cell.type, cell.scope, elementText(cell)]), [['TH', 'Column', 'Label'], ['TH', 'Column', 'Figure']]);
    assert.deepEqual(table.children.slice(1).map((row) => row.children.map(elementText)), ROWS);
    // The head on every page of the table for the eye, once for a screen reader.
    assert.equal(pdf.text.match(/LabelFigure/g)?.length, pdf.pages);
    assert.equal(pdf.taggedText.match(/LabelFigure/g)?.length, 1);
    for (let page = 1; page <= pdf.pages; page += 1) assert.ok(pdf.text.includes(`page ${page} of ${pdf.pages}`));
    assert.doesNotMatch(pdf.taggedText, /page \d of/);
    assert.equal(elementText(flatten(pdf.structure).find((element) => element.type === 'P')!), 'Plain, then bold words.');
  });

  it('names the language and claims PDF/UA in its metadata; writes the same bytes for the same input', async () => {
    const bytes = await renderTaggedPdf(DOCUMENT);
    const pdf = readPdf(bytes);
    assert.match(pdf.catalog, /\/Lang \(en-GB\)/);
    assert.ok([...pdf.objects.values()].some((object) => object.stream?.toString('utf8').includes('<pdfuaid:part>1</pdfuaid:part>')));
    assert.equal(pdf.title, DOCUMENT.title);
    assert.ok(bytes.equals(await renderTaggedPdf(DOCUMENT)));
  });
});
