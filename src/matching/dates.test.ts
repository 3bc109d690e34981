import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareBirthDates, parseBirthDate, parseBirthDateStrict } from './dates.js';
import type { BirthDate } from './dates.js';

const dates = (...texts: string[]): BirthDate[] => texts.map((text) => parseBirthDate(text) as BirthDate);

describe('birth dates', () => {
  it('parses every precision and year ranges', () => {
    assert.deepEqual(parseBirthDateStrict('1976'), { text: '1976', fromYear: 1976, toYear: 1976 });
    assert.deepEqual(parseBirthDateStrict('1976-10'), { text: '1976-10', fromYear: 1976, toYear: 1976, month: 10 });
    assert.deepEqual(parseBirthDateStrict('1976-10-05'), { text: '1976-10-05', fromYear: 1976, toYear: 1976, month: 10, day: 5 });
    assert.deepEqual(parseBirthDateStrict('1963/1968'), { text: '1963/1968', fromYear: 1963, toYear: 1968 });
  });

  it('refuses impossible dates with a reason when strict, and keeps what it can when lenient', () => {
    assert.match(parseBirthDateStrict('1974-01-32') as string, /day 32 does not exist/);
    assert.match(parseBirthDateStrict('5 Oct 1976') as string, /not a date/);
    assert.deepEqual(parseBirthDate('1974-01-32'), { text: '1974-01-32', fromYear: 1974, toYear: 1974, month: 1 });
  });

  it('never lets a year-only date contradict a full date of that year', () => {
    assert.equal(compareBirthDates(dates('1976'), dates('1976-10-05')).outcome, 'compatible');
    assert.equal(compareBirthDates(dates('1976-10'), dates('1976-10-05')).outcome, 'compatible');
    assert.equal(compareBirthDates(dates('1965'), dates('1963/1968')).outcome, 'compatible');
  });

  it('compares at the precision both dates have', () => {
    assert.deepEqual(compareBirthDates(dates('1976-10-05'), dates('1976-10-05')).precision, 'day');
    assert.equal(compareBirthDates(dates('1976'), dates('1976')).precision, 'year');
  });

  it('calls different years a conflict and near misses near', () => {
    assert.equal(compareBirthDates(dates('1966'), dates('1961')).outcome, 'conflict');
    assert.equal(compareBirthDates(dates('1976-10-05'), dates('1986-10-05')).outcome, 'conflict');
    assert.equal(compareBirthDates(dates('1972'), dates('1973')).outcome, 'near');
    assert.equal(compareBirthDates(dates('1976-05-10'), dates('1976-10-05')).outcome, 'near');
  });

  it('takes the best of several recorded dates and knows when nothing is known', () => {
    assert.equal(compareBirthDates(dates('1955-08-31'), dates('1960-08-31', '1955-08-31')).outcome, 'agree');
    assert.equal(compareBirthDates([], dates('1960')).outcome, 'unknown');
  });
});
