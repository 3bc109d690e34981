import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Language, Report } from '../report.js';
import { distinctFigures, makeReport } from './report-factory.js';
import { renderCsv } from './render-csv.js';

function readBack(csv: string): string[][] {
  return parse(csv, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
}

/** The lines the CSV should hold, built straight from the Report. */
function expectedLines(report: Report): string[][] {
  return report.tables.flatMap((table) => table.rows.map((row) =>
    [table.id, table.title, row.id, row.label, ...report.columns.map((year) => String(row.values[String(year)]))]));
}

function checkRoundTrip(lang: Language): void {
  const report = makeReport({ lang, figures: distinctFigures });
  const [header, ...lines] = readBack(renderCsv(report, lang));
  assert.deepEqual(header, lang === 'nl'
    ? ['tabel_id', 'tabel', 'rij_id', 'omschrijving', '2024', '2025']
    : ['table_id', 'table', 'row_id', 'description', '2024', '2025']);
  assert.deepEqual(lines, expectedLines(report));
}

describe('renderCsv', () => {
  it('reads back as one line per Dutch row with a column per year', () => checkRoundTrip('nl'));

  it('reads back with English labels and headings', () => checkRoundTrip('en'));

  it('starts with a UTF-8 byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const csv = renderCsv(makeReport(), 'nl');
    assert.equal(csv.charCodeAt(0), 0xfeff);
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(csv.startsWith('\uFEFFtabel_id;tabel;rij_id;omschrijving;2024;2025\r\n'));
    assert.ok(csv.includes('\r\ncriminal-investigations;Strafrechtelijke onderzoeken;total;Totaal;16;18\r\n'));
    assert.equal(csv.split('\r\n').length, 1 + 24 + 1, 'header, 24 rows and the empty string after the last CRLF');
    assert.ok(!/[^\r]\n/.test(csv), 'no bare LF');
  });

  it('writes figures as plain integers so Excel reads them as numbers', () => {
    const lines = readBack(renderCsv(makeReport({ figures: () => 12345 }), 'nl'));
    assert.deepEqual(lines[1]?.slice(4), ['12345', '12345']);
  });

  it('quotes labels holding a separator, a quote or a line break (RFC 4180) and reads them back unchanged', () => {
    const labels = { appeal: 'Beroep; "spoed"', cassation: 'Cassatie\nHoge Raad', investigation: 'Onderzoek\r' };
    const report = makeReport({ labels });
    const csv = renderCsv(report, 'nl');
    assert.ok(csv.includes(';"Beroep; ""spoed""";'));
    assert.ok(csv.includes(';"Cassatie\nHoge Raad";'));
    assert.ok(csv.includes(';"Onderzoek\r";'));
    assert.deepEqual(readBack(csv).slice(1), expectedLines(report));
  });
});
