import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImketenError } from '../../domain/errors.js';
import { formatDate, formatFigure, formatRecordedAt, formatYearSpan } from './format.js';

describe('formatDate', () => {
  it('writes a date in Dutch words with a lower-case month', () => {
    assert.equal(formatDate('2025-12-31', 'nl'), '31 december 2025');
    assert.equal(formatDate('2024-03-01', 'nl'), '1 maart 2024');
  });

  it('writes a date in English day-month order', () => {
    assert.equal(formatDate('2025-12-31', 'en'), '31 December 2025');
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2025-02-30', '31-12-2025', '2025-12-31T00:00:00Z', '']) {
      assert.throws(() => formatDate(bad, 'nl'), (error: unknown) => error instanceof ImketenError && error.code === 'INVALID_INPUT', bad);
    }
  });
});

describe('formatRecordedAt', () => {
  it('shows the UTC transaction time as Dutch winter time', () => {
    assert.equal(formatRecordedAt('2026-11-28T10:00:00Z', 'nl'), '28 november 2026, 11:00 uur');
    assert.equal(formatRecordedAt('2026-11-28T10:00:00Z', 'en'), '28 November 2026, 11:00 CET');
  });

  it('shows summer time, and the Dutch date when UTC is still on the day before', () => {
    assert.equal(formatRecordedAt('2025-06-30T23:30:00Z', 'nl'), '1 juli 2025, 01:30 uur');
    assert.equal(formatRecordedAt('2025-06-30T23:30:00Z', 'en'), '1 July 2025, 01:30 CEST');
  });

  it('refuses a time it cannot read', () => {
    assert.throws(() => formatRecordedAt('yesterday', 'nl'), ImketenError);
  });
});

describe('formatFigure and formatYearSpan', () => {
  it('uses the thousands separator of the language', () => {
    assert.equal(formatFigure(1234, 'nl'), '1.234');
    assert.equal(formatFigure(1234, 'en'), '1,234');
    assert.equal(formatFigure(0, 'nl'), '0');
  });

  it('joins the first and last column year with an en dash', () => {
    assert.equal(formatYearSpan([2024, 2025]), '2024–2025');
    assert.equal(formatYearSpan([2025]), '2025');
  });
});
