import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ruleConfig } from '../config/rules.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import type { AsOf } from '../domain/as-of.js';
import { listWaitingWork } from './list-waiting-work.js';

const NOW = '2026-01-10T00:00:00.000Z';
const asOf: AsOf = { date: '2026-01-10', recordedAt: NOW, recordedAtGiven: false };
const principal = (role: string, organisation: string): Principal => ({ kind: 'user', username: `${role}.test`, organisation, role });
const policy = loadPolicy();

describe('the task inbox: what waits for each role, overdue first, as its read policy allows', () => {
  let store: TestStore;
  const f = new EventFactory();
  const inbox = (who: Principal) => listWaitingWork(store.db, { principal: who, asOf }, { policy, rules: ruleConfig() });
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    const person = (id: string, nationality: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [`Person ${id}`], nationalities: [nationality] });
    const events = [
      person('P-SYR', 'SYR'), person('P-V', 'SYR'), person('P-S', 'SYR'),
      f.event('departure/DTV-1', 'departure.opened', '2017-02-01', { person: 'P-SYR' }),
      f.event('departure/DTV-1', 'departure.article3-barrier', '2024-06-01', { present: true }),
      f.event('criminal/SZ-1', 'criminal.opened', '2024-01-01', { suspect: 'P-S', offences: ['torture'] }),
      f.event('criminal/SZ-1', 'criminal.victim-registered', '2024-02-01', { victim: 'P-V' }),
      f.event('criminal/SZ-1', 'criminal.victim-informed', '2025-10-15', { victim: 'P-V', about: 'stand van het onderzoek' }),
      f.event('criminal/SZ-1', 'criminal.indicted', '2025-12-01', { court: 'Rechtbank Den Haag' }),
      f.event('criminal/SZ-1', 'criminal.hearing-scheduled', '2025-12-02', { date: '2026-02-20', court: 'Rechtbank Den Haag' }),
    ];
    await importEvents(store.db, [textSource('scenario.jsonl', jsonl(events))], { now: () => new Date(NOW) });
  });
  after(async () => { await store?.dispose(); });

  it('the prosecutor: the victim to tell of the indictment (overdue) before the hearing to prepare; the periodic update from 30 days before it is due', async () => {
    const work = await inbox(principal('prosecutor', 'OM'));
    assert.deepEqual(work.items.map((item) => [item.kind, item.dueDate, item.overdue]), [
      ['victim-information', '2025-12-15', true],
      ['hearing', '2026-02-06', false],
    ]);
    // the next periodic update (due 2026-04-15) waits from 30 days before (INBOX_DEFAULTS.victimNoticeDays)
    const inMarch = (date: string) => listWaitingWork(store.db, { principal: principal('prosecutor', 'OM'), asOf: { ...asOf, date } }, { policy, rules: ruleConfig() });
    assert.deepEqual((await inMarch('2026-03-15')).items.map((item) => [item.kind, item.dueDate]), [['victim-information', '2025-12-15']]);
    assert.deepEqual((await inMarch('2026-03-16')).items.map((item) => [item.kind, item.dueDate, item.overdue]), [
      ['victim-information', '2025-12-15', true],
      ['victim-information', '2026-04-15', false],
    ]);
    assert.equal(work.items[0]!.legalDuty, true);
    assert.match(work.items[0]!.subject.text.nl, /Person P-V.*dagvaarding/);
    assert.deepEqual(work.accesses.find((access) => access.resource === 'inbox:victims')?.persons, ['P-V']);
  });

  it('the police: the victims, not the hearings; the DT&V: the Article 3 reassessment, with the change in Syria', async () => {
    assert.deepEqual((await inbox(principal('police', 'TIM'))).items.map((item) => item.kind), ['victim-information']);
    const dtv = (await inbox(principal('dtv', 'DTV'))).items;
    assert.deepEqual(dtv.map((item) => [item.kind, item.subject.reference, item.dueDate]), [['article3-reassessment', 'DTV-1', '2024-12-08']]);
    assert.equal(dtv[0]!.overdue, true);
    assert.match(dtv[0]!.subject.text.en, /last assessed on 1 June 2024; the country's situation changed on 8 December 2024/);
  });

  it('the ministry, the administrator and the auditor have no case work; a role outside the policy sees nothing', async () => {
    for (const [role, organisation] of [['ministry', 'MIN'], ['admin', 'BEHEER'], ['auditor', 'TOEZICHT'], ['stranger', 'X']] as const) {
      assert.deepEqual((await inbox(principal(role, organisation))).items, [], role);
    }
  });
});
