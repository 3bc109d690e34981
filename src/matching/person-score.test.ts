import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_THRESHOLD, scorePerson } from './person-score.js';
import type { ScreeningQuery, WatchlistEntry } from './person-score.js';

const entry = (overrides: Partial<WatchlistEntry> = {}): WatchlistEntry => ({
  id: 'X-001', names: ['Mohammed al-Hassan', 'محمد الحسن'], birthDates: ['1976-10-05'], nationalities: ['IRQ'], ...overrides,
});
const scoreOf = (query: ScreeningQuery, target: WatchlistEntry = entry()): number => scorePerson(query, target)?.score ?? 0;

describe('scoring a person: names, birth dates, nationality', () => {
  it('lowers the score when the birth dates conflict', () => {
    const base = scoreOf({ name: 'Muhammad Alhasan' });
    const conflicting = scoreOf({ name: 'Muhammad Alhasan', birthDates: ['1950'] });
    assert.ok(conflicting < base, `${conflicting} < ${base}`);
  });

  it('never lowers the score for a year-only date of the same year', () => {
    const base = scoreOf({ name: 'Muhammad Alhasan' });
    assert.ok(scoreOf({ name: 'Muhammad Alhasan', birthDates: ['1976'] }) >= base);
  });

  it('never makes a match from agreeing dates and nationality alone', () => {
    const target = entry({ names: ['Donald Tusk'], birthDates: ['1957-04-22'], nationalities: ['POL'] });
    const nameOnly = scoreOf({ name: 'Daniel Tusk' }, target);
    const withAgreement = scoreOf({ name: 'Daniel Tusk', birthDates: ['1957-04-22'], nationalities: ['POL'] }, target);
    assert.ok(nameOnly < DEFAULT_THRESHOLD);
    assert.equal(withAgreement, nameOnly);
  });

  it('raises a matching name a little when dates and nationality agree', () => {
    const base = scoreOf({ name: 'Muhammad Alhasan' });
    assert.ok(scoreOf({ name: 'Muhammad Alhasan', birthDates: ['1976-10-05'], nationalities: ['iq'] }) > base);
  });

  it('lowers the score a little for a different nationality, and explains what dates and nationality did', () => {
    const result = scorePerson({ name: 'Muhammad Alhasan', birthDates: ['1976'], nationalities: ['SYR'] }, entry());
    assert.ok(result);
    assert.equal(result.explanation.birthDate.outcome, 'compatible');
    assert.equal(result.explanation.nationality.outcome, 'conflict');
    assert.ok(result.explanation.nationality.effect < 0);
    assert.equal(result.explanation.name.entryName, 'محمد الحسن');
  });
});
