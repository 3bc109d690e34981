import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { REPORT_TABLES } from '../definitions.js';
import type { Language } from '../report.js';
import { distinctFigures, makeReport } from './report-factory.js';
import { renderDocx } from './render-docx.js';
import { expectedFigure } from './test-support.js';

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  assert.ok(file, 'the .docx has a word/document.xml');
  return file.async('string');
}

const all = (xml: string, pattern: RegExp): string[] => xml.match(pattern) ?? [];
const tablesOf = (xml: string): string[] => all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
const rowsOf = (table: string): string[] => all(table, /<w:tr>[\s\S]*?<\/w:tr>/g);
const cellsOf = (row: string): string[] => all(row, /<w:tc>[\s\S]*?<\/w:tc>/g);

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of each paragraph outside the tables, in document order. */
function paragraphsOutsideTables(xml: string): string[] {
  return all(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '<w:p><w:r><w:t>[table]</w:t></w:r></w:p>'), /<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g).map(textOf);
}

const isBold = (cell: string): boolean => /<w:b\/>/.test(cell);
const isRight = (cell: string): boolean => /<w:jc w:val="right"\/>/.test(cell);

async function checkEveryFigure(lang: Language): Promise<void> {
  const report = makeReport({ lang, figures: distinctFigures });
  const tables = tablesOf(await documentXml(await renderDocx(report, lang)));
  assert.equal(tables.length, REPORT_TABLES.length);
  tables.forEach((tableXml, tableIndex) => {
    const table = report.tables[tableIndex];
    assert.ok(table);
    const [header, ...body] = rowsOf(tableXml);
    assert.ok(header);
    assert.deepEqual(cellsOf(header).map(textOf), ['', '2024', '2025'], `${table.id}: header years`);
    assert.deepEqual(body.map((row) => cellsOf(row).map(textOf)), table.rows.map((row, rowIndex) => [
      REPORT_TABLES[tableIndex]?.rows[rowIndex]?.label[lang],
      ...['2024', '2025'].map((year) => expectedFigure(row.values[year] ?? NaN, lang)),
    ]), `${table.id}: rows`);
  });
}

describe('renderDocx', () => {
  it('writes one Word table per report table with the years as header and every Dutch figure in its cell', () => checkEveryFigure('nl'));

  it('does the same with English labels', () => checkEveryFigure('en'));

  it('shades and repeats the header row, right-aligns the figures and sets only the total row in bold', async () => {
    const tables = tablesOf(await documentXml(await renderDocx(makeReport(), 'nl')));
    for (const table of tables) {
      const [header, ...body] = rowsOf(table);
      assert.ok(header);
      assert.match(header, /<w:tblHeader\/>/);
      assert.deepEqual(cellsOf(header).map((cell) => /w:fill="D9D9D9"/.test(cell)), [true, true, true]);
      for (const row of body) {
        const [labelCell, ...figureCells] = cellsOf(row);
        assert.ok(labelCell);
        assert.equal(isRight(labelCell), false);
        assert.deepEqual(figureCells.map(isRight), [true, true]);
        const total = textOf(labelCell) === 'Totaal';
        assert.deepEqual(cellsOf(row).map(isBold), [total, total, total], textOf(row));
        assert.doesNotMatch(row, /w:fill=/, 'only the header row is shaded');
      }
      assert.equal(textOf(cellsOf(body.at(-1) ?? '')[0] ?? ''), 'Totaal', 'the total comes last');
    }
  });

  it('draws borders around and inside every table', async () => {
    const tables = tablesOf(await documentXml(await renderDocx(makeReport(), 'nl')));
    for (const table of tables) {
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
        assert.match(table, new RegExp(`<w:tblBorders>[\\s\\S]*<w:${side} w:val="single"[\\s\\S]*</w:tblBorders>`), side);
      }
    }
  });

  it('puts the title first, each heading before its table and the note with the reference dates after it', async () => {
    const paragraphs = paragraphsOutsideTables(await documentXml(await renderDocx(makeReport(), 'nl')));
    assert.deepEqual(paragraphs, [
      'Bijlage — Cijfers internationale misdrijven 2024–2025',
      'Tabel 1. Strafrechtelijke onderzoeken', '[table]', 'Peildata: 31 december 2024 en 31 december 2025.',
      'Tabel 2. Uitleveringszaken', '[table]',
      'Peildata lopende zaken: 31 december 2024 en 31 december 2025. Overige rijen: aantallen per kalenderjaar.',
      'Tabel 3. Beslissingen 1F', '[table]', 'Aantallen per kalenderjaar.',
      'Tabel 4. Lopende 1F-dossiers bij DT&V', '[table]', 'Peildata: 31 december 2024 en 31 december 2025.',
      'Tabel 5. Vertrek van 1F-vreemdelingen', '[table]', 'Aantallen per kalenderjaar.',
      'Stand van de registratie per 28 november 2026, 11:00 uur',
    ]);
  });

  it('marks the title and table headings as Word headings, in black', async () => {
    const buffer = await renderDocx(makeReport({ lang: 'en' }), 'en');
    const xml = await documentXml(buffer);
    assert.equal(all(xml, /<w:pStyle w:val="Heading1"\/>/g).length, 1);
    assert.equal(all(xml, /<w:pStyle w:val="Heading2"\/>/g).length, REPORT_TABLES.length);
    const styles = await (await JSZip.loadAsync(buffer)).file('word/styles.xml')?.async('string');
    const heading2 = styles?.match(/<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/)?.[0] ?? '';
    assert.match(heading2, /<w:color w:val="000000"\/>/);
    assert.match(styles ?? '', /<w:lang w:val="en-GB"\/>/);
  });
});
