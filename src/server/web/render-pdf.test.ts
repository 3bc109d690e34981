/**
 * The report PDF is a tagged PDF (issue 17): language, title shown, a structure tree in reading order with the
 * title an H1, each table's heading an H2, each table a Table of TR/TH/TD whose head cells (the years) are column
 * headers and whose row labels are row headers, the notes as P, and the page footer an artifact. Read back with
 * src/pdf/testing/read-pdf.ts (inflating the streams, decoding text through the fonts' ToUnicode maps).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementText, flatten, readPdf, type StructureNode } from '../../pdf/testing/read-pdf.js';
import { makeReport } from '../../reports/render/report-factory.js';
import { toReportView } from '../../reports/render/report-view.js';
import { renderReportPdf } from './render-pdf.js';

const CREATED = new Date('2026-11-28T10:00:00Z');

const ofType = (node: StructureNode, type: string) => flatten(node).filter((element) => element.type === type);

describe('the report PDF', () => {
  const view = toReportView(makeReport(), 'nl');

  it('names its language, shows its title and says it is tagged', async () => {
    const pdf = readPdf(await renderReportPdf(view, { creationDate: CREATED }));
    assert.match(pdf.catalog, /\/Lang \(nl-NL\)/);
    assert.match(pdf.catalog, /\/StructTreeRoot \d+ 0 R/);
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(pdf.catalog)?.[1];
    assert.match(pdf.objects.get(Number(markInfo))!.dictionary, /\/Marked true/);
    const viewer = /\/ViewerPreferences (\d+) 0 R/.exec(pdf.catalog)?.[1];
    assert.match(pdf.objects.get(Number(viewer))!.dictionary, /\/DisplayDocTitle true/);
    assert.equal(pdf.title, view.title, 'the title in the document information');
    const english = readPdf(await renderReportPdf(toReportView(makeReport({ lang: 'en' }), 'en'), { creationDate: CREATED }));
    assert.match(english.catalog, /\/Lang \(en-GB\)/);
  });

  it('tags the title, the headings, the tables with their header cells, and the notes, in reading order', async () => {
    const pdf = readPdf(await renderReportPdf(view, { creationDate: CREATED }));
    const root = pdf.structure;
    assert.equal(root.type, 'Document');
    const kinds = root.children.map((element) => element.type);
    assert.deepEqual(kinds, ['H1', ...view.tables.flatMap(() => ['H2', 'Table', 'P']), 'P']);
    assert.equal(elementText(root.children[0]!), view.title);
    assert.deepEqual(ofType(root, 'H2').map(elementText), view.tables.map((table) => table.heading));

    const tables = ofType(root, 'Table');
    assert.equal(tables.length, view.tables.length);
    tables.forEach((table, index) => {
      const source = view.tables[index]!;
      const rows = table.children;
      assert.ok(rows.every((row) => row.type === 'TR'));
      assert.equal(rows.length, 1 + source.rows.length, 'a head row and one row per report row');
      // The head: an empty corner and one column header per year.
      assert.deepEqual(rows[0]!.children.map((cell) => [cell.type, cell.scope, elementText(cell)]),
        [['TH', 'Column', ''], ...view.years.map((year) => ['TH', 'Column', year])]);
      // Each body row: its label a row header, then one data cell per year with the figure.
      source.rows.forEach((row, rowIndex) => {
        const cells = rows[rowIndex + 1]!.children;
        assert.deepEqual(cells.map((cell) => cell.type), ['TH', ...view.years.map(() => 'TD')]);
        assert.equal(cells[0]!.scope, 'Row');
        assert.equal(elementText(cells[0]!), row.label);
        assert.deepEqual(cells.slice(1).map(elementText), row.figures.map((figure) => new Intl.NumberFormat('nl-NL').format(figure)));
      });
    });
    const cells = view.tables.reduce((sum, table) => sum + table.rows.length, 0);
    assert.equal(ofType(root, 'TH').length, view.tables.length * (1 + view.years.length) + cells);
    assert.equal(ofType(root, 'TD').length, cells * view.years.length);
    assert.deepEqual(root.children.filter((element) => element.type === 'P').map(elementText), [...view.tables.map((table) => table.note), view.footer]);
  });

  it('keeps the text extractable, the page footer as an artifact outside the structure', async () => {
    const pdf = readPdf(await renderReportPdf(view, { creationDate: CREATED }));
    for (const table of view.tables) assert.ok(pdf.text.includes(table.heading), table.heading);
    assert.ok(pdf.text.includes(view.footer));
    assert.match(pdf.text, new RegExp(`pagina 1 van ${pdf.pages}`));
    assert.doesNotMatch(pdf.taggedText, /pagina 1 van/, 'the footer is an artifact');
    assert.doesNotMatch(JSON.stringify(pdf.structure), /pagina 1 van/);
  });

  it('writes the same bytes for the same report and creation date', async () => {
    const first = await renderReportPdf(view, { creationDate: CREATED });
    const second = await renderReportPdf(view, { creationDate: CREATED });
    assert.ok(first.equals(second));
  });
});
