import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MatchIndex } from './index.js';
import { DEFAULT_THRESHOLD, PERSON_SCORING, scorePerson } from './person-score.js';
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

describe('a birth date that agrees to the day confirms a name that corresponds in part', () => {
  // a fictional person; "Khaled" / "Khaliq" differ in two letters, so the name alone scores under the threshold
  const listed = entry({ id: 'X-002', names: ['Samir Nabil Mahmoud Abdul Khaliq'], birthDates: ['1968-03-14'], nationalities: ['SYR'] });
  const name = 'Samir Nabil Mahmood Abdul Khaled';

  it('makes a hit of a name up to dateConfirmReach under the threshold, and says so', () => {
    const nameOnly = scoreOf({ name }, listed);
    assert.ok(nameOnly < DEFAULT_THRESHOLD && nameOnly >= DEFAULT_THRESHOLD - PERSON_SCORING.dateConfirmReach, String(nameOnly));
    const result = scorePerson({ name, birthDates: ['1968-03-14'] }, listed);
    assert.ok(result && result.score >= DEFAULT_THRESHOLD, JSON.stringify(result?.score));
    assert.equal(result.explanation.birthDate.confirmsName, true);
    assert.equal(result.explanation.birthDate.effect, PERSON_SCORING.dateConfirmsName);
    assert.equal(result.explanation.nameScore, nameOnly);
  });

  it('does not for a birth year, a date on one side only, or a nationality that conflicts', () => {
    for (const query of [{ name, birthDates: ['1968'] }, { name, birthDates: ['1968-03'] }, { name, birthDates: ['1968-03-14'], nationalities: ['IRQ'] }]) {
      const result = scorePerson(query, listed);
      assert.ok((result?.score ?? 0) < DEFAULT_THRESHOLD, JSON.stringify(query));
      assert.equal(result?.explanation.birthDate.confirmsName, undefined);
    }
    assert.ok(scoreOf({ name, birthDates: ['1968-03-14'] }, { ...listed, birthDates: ['1968'] }) < DEFAULT_THRESHOLD);
  });

  it('does not for 1 January, which often stands for an unknown day of birth', () => {
    const newYear = { ...listed, birthDates: ['1968-01-01'] };
    assert.ok(scoreOf({ name, birthDates: ['1968-01-01'] }, newYear) < DEFAULT_THRESHOLD);
    // for a name that matches by itself, the date agrees as any other
    const agreeing = scorePerson({ name: 'Samir Nabil Mahmoud Abdul Khaliq', birthDates: ['1968-01-01'] }, newYear);
    assert.equal(agreeing?.explanation.birthDate.effect, PERSON_SCORING.dateAgreeDay);
  });

  it('does not for a name further under the threshold: agreement alone never makes a match', () => {
    const target = entry({ names: ['Donald Tusk'], birthDates: ['1957-04-22'], nationalities: ['POL'] });
    assert.ok(scoreOf({ name: 'Daniel Tusk' }, target) < DEFAULT_THRESHOLD - PERSON_SCORING.dateConfirmReach);
    assert.ok(scoreOf({ name: 'Daniel Tusk', birthDates: ['1957-04-22'], nationalities: ['POL'] }, target) < DEFAULT_THRESHOLD);
  });

  it('is found by a search at the threshold, whose candidates are scored that far under it', () => {
    const index = MatchIndex.from([listed, entry()]);
    assert.deepEqual(index.search({ name }).hits.map((hit) => hit.id), []);
    const [hit] = index.search({ name, birthDates: ['1968-03-14'], nationalities: ['SYR'] }).hits;
    assert.equal(hit?.id, 'X-002');
    assert.equal(hit?.explanation.birthDate.confirmsName, true);
  });
});
