import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ruleConfig } from '../config/rules.js';
import { deriveFor } from '../registry/derived.js';
import { viewStream } from '../registry/stream-view.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import type { Queryable } from '../store/db.js';
import type { AsOf } from '../domain/as-of.js';
import { listArticle3Reassessment } from './list-article3-reassessment.js';
import { listUnprosecutable } from './list-unprosecutable.js';
import { listVictims } from './list-victims.js';

const NOW = '2026-01-10T00:00:00.000Z';
const asOf = (date: string): AsOf => ({ date, recordedAt: NOW, recordedAtGiven: true });
const overdueVictims = async (db: Queryable, at: AsOf) => (await listVictims(db, { asOf: at, overdueOnly: true }, ruleConfig())).flatMap((item) => item.victims);

describe('the lists of R1, R7 and R5, and what the rules derive for one case', () => {
  let store: TestStore;
  const f = new EventFactory();
  const indictment = f.event('criminal/SZ-1', 'criminal.indicted', '2025-03-01', { court: 'Rechtbank Den Haag' });
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    const person = (id: string, nationality: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [`Person ${id}`], nationalities: [nationality] });
    const events = [
      person('P-OLD', 'RWA'), person('P-NEW', 'SYR'), person('P-SYR', 'SYR'), person('P-AFG', 'AFG'), person('P-V', 'SYR'), person('P-S', 'SYR'),
      f.event('exclusion/IF-OLD', 'exclusion.opened', '2016-01-01', { person: 'P-OLD' }),
      f.event('exclusion/IF-OLD', 'exclusion.decided', '2017-01-01', { outcome: 'applied', grounds: ['a'], acts: [{ offence: 'crimes-against-humanity', from: '1994-04', until: '1994-07' }] }),
      f.event('exclusion/IF-NEW', 'exclusion.opened', '2016-01-01', { person: 'P-NEW' }),
      f.event('exclusion/IF-NEW', 'exclusion.decided', '2017-01-01', { outcome: 'applied', grounds: ['a'], article3Barrier: true, acts: [{ offence: 'war-crimes', from: '2013-05-20' }] }),
      f.event('departure/DTV-1', 'departure.opened', '2017-02-01', { person: 'P-SYR' }),
      f.event('departure/DTV-1', 'departure.article3-barrier', '2017-02-01', { present: true }),
      f.event('departure/DTV-2', 'departure.opened', '2017-02-01', { person: 'P-AFG' }),
      f.event('departure/DTV-2', 'departure.article3-barrier', '2017-02-01', { present: true }),
      f.event('departure/DTV-2', 'departure.article3-barrier', '2025-05-01', { present: false }),
      f.event('criminal/SZ-1', 'criminal.opened', '2024-01-01', { suspect: 'P-S', offences: ['torture'] }),
      f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
      f.event('criminal/SZ-1', 'criminal.victim-informed', '2025-01-15', { victim: 'P-V', about: 'stand van het onderzoek' }),
      indictment,
    ];
    await importEvents(store.db, [textSource('scenario.jsonl', jsonl(events))], { now: () => new Date(NOW) });
  });
  after(async () => { await store?.dispose(); });

  it('R1: lists the applied exclusion whose acts predate the punishability of crimes against humanity, not the later one', async () => {
    const entries = await listUnprosecutable(store.db, { asOf: asOf('2025-12-31') }, ruleConfig());
    assert.deepEqual(entries.map((entry) => [entry.exclusionCase, entry.person?.id, entry.assessment.cannotBeProsecuted]), [['exclusion/IF-OLD', 'P-OLD', 'yes']]);
  });

  it('R7: lists open dossiers with an Article 3 barrier on the date, by nationality', async () => {
    const before = await listArticle3Reassessment(store.db, { asOf: asOf('2024-12-31') });
    assert.deepEqual(before.map((group) => [group.nationality, group.dossiers.length]).sort(), [['AFG', 1], ['SYR', 1]]);
    const after = await listArticle3Reassessment(store.db, { asOf: asOf('2025-12-31') });
    assert.deepEqual(after.map((group) => [group.nationality, group.dossiers.map((dossier) => dossier.dossier)]), [['SYR', ['departure/DTV-1']]]);
    assert.deepEqual(await listArticle3Reassessment(store.db, { asOf: asOf('2025-12-31'), nationality: 'AFG' }), []);
  });

  it('R7: each dossier has its last assessment, and a reassessment due since a later change of the country (no periodic term)', async () => {
    const fields = (groups: Awaited<ReturnType<typeof listArticle3Reassessment>>) => groups.flatMap((group) => group.dossiers.map((dossier) => [dossier.dossier, dossier.lastAssessment, dossier.dueDate, dossier.status]));
    // Assessed on 2017-02-01 and no change of the country since: the last assessment stands, years later too.
    assert.deepEqual(fields(await listArticle3Reassessment(store.db, { asOf: asOf('2024-12-31'), nationality: 'SYR' })), [['departure/DTV-1', '2017-02-01', null, 'current']]);
    // Syria's situation changed after the last assessment: due since the day of the change.
    const situations = [{ country: 'SYR', date: '2024-12-08', change: { nl: 'val van het regime', en: 'fall of the regime' }, source: 'test' }];
    assert.deepEqual(fields(await listArticle3Reassessment(store.db, { asOf: asOf('2024-12-07'), nationality: 'SYR', situations })), [['departure/DTV-1', '2017-02-01', null, 'current']], 'not before the change');
    assert.deepEqual(fields(await listArticle3Reassessment(store.db, { asOf: asOf('2025-12-31'), nationality: 'SYR', situations })), [['departure/DTV-1', '2017-02-01', '2024-12-08', 'due']]);
  });

  it('R5: a victim not told about the indictment is overdue once the notification period has passed', async () => {
    assert.deepEqual(await overdueVictims(store.db, asOf('2025-03-10')), []);
    const overdue = await overdueVictims(store.db, asOf('2025-03-20'));
    assert.equal(overdue.length, 1);
    assert.equal(overdue[0]!.person?.id, 'P-V');
    assert.deepEqual(overdue[0]!.status.reasons.map((reason) => reason.eventId), [indictment.id]);
  });

  it('derives the consequences of a 1F decision with an Article 3 barrier: no return decision, no entry ban', async () => {
    const view = await viewStream(store.db, 'exclusion/IF-NEW', { date: '2025-12-31' });
    const derived = deriveFor(view, ruleConfig());
    assert.equal(derived.exclusion?.returnDecision, false);
    assert.equal(derived.exclusion?.entryBan, null);
    assert.equal(derived.exclusion?.sisAlert, 'possible');
    const old = deriveFor(await viewStream(store.db, 'exclusion/IF-OLD', { date: '2025-12-31' }), ruleConfig());
    assert.deepEqual(old.exclusion?.entryBan, { years: 10 });
    assert.equal(old.prosecution?.cannotBeProsecuted, 'yes');
  });
});
