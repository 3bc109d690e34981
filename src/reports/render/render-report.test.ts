import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImketenError } from '../../domain/errors.js';
import { makeReport } from './report-factory.js';
import { isReportFormat, renderReport, type ReportFormat } from './render-report.js';
import { renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

describe('renderReport', () => {
  it('writes JSON that parses back to the same Report, pretty-printed with a final newline', async () => {
    const report = makeReport();
    const json = await renderReport(report, 'json', 'nl');
    assert.equal(typeof json, 'string');
    assert.deepEqual(JSON.parse(json as string), report);
    assert.equal(json, `${JSON.stringify(report, null, 2)}\n`);
    assert.match(json as string, /^ {2}"asRecordedAt": "2026-11-28T10:00:00Z",$/m);
  });

  it('keeps the table and row ids of docs/domain.md §6 in the JSON', async () => {
    const parsed = JSON.parse(await renderReport(makeReport({ lang: 'en' }), 'json', 'en') as string) as {
      tables: { id: string; rows: { id: string; values: Record<string, number> }[] }[];
    };
    assert.deepEqual(parsed.tables.map((table) => table.id),
      ['criminal-investigations', 'extraditions', 'exclusion-decisions', 'departure-dossiers', 'departures']);
    assert.deepEqual(parsed.tables[4]?.rows.find((row) => row.id === 'voluntary-supervised')?.values, { 2024: 4, 2025: 11 });
  });

  it('hands text, Markdown and CSV to their renderers in the requested language', async () => {
    const report = makeReport({ lang: 'en' });
    assert.equal(await renderReport(report, 'text', 'en'), renderText(report, 'en'));
    assert.equal(await renderReport(report, 'markdown', 'en'), renderMarkdown(report, 'en'));
    assert.equal(await renderReport(report, 'csv', 'en'), renderCsv(report, 'en'));
    assert.notEqual(await renderReport(report, 'text', 'en'), renderText(report, 'nl'));
  });

  it('returns the Word document as a zip Buffer', async () => {
    const docx = await renderReport(makeReport(), 'docx', 'nl');
    assert.ok(Buffer.isBuffer(docx));
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
  });

  it('refuses a format it does not know', async () => {
    await assert.rejects(renderReport(makeReport(), 'pdf' as ReportFormat, 'nl'),
      (error: unknown) => error instanceof ImketenError && error.code === 'INVALID_INPUT' && error.message.includes('text, markdown, csv, json, docx'));
    assert.equal(isReportFormat('pdf'), false);
    assert.equal(isReportFormat('docx'), true);
  });
});
