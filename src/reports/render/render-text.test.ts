import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_TABLES } from '../definitions.js';
import type { Language } from '../report.js';
import { distinctFigures, makeReport } from './report-factory.js';
import { renderText } from './render-text.js';
import { escapeRegExp, expectedFigure, sectionLines } from './test-support.js';

const TABLE_HEADING = /^(Tabel|Table) \d+\. /;

/** The end positions (exclusive) of the whitespace-separated tokens of a line. */
function tokenEnds(line: string): number[] {
  return [...line.matchAll(/\S+/g)].map((match) => match.index + match[0].length);
}

function checkEveryFigure(lang: Language): void {
  const report = makeReport({ lang, figures: distinctFigures });
  const text = renderText(report, lang);
  REPORT_TABLES.forEach((definition, tableIndex) => {
    const table = report.tables[tableIndex];
    assert.ok(table);
    const heading = `${lang === 'nl' ? 'Tabel' : 'Table'} ${tableIndex + 1}. ${definition.title[lang]}`;
    const lines = sectionLines(text, new RegExp(`^${escapeRegExp(heading)}$`), TABLE_HEADING);
    const header = lines.find((line) => /^\s+2024\s+2025$/.test(line));
    assert.ok(header, `${heading}: no header line with the years`);
    const yearEnds = tokenEnds(header);
    table.rows.forEach((row, rowIndex) => {
      const figures = ['2024', '2025'].map((year) => expectedFigure(row.values[year] ?? NaN, lang));
      const pattern = new RegExp(`^${escapeRegExp(definition.rows[rowIndex]?.label[lang] ?? '?')} +${figures.map(escapeRegExp).join(' +')}$`);
      const line = lines.find((candidate) => pattern.test(candidate));
      assert.ok(line, `${heading}: no line "${String(pattern)}"`);
      // Right-aligned: each figure ends exactly where its year in the header ends.
      assert.deepEqual(tokenEnds(line).slice(-2), yearEnds, `${heading} / ${row.id}: figures not under their years`);
    });
  });
}

describe('renderText', () => {
  it('puts every figure of every Dutch table on its row, right-aligned under its year', () => checkEveryFigure('nl'));

  it('does the same with the English labels and separators', () => checkEveryFigure('en'));

  it('aligns the figure columns of all tables with each other', () => {
    const text = renderText(makeReport({ figures: distinctFigures }), 'nl');
    const figureLines = text.split('\n').filter((line) => /\d\.\d{3}$/.test(line));
    assert.equal(figureLines.length, REPORT_TABLES.reduce((sum, table) => sum + table.rows.length, 0));
    assert.equal(new Set(figureLines.map((line) => line.length)).size, 1);
  });

  it('sets the total row apart with a rule above it', () => {
    const lines = sectionLines(renderText(makeReport(), 'nl'), /^Tabel 1\. /, TABLE_HEADING);
    const total = lines.findIndex((line) => /^Totaal +16 +18$/.test(line));
    assert.ok(total > 0);
    assert.match(lines[total - 1] ?? '', /^-+$/);
    assert.doesNotMatch(lines[total - 2] ?? '', /^-+$/);
    assert.equal(lines.filter((line) => /^-+$/.test(line)).length, 2, 'one rule under the header, one above the total');
  });

  it('writes the title underlined, the reference dates under stock tables and the registration time at the foot', () => {
    const text = renderText(makeReport(), 'nl');
    const lines = text.split('\n');
    assert.equal(lines[0], 'Bijlage — Cijfers internationale misdrijven 2024–2025');
    assert.equal(lines[1], '='.repeat(lines[0]?.length ?? 0));
    assert.ok(text.endsWith('\nStand van de registratie per 28 november 2026, 11:00 uur\n'));

    const criminal = sectionLines(text, /^Tabel 1\. /, TABLE_HEADING);
    const totalAt = criminal.findIndex((line) => line.startsWith('Totaal'));
    const noteAt = criminal.indexOf('Peildata: 31 december 2024 en 31 december 2025.');
    assert.ok(noteAt > totalAt && totalAt > 0, 'the reference dates stand under the table');
    const departures = sectionLines(text, /^Tabel 5\. /, TABLE_HEADING);
    assert.ok(departures.includes('Aantallen per kalenderjaar.'));
    assert.ok(!departures.some((line) => line.startsWith('Peildat')), 'a flow table has no reference date');
  });

  it('writes English headings and notes', () => {
    const text = renderText(makeReport({ lang: 'en' }), 'en');
    assert.ok(text.startsWith('Annex — Figures on international crimes 2024–2025\n'));
    assert.match(text, /^Table 2\. Extradition cases$/m);
    assert.match(text, /^Awaiting the minister's decision +0 +0$/m);
    assert.match(text, /^Reference dates for open cases: 31 December 2024 and 31 December 2025\. /m);
    assert.match(text, /^As recorded at 28 November 2026, 11:00 CET$/m);
  });
});
