import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  dateInWords,
  addMonths,
  addYears,
  comparePartialDates,
  isCalendarDate,
  normaliseTimestamp,
  parsePartialDate,
} from './dates.js';

const partial = (text: string) => {
  const date = parsePartialDate(text);
  assert.ok(date, `${text} should be a partial date`);
  return date;
};

describe('calendar dates', () => {
  it('accepts real dates, leap days included', () => {
    for (const date of ['2025-01-01', '2024-02-29', '2000-02-29', '1999-12-31']) assert.equal(isCalendarDate(date), true, date);
  });

  it('refuses impossible dates and other forms', () => {
    for (const date of ['2025-13-45', '2025-02-30', '2023-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-1-1', '20250101', '2025-01-01T00:00:00Z', ''])
      assert.equal(isCalendarDate(date), false, date);
  });
});

describe('partial dates', () => {
  it('gives a year its first and last day', () => {
    assert.deepEqual(partial('1994'), { text: '1994', precision: 'year', earliest: '1994-01-01', latest: '1994-12-31' });
  });

  it('gives a month its first and last day, leap years included', () => {
    assert.deepEqual(partial('2012-02'), { text: '2012-02', precision: 'month', earliest: '2012-02-01', latest: '2012-02-29' });
  });

  it('takes a full date as itself', () => {
    assert.equal(partial('2013-05-20').latest, '2013-05-20');
  });

  it('refuses impossible months and days', () => {
    for (const text of ['2012-13', '2013-02-30', '94', '1994-1', 'circa 1994']) assert.equal(parsePartialDate(text), undefined, text);
  });

  it('compares at the coarser precision', () => {
    assert.equal(comparePartialDates(partial('1994'), partial('1995-03')), 'before');
    assert.equal(comparePartialDates(partial('1995-03'), partial('1994')), 'after');
    assert.equal(comparePartialDates(partial('1994'), partial('1994-06-01')), 'overlaps');
    assert.equal(comparePartialDates(partial('2003-09'), partial('2003-10-01')), 'before');
    assert.equal(comparePartialDates(partial('2003'), partial('2003-10-01')), 'overlaps');
  });
});

describe('timestamps', () => {
  it('normalises any zone to UTC in the toISOString form', () => {
    assert.equal(normaliseTimestamp('2024-12-12T09:30:00Z'), '2024-12-12T09:30:00.000Z');
    assert.equal(normaliseTimestamp('2024-12-12T10:30:00+01:00'), '2024-12-12T09:30:00.000Z');
    assert.equal(normaliseTimestamp('2024-12-12T10:30+0100'), '2024-12-12T09:30:00.000Z');
    assert.equal(normaliseTimestamp('2024-12-12T04:30:00.5-05'), '2024-12-12T09:30:00.500Z');
    assert.equal(normaliseTimestamp('2024-12-12T09:30:00.123456Z'), '2024-12-12T09:30:00.123Z');
    assert.equal(normaliseTimestamp('2025-01-01T00:30:00+01:00'), '2024-12-31T23:30:00.000Z');
  });

  it('checks the fields of a UTC timestamp and pads its fraction', () => {
    assert.equal(normaliseTimestamp('2024-02-29T23:59:59.999Z'), '2024-02-29T23:59:59.999Z');
    assert.equal(normaliseTimestamp('2024-12-12T09:30:00.5Z'), '2024-12-12T09:30:00.500Z');
    assert.equal(normaliseTimestamp('2024-12-12T09:30:00.12Z'), '2024-12-12T09:30:00.120Z');
    for (const text of ['2023-02-29T09:00:00.000Z', '2024-04-31T09:00:00.000Z', '2024-12-12T24:00:00.000Z', '2024-12-12T09:60:00.000Z', '2024-12-12T09:30:60.000Z', '2024-00-12T09:30:00.000Z'])
      assert.equal(normaliseTimestamp(text), undefined, text);
  });

  it('makes string order the order of instants', () => {
    const a = normaliseTimestamp('2024-12-12T10:00:00+02:00') as string;
    const b = normaliseTimestamp('2024-12-12T09:00:00Z') as string;
    assert.ok(a < b);
  });

  it('refuses timestamps without a zone or with impossible parts', () => {
    for (const text of ['2024-12-12T09:30:00', '2024-12-12', '2024-13-12T09:30:00Z', '2024-12-12T24:00:00Z', '2024-12-12T09:60:00Z', '2024-02-30T09:00:00Z', '2024-12-12T09:30:00+25:00', 'yesterday'])
      assert.equal(normaliseTimestamp(text), undefined, text);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addDays('2024-06-01', 14), '2024-06-15');
  });

  it('adds months, taking the last day of a shorter month', () => {
    assert.equal(addMonths('2024-08-31', 6), '2025-02-28');
    assert.equal(addMonths('2023-08-29', 6), '2024-02-29');
    assert.equal(addMonths('2024-01-15', 6), '2024-07-15');
    assert.equal(addMonths('2024-11-30', 3), '2025-02-28');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
  });

  it('adds years as twelve months', () => {
    assert.equal(addYears('2024-02-29', 10), '2034-02-28');
    assert.equal(addYears('2023-07-01', 10), '2033-07-01');
  });

  it('refuses to calculate with something that is not a date', () => {
    assert.throws(() => addDays('2025-02-30', 1), /not a calendar date/);
  });
});

describe('dates in words', () => {
  it('writes a date as people do, in Dutch and English, at its precision', () => {
    assert.equal(dateInWords('2021-10-07', 'nl'), '7 oktober 2021');
    assert.equal(dateInWords('2021-10-07', 'en'), '7 October 2021');
    assert.equal(dateInWords('2021-03', 'nl'), 'maart 2021');
    assert.equal(dateInWords('1968', 'en'), '1968');
    assert.equal(dateInWords('not a date', 'nl'), 'not a date');
  });
});
