import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_TABLES } from '../definitions.js';
import type { Language } from '../report.js';
import { distinctFigures, makeReport } from './report-factory.js';
import { renderMarkdown } from './render-markdown.js';
import { expectedFigure, sectionLines } from './test-support.js';

const TABLE_HEADING = /^## /;

/** The cells of a Markdown table line, split on the pipes that are not escaped. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

function tableLines(lines: readonly string[]): string[][] {
  return lines.filter((line) => line.startsWith('|')).map(cells);
}

function checkEveryFigure(lang: Language): void {
  const report = makeReport({ lang, figures: distinctFigures });
  const markdown = renderMarkdown(report, lang);
  REPORT_TABLES.forEach((definition, tableIndex) => {
    const table = report.tables[tableIndex];
    assert.ok(table);
    const heading = `## ${lang === 'nl' ? 'Tabel' : 'Table'} ${tableIndex + 1}. ${definition.title[lang]}`;
    const [header, delimiter, ...body] = tableLines(sectionLines(markdown, new RegExp(`^${heading}$`), TABLE_HEADING));
    assert.deepEqual(header, ['', '2024', '2025'], heading);
    assert.ok(delimiter);
    assert.match(delimiter[0] ?? '', /^:-{3,}$/, 'label column left-aligned');
    assert.deepEqual(delimiter.slice(1).map((cell) => /^-{3,}:$/.test(cell)), [true, true], 'figure columns right-aligned');
    const expected = table.rows.map((row, rowIndex) => {
      const bold = (text: string): string => (row.id === 'total' ? `**${text}**` : text);
      return [bold(definition.rows[rowIndex]?.label[lang] ?? '?'), ...['2024', '2025'].map((year) => bold(expectedFigure(row.values[year] ?? NaN, lang)))];
    });
    assert.deepEqual(body, expected, heading);
  });
}

describe('renderMarkdown', () => {
  it('renders each Dutch table as a Markdown table with every figure in its row and column', () => checkEveryFigure('nl'));

  it('does the same in English', () => checkEveryFigure('en'));

  it('sets the total row in bold and only that row', () => {
    const rows = tableLines(sectionLines(renderMarkdown(makeReport(), 'nl'), /^## Tabel 3\. /, TABLE_HEADING)).slice(2);
    assert.deepEqual(rows, [['1F tegengeworpen', '38', '38'], ['1F niet tegengeworpen', '112', '64'], ['**Totaal**', '**150**', '**102**']]);
  });

  it('writes the title, the note under each table and the registration time at the foot', () => {
    const markdown = renderMarkdown(makeReport(), 'nl');
    assert.ok(markdown.startsWith('# Bijlage — Cijfers internationale misdrijven 2024–2025\n\n## Tabel 1. Strafrechtelijke onderzoeken\n'));
    const dossiers = sectionLines(markdown, /^## Tabel 4\. /, TABLE_HEADING);
    const lastRow = dossiers.findLastIndex((line) => line.startsWith('|'));
    assert.equal(dossiers[lastRow + 2], '*Peildata: 31 december 2024 en 31 december 2025.*');
    assert.ok(markdown.endsWith('\n\n*Stand van de registratie per 28 november 2026, 11:00 uur*\n'));
  });

  it('escapes a label that would break the table or turn into markup', () => {
    const report = makeReport({ labels: { appeal: 'Beroep | *spoed* [x]' } });
    const rows = tableLines(sectionLines(renderMarkdown(report, 'nl'), /^## Tabel 1\. /, TABLE_HEADING));
    assert.deepEqual(rows[4], ['Beroep \\| \\*spoed\\* \\[x\\]', '2', '3']);
  });

  it('writes figures with the thousands separator of the language', () => {
    const big = () => 12345;
    assert.match(renderMarkdown(makeReport({ figures: big }), 'nl'), /\| +12\.345 \|/);
    assert.match(renderMarkdown(makeReport({ lang: 'en', figures: big }), 'en'), /\| +12,345 \|/);
  });
});
