import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AsOf } from '../domain/as-of.js';
import { parseRuleConfig } from '../domain/rules/rule-config.js';
import { testRuleConfig } from '../domain/testing/rule-config.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { listRetentionDue } from './list-retention-due.js';

// A table of our own (config/rules.json may be corrected by a jurist): police 5 years, IND 10 years, identity at once.
const base = testRuleConfig();
const rule = (id: string, partner: string, streamKind: string, startsAt: string, years: number) => ({ id, partner, law: 'avg', article: 'art. 5', data: { nl: id, en: id }, streamKind, startsAt, years, source: 'test' });
const config = parseRuleConfig({
  ...base,
  laws: { ...base.laws, avg: { name: { nl: 'AVG', en: 'GDPR' } } },
  retention: { rules: [rule('tim-criminal', 'tim', 'criminal', 'case-closed', 5), rule('ind-1f', 'ind', 'exclusion', 'exclusion-final', 10), rule('chain-person', 'chain', 'person', 'last-case-ended', 0)] },
});
const NOW = '2026-01-10T00:00:00.000Z';
const asOf = (date: string): AsOf => ({ date, recordedAt: NOW, recordedAtGiven: true });

describe('the retention due list (listRetentionDue)', () => {
  let store: TestStore;
  const f = new EventFactory();
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    const events = [
      f.event('person/P-A', 'person.registered', '2000-01-01', { names: ['Fictief A'] }),
      f.event('person/P-B', 'person.registered', '2000-01-01', { names: ['Fictief B'] }),
      f.event('criminal/SZ-A', 'criminal.opened', '2005-01-01', { suspect: 'P-A', offences: ['torture'] }),
      f.event('criminal/SZ-A', 'criminal.closed', '2008-01-01', { reason: 'dismissed' }),
      f.event('criminal/SZ-B', 'criminal.opened', '2005-01-01', { suspect: 'P-B', offences: ['torture'] }),
      f.event('criminal/SZ-B', 'criminal.closed', '2008-01-01', { reason: 'dismissed' }),
      f.event('exclusion/IF-B', 'exclusion.opened', '2009-01-01', { person: 'P-B' }),
      f.event('person/P-A', 'person.legal-hold-placed', '2014-01-01', { reason: 'klacht in behandeling' }, { id: 'hold-a' }),
      f.event('person/P-A', 'person.legal-hold-lifted', '2016-01-01', { hold: 'hold-a', reason: 'klacht afgehandeld' }),
    ];
    await importEvents(store.db, [textSource('retention.jsonl', jsonl(events))], { now: () => new Date(NOW) });
  });
  after(async () => { await store?.dispose(); });

  it('lists nothing before the terms end', async () => {
    assert.deepEqual(await listRetentionDue(store.db, { asOf: asOf('2012-12-31') }, config), []);
  });

  it('holds a case by a legal hold on its person and by an open case of another partner about the same person', async () => {
    const entries = await listRetentionDue(store.db, { asOf: asOf('2015-01-01'), partner: 'tim' }, config);
    assert.deepEqual(entries.map((entry) => [entry.stream, entry.status, entry.dueOn, entry.holds.map((hold) => `${hold.kind}:${hold.source}`)]), [
      ['criminal/SZ-A', 'held', '2013-01-01', ['legal-hold:hold-a']],
      ['criminal/SZ-B', 'held', '2013-01-01', ['open-case:exclusion/IF-B']],
    ]);
  });

  it('lists a case as due once the hold is lifted, and the identity record once its last case is due', async () => {
    const entries = await listRetentionDue(store.db, { asOf: asOf('2016-01-01') }, config);
    assert.deepEqual(entries.map((entry) => [entry.partner, entry.stream, entry.status]), [
      ['tim', 'criminal/SZ-A', 'due'],
      ['tim', 'criminal/SZ-B', 'held'],
      ['chain', 'person/P-A', 'due'],
    ]);
    assert.match(entries[0]!.reason.en, /due for removal since 2013-01-01: 5 years after the closing of the criminal case on 2008-01-01/);
    assert.deepEqual(entries[0]!.persons, ['P-A']);
  });

  it('keeps to one partner', async () => {
    assert.deepEqual(await listRetentionDue(store.db, { asOf: asOf('2016-01-01'), partner: 'ind' }, config), []);
  });
});
