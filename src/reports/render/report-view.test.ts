import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImketenError } from '../../domain/errors.js';
import { makeReport } from './report-factory.js';
import { toReportView } from './report-view.js';

const noteOf = (view: ReturnType<typeof toReportView>, id: string): string | undefined =>
  view.tables.find((table) => table.id === id)?.note;

describe('toReportView', () => {
  it('titles the document with the span of the column years and numbers the tables', () => {
    const view = toReportView(makeReport(), 'nl');
    assert.equal(view.title, 'Bijlage — Cijfers internationale misdrijven 2024–2025');
    assert.deepEqual(view.tables.map((table) => table.heading), [
      'Tabel 1. Strafrechtelijke onderzoeken', 'Tabel 2. Uitleveringszaken', 'Tabel 3. Beslissingen 1F',
      'Tabel 4. Lopende 1F-dossiers bij DT&V', 'Tabel 5. Vertrek van 1F-vreemdelingen',
    ]);
    assert.equal(view.footer, 'Stand van de registratie per 28 november 2026, 11:00 uur');
  });

  it('gives stock tables their reference dates, flow tables the calendar year, and the mixed table both', () => {
    const view = toReportView(makeReport(), 'nl');
    assert.equal(noteOf(view, 'criminal-investigations'), 'Peildata: 31 december 2024 en 31 december 2025.');
    assert.equal(noteOf(view, 'departure-dossiers'), 'Peildata: 31 december 2024 en 31 december 2025.');
    assert.equal(noteOf(view, 'exclusion-decisions'), 'Aantallen per kalenderjaar.');
    assert.equal(noteOf(view, 'departures'), 'Aantallen per kalenderjaar.');
    assert.equal(noteOf(view, 'extraditions'),
      'Peildata lopende zaken: 31 december 2024 en 31 december 2025. Overige rijen: aantallen per kalenderjaar.');
  });

  it('writes the notes in English, with a reference date of a year that is not over yet', () => {
    const report = makeReport({ lang: 'en', referenceDates: { 2024: '2024-12-31', 2025: '2025-11-28' } });
    const view = toReportView(report, 'en');
    assert.equal(noteOf(view, 'criminal-investigations'), 'Reference dates: 31 December 2024 and 28 November 2025.');
    assert.equal(noteOf(view, 'departures'), 'Numbers per calendar year.');
    assert.equal(view.footer, 'As recorded at 28 November 2026, 11:00 CET');
  });

  it('names the column of a reference date that lies outside its year', () => {
    const view = toReportView(makeReport({ referenceDates: { 2024: '2025-01-15', 2025: '2025-12-31' } }), 'nl');
    assert.equal(noteOf(view, 'criminal-investigations'), 'Peildata: 15 januari 2025 (2024) en 31 december 2025.');
  });

  it('marks the total rows and keeps the figures in column order', () => {
    const view = toReportView(makeReport(), 'nl');
    const criminal = view.tables[0];
    assert.deepEqual(criminal?.rows.map((row) => [row.id, row.isTotal, ...row.figures]), [
      ['investigation', false, 3, 5], ['first-instance', false, 7, 6], ['appeal', false, 2, 3],
      ['cassation', false, 4, 4], ['total', true, 16, 18],
    ]);
  });

  it('refuses a report with a missing figure, naming the table, row and year', () => {
    const report = makeReport();
    const row = report.tables[1]?.rows[6];
    assert.ok(row);
    delete row.values['2025'];
    assert.throws(() => toReportView(report, 'nl'), (error: unknown) =>
      error instanceof ImketenError && error.code === 'INVALID_INPUT' && /extraditions.*extradited.*2025/.test(error.message));
  });

  it('refuses a report without the reference date a stock table needs', () => {
    const report = makeReport({ referenceDates: { 2024: '2024-12-31' } });
    assert.throws(() => toReportView(report, 'nl'), /reference date \(peildatum\) for 2025/);
  });
});
