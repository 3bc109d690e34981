import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StreamKind } from '../event.js';
import type { StateByKind } from '../machines.js';
import { ev, given } from '../testing/factories.js';
import type { EventSpec } from '../testing/factories.js';
import { testRuleConfig } from '../testing/rule-config.js';
import { assessPerson, assessStream, assessTask } from './retention.js';
import { streamsNamedByTaskKey } from '../task/state.js';
import type { LegalHold, RetentionStream } from './retention.js';
import { parseRuleConfig } from './rule-config.js';

// A retention table of our own, so that a jurist may correct config/rules.json without breaking these tests.
const base = testRuleConfig();
const config = parseRuleConfig({
  ...base,
  laws: { ...base.laws, wpg: { name: { nl: 'Wpg', en: 'Wpg' } }, wjsg: { name: { nl: 'Wjsg', en: 'Wjsg' } }, vw: { name: { nl: 'Vw 2000', en: 'Aliens Act' } }, avg: { name: { nl: 'AVG', en: 'GDPR' } } },
  retention: {
    rules: [
      rule('tim-criminal', 'tim', 'wpg', 'criminal', 'case-closed', 5),
      rule('om-criminal', 'om', 'wjsg', 'criminal', 'case-closed', 30),
      rule('tim-intake', 'tim', 'wpg', 'intake', 'intake-received', 10),
      rule('om-mla', 'om', 'wjsg', 'mla', 'mla-closed', 30),
      rule('om-extradition', 'om', 'wjsg', 'extradition', 'extradition-concluded', 30),
      rule('ind-1f', 'ind', 'vw', 'exclusion', 'exclusion-final', 10),
      rule('dtv-dossier', 'dtv', 'vw', 'departure', 'departure-ended', 5),
      rule('chain-person', 'chain', 'avg', 'person', 'last-case-ended', 0),
      rule('tim-task', 'tim', 'wpg', 'task', 'task-subject-ended', 0),
      rule('tim-task-done', 'tim', 'wpg', 'task', 'task-done', 1),
      rule('om-task', 'om', 'wjsg', 'task', 'task-subject-ended', 0),
    ],
  },
});

function rule(id: string, partner: string, law: string, streamKind: string, startsAt: string, years: number) {
  return { id, partner, law, article: 'art. x', data: { nl: id, en: id }, streamKind, startsAt, years, source: 'test' };
}

function stream<Kind extends StreamKind>(kind: Kind, id: string, ...specs: EventSpec[]): RetentionStream {
  return { stream: `${kind}/${id}`, kind, state: given(kind, ...specs).state as StateByKind[Kind] } as RetentionStream;
}

const P = 'P-0001';
const closedCase = stream('criminal', 'SZ-1', ev('criminal.opened', '2010-01-05', { suspect: P }), ev('criminal.closed', '2012-03-01', { reason: 'dismissed' }));
const openCase = stream('criminal', 'SZ-2', ev('criminal.opened', '2020-01-05', { suspect: P }));
const appealCase = stream('criminal', 'SZ-3', ev('criminal.opened', '2020-01-05', { suspect: P }), ev('criminal.indicted', '2021-01-01'), ev('criminal.judgment', '2022-01-01'), ev('criminal.appeal-lodged', '2022-01-10'));
const otherPersonsCase = stream('criminal', 'SZ-4', ev('criminal.opened', '2020-01-05', { suspect: 'P-0999' }));
const hold = (over: Partial<LegalHold> = {}): LegalHold => ({ eventId: 'ev-h', person: P, stream: null, placedOn: '2015-01-01', liftedOn: null, reason: 'civil claim pending', ...over });
const appliedFile = (...more: EventSpec[]) => stream('exclusion', 'IF-1', ev('exclusion.opened', '2010-01-01', { person: P }), ev('exclusion.decided', '2011-06-01', { outcome: 'applied', article3Barrier: false }), ...more);
const notAppliedFile = stream('exclusion', 'IF-2', ev('exclusion.opened', '2010-01-01', { person: P }), ev('exclusion.decided', '2011-06-01', { outcome: 'not-applied' }));
const departed = (date: string) => stream('departure', 'VD-1', ev('departure.opened', '2011-07-01', { person: P }), ev('departure.departed', date, { mode: 'forced' }));

interface Scenario {
  name: string;
  subject: RetentionStream;
  others?: RetentionStream[];
  holds?: LegalHold[];
  date: string;
  partner: string;
  status: 'keep' | 'due' | 'held';
  dueOn: string | null;
  holdKinds?: string[];
  reason?: RegExp;
}

const scenarios: Scenario[] = [
  { name: 'an open criminal case is kept: its term has not started', subject: openCase, date: '2030-01-01', partner: 'tim', status: 'keep', dueOn: null, reason: /starts only with the closing of the criminal case/ },
  { name: 'a closed case is kept until five years after its closing (police)', subject: closedCase, date: '2017-02-28', partner: 'tim', status: 'keep', dueOn: '2017-03-01', reason: /keep until 2017-03-01: 5 years after the closing/ },
  { name: 'the police data is due on the day the term ends', subject: closedCase, date: '2017-03-01', partner: 'tim', status: 'due', dueOn: '2017-03-01', reason: /due for removal since 2017-03-01/ },
  { name: 'the prosecutor keeps the same case thirty years', subject: closedCase, date: '2017-03-01', partner: 'om', status: 'keep', dueOn: '2042-03-01' },
  { name: 'an open case about the same person elsewhere holds it', subject: closedCase, others: [openCase], date: '2018-01-01', partner: 'tim', status: 'held', dueOn: '2017-03-01', holdKinds: ['open-case'], reason: /case open in the chain: criminal\/SZ-2/ },
  { name: 'a case about another person does not hold it', subject: closedCase, others: [otherPersonsCase], date: '2018-01-01', partner: 'tim', status: 'due', dueOn: '2017-03-01' },
  { name: 'an appeal pending elsewhere holds it', subject: closedCase, others: [appealCase], date: '2018-01-01', partner: 'tim', status: 'held', dueOn: '2017-03-01', holdKinds: ['pending-appeal'] },
  { name: 'a legal hold on the person holds it', subject: closedCase, holds: [hold()], date: '2018-01-01', partner: 'tim', status: 'held', dueOn: '2017-03-01', holdKinds: ['legal-hold'], reason: /legal hold since 2015-01-01: civil claim pending/ },
  { name: 'a legal hold on the stream holds it', subject: closedCase, holds: [hold({ stream: 'criminal/SZ-1' })], date: '2018-01-01', partner: 'tim', status: 'held', dueOn: '2017-03-01', holdKinds: ['legal-hold'] },
  { name: 'a legal hold on another stream does not', subject: closedCase, holds: [hold({ stream: 'criminal/SZ-9' })], date: '2018-01-01', partner: 'tim', status: 'due', dueOn: '2017-03-01' },
  { name: 'a lifted legal hold no longer holds', subject: closedCase, holds: [hold({ liftedOn: '2017-12-31' })], date: '2018-01-01', partner: 'tim', status: 'due', dueOn: '2017-03-01' },
  { name: 'a legal hold placed later does not hold yet', subject: closedCase, holds: [hold({ placedOn: '2019-01-01' })], date: '2018-01-01', partner: 'tim', status: 'due', dueOn: '2017-03-01' },
  { name: 'the entry ban does not hold police data', subject: closedCase, others: [appliedFile()], date: '2018-01-01', partner: 'tim', status: 'due', dueOn: '2017-03-01' },
  { name: 'a 1F file in appeal is kept: not final', subject: appliedFile(ev('exclusion.appeal-lodged', '2011-07-01')), date: '2030-01-01', partner: 'ind', status: 'keep', dueOn: null, reason: /appeal pending/ },
  { name: 'a 1F file is kept ten years from the final decision', subject: appliedFile(), date: '2021-05-31', partner: 'ind', status: 'keep', dueOn: '2021-06-01' },
  { name: 'the term of an upheld decision runs from the ruling', subject: appliedFile(ev('exclusion.appeal-lodged', '2011-07-01'), ev('exclusion.appeal-decided', '2013-02-01', { forum: 'district-court', outcome: 'upheld' })), date: '2022-01-01', partner: 'ind', status: 'keep', dueOn: '2023-02-01' },
  { name: 'an entry ban holds the 1F file while the person has not left', subject: appliedFile(), date: '2030-01-01', partner: 'ind', status: 'held', dueOn: '2021-06-01', holdKinds: ['entry-ban'], reason: /not yet running/ },
  { name: 'an entry ban holds the 1F file until ten years after departure', subject: appliedFile(), others: [departed('2015-05-01')], date: '2025-04-30', partner: 'ind', status: 'held', dueOn: '2021-06-01', holdKinds: ['entry-ban'], reason: /runs until 2025-05-01/ },
  { name: 'an expired entry ban no longer holds', subject: appliedFile(), others: [departed('2015-05-01')], date: '2025-05-01', partner: 'ind', status: 'due', dueOn: '2021-06-01' },
  { name: 'a decision not applying 1F brings no entry ban', subject: notAppliedFile, date: '2022-01-01', partner: 'ind', status: 'due', dueOn: '2021-06-01' },
  { name: 'an Article 3 barrier in the dossier means no entry ban', subject: appliedFile(), others: [stream('departure', 'VD-2', ev('departure.opened', '2011-07-01', { person: P }), ev('departure.article3-barrier', '2011-08-01', { present: true }), ev('departure.closed', '2012-01-01'))], date: '2022-01-01', partner: 'ind', status: 'due', dueOn: '2021-06-01' },
  { name: 'the departure dossier: five years after departure, then held by the entry ban', subject: departed('2015-05-01'), others: [appliedFile()], date: '2021-01-01', partner: 'dtv', status: 'held', dueOn: '2020-05-01', holdKinds: ['entry-ban'] },
  { name: 'a report is due ten years after its receipt', subject: stream('intake', 'M-1', ev('intake.received', '2010-02-01', { subjects: [P] })), date: '2020-02-01', partner: 'tim', status: 'due', dueOn: '2020-02-01' },
  { name: 'a report not yet assessed is an open case: it holds the person\'s closed case', subject: closedCase, others: [stream('intake', 'M-2', ev('intake.received', '2016-02-01', { subjects: [P] }))], date: '2018-01-01', partner: 'tim', status: 'held', dueOn: '2017-03-01', holdKinds: ['open-case'] },
  { name: 'an open legal-assistance request is kept', subject: stream('mla', 'RH-1', ev('mla.sent', '2010-02-01')), date: '2060-01-01', partner: 'om', status: 'keep', dueOn: null },
  { name: 'an extradition is due thirty years after its conclusion', subject: stream('extradition', 'UL-1', ev('extradition.requested', '2000-01-01', { person: P }), ev('extradition.concluded', '2001-01-01')), date: '2031-01-01', partner: 'om', status: 'due', dueOn: '2031-01-01' },
];

describe('retention of a stream on a date', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => {
      const context = { date: scenario.date, streams: [scenario.subject, ...(scenario.others ?? [])], holds: scenario.holds ?? [] };
      const [result, ...rest] = assessStream(scenario.subject, context, config, scenario.partner as never);
      assert.equal(rest.length, 0);
      assert.ok(result);
      assert.equal(result.rule.partner, scenario.partner);
      assert.deepEqual([result.status, result.dueOn], [scenario.status, scenario.dueOn]);
      assert.deepEqual(result.holds.map((item) => item.kind), scenario.holdKinds ?? []);
      if (scenario.reason) assert.match(result.reason.en, scenario.reason);
      assert.ok(result.reason.nl.length > 0);
    });
  }

  it('gives one assessment per partner whose rule covers the kind', () => {
    const results = assessStream(closedCase, { date: '2018-01-01', streams: [closedCase], holds: [] }, config);
    assert.deepEqual(results.map((item) => [item.rule.id, item.status]), [['tim-criminal', 'due'], ['om-criminal', 'keep']]);
  });

  it('gives no assessment without a retention table', () => {
    assert.deepEqual(assessStream(closedCase, { date: '2018-01-01', streams: [], holds: [] }, base), []);
  });
});

describe('retention of a person identity record', () => {
  const person = stream('person', P, ev('person.registered', '2009-01-01')) as RetentionStream & { kind: 'person' };
  const table: { name: string; others: RetentionStream[]; holds?: LegalHold[]; date: string; status: string; dueOn: string | null }[] = [
    { name: 'kept while a case about the person is kept', others: [closedCase], date: '2020-01-01', status: 'keep', dueOn: null },
    { name: 'kept while a case about the person is held', others: [closedCase, openCase], date: '2050-01-01', status: 'keep', dueOn: null },
    { name: 'due once every case about the person is due, from the latest due date', others: [closedCase, stream('intake', 'M-1', ev('intake.received', '2010-02-01', { subjects: [P] }), ev('intake.assessed', '2010-03-01', { outcome: 'insufficient-grounds' }))], date: '2050-01-01', status: 'due', dueOn: '2042-03-01' },
    { name: 'due at once when no case names the person', others: [otherPersonsCase], date: '2009-01-01', status: 'due', dueOn: '2009-01-01' },
    { name: 'held by a legal hold even with no case', others: [], holds: [hold({ placedOn: '2008-01-01' })], date: '2020-01-01', status: 'held', dueOn: '2009-01-01' },
  ];
  for (const row of table) {
    it(row.name, () => {
      const [result] = assessPerson(person, { date: row.date, streams: [person, ...row.others], holds: row.holds ?? [] }, config);
      assert.ok(result);
      assert.deepEqual([result.status, result.dueOn, result.rule.id], [row.status, row.dueOn, 'chain-person']);
    });
  }
});

describe('retention of inbox tasks (docs/retention.md, "Tasks")', () => {
  const TIM = 'TIM';
  const taskOf = (organisation: string, key: string, ...more: EventSpec[]) => stream('task', `${organisation}-0123456789abcdef01234567`,
    ev('task.assigned', '2012-04-01', { task: key, organisation, by: 'a', assignee: 'b' }), ...more);
  const hearingTask = taskOf(TIM, 'hearing:criminal/SZ-1:2012-05-01');
  const at = (date: string, streams: RetentionStream[] = []) => ({ date, streams, holds: [] as LegalHold[] });
  const subjectOn = (date: string, ...subjects: RetentionStream[]) => subjects.flatMap((item) => assessStream(item, at(date, [item]), config, 'tim'));

  it('reads the streams a task key names', () => {
    assert.deepEqual(streamsNamedByTaskKey('hearing:criminal/SZ-2024-001:2026-02-20'), ['criminal/SZ-2024-001']);
    assert.deepEqual(streamsNamedByTaskKey('victim-information:criminal/SZ-1:P-0007:update-since-2026-01-01'), ['criminal/SZ-1', 'person/P-0007']);
    assert.deepEqual(streamsNamedByTaskKey('article3-reassessment:departure/VD-1:2025-01-01'), ['departure/VD-1']);
    assert.deepEqual(streamsNamedByTaskKey('screening-hit:42:abcd1234ef567890'), []);
    assert.deepEqual(streamsNamedByTaskKey('authorisation-expiring:7'), []);
  });

  const scenarios: { name: string; task: RetentionStream; subjects: Parameters<typeof assessTask>[1]; date: string; status: string; dueOn: string | null; rule: string }[] = [
    { name: 'kept while the case it is about is kept', task: hearingTask, subjects: { named: true, assessments: subjectOn('2016-01-01', closedCase), gone: false }, date: '2016-01-01', status: 'keep', dueOn: null, rule: 'tim-task' },
    { name: 'due with the case once the case is due (the police\'s five years after closing)', task: hearingTask, subjects: { named: true, assessments: subjectOn('2018-01-01', closedCase), gone: false }, date: '2018-01-01', status: 'due', dueOn: '2017-03-01', rule: 'tim-task' },
    { name: 'kept while one of the named streams is held or kept', task: hearingTask, subjects: { named: true, assessments: [...subjectOn('2018-01-01', closedCase), ...subjectOn('2018-01-01', openCase)], gone: false }, date: '2018-01-01', status: 'keep', dueOn: null, rule: 'tim-task' },
    { name: 'due at once when what it names is gone (erased)', task: hearingTask, subjects: { named: true, assessments: [], gone: true }, date: '2026-01-01', status: 'due', dueOn: '2012-04-01', rule: 'tim-task' },
    { name: 'naming no stream: kept while not done', task: taskOf(TIM, 'screening-hit:42:abcd'), subjects: { named: false, assessments: [], gone: false }, date: '2026-01-01', status: 'keep', dueOn: null, rule: 'tim-task-done' },
    { name: 'naming no stream: due one year after done', task: taskOf(TIM, 'screening-hit:42:abcd', ev('task.marked-done', '2020-02-01', { task: 'screening-hit:42:abcd', organisation: TIM, by: 'b' })), subjects: { named: false, assessments: [], gone: false }, date: '2021-02-01', status: 'due', dueOn: '2021-02-01', rule: 'tim-task-done' },
    { name: 'another organisation\'s task under its own partner\'s rule', task: taskOf('OM', 'hearing:criminal/SZ-1:2012-05-01'), subjects: { named: true, assessments: [], gone: true }, date: '2026-01-01', status: 'due', dueOn: '2012-04-01', rule: 'om-task' },
  ];
  for (const scenario of scenarios) {
    it(scenario.name, () => {
      const [assessment, ...rest] = assessTask(scenario.task as RetentionStream & { kind: 'task' }, scenario.subjects, at(scenario.date, [scenario.task]), config);
      assert.equal(rest.length, 0);
      assert.equal(assessment?.rule.id, scenario.rule);
      assert.equal(assessment?.status, scenario.status);
      assert.equal(assessment?.dueOn, scenario.dueOn);
    });
  }

  it('follows its own partner\'s term of the case, not another partner\'s', () => {
    const both = assessStream(closedCase, at('2018-01-01', [closedCase]), config);
    assert.deepEqual(both.map((item) => [item.partner, item.status]), [['tim', 'due'], ['om', 'keep']]);
    const [police] = assessTask(hearingTask as RetentionStream & { kind: 'task' }, { named: true, assessments: both, gone: false }, at('2018-01-01', [hearingTask]), config);
    assert.equal(police?.status, 'due');
    const omTask = taskOf('OM', 'hearing:criminal/SZ-1:2012-05-01') as RetentionStream & { kind: 'task' };
    const [prosecutor] = assessTask(omTask, { named: true, assessments: both, gone: false }, at('2018-01-01', [omTask]), config);
    assert.equal(prosecutor?.status, 'keep');
  });

  it('is held by a legal hold on the task stream', () => {
    const [assessment] = assessTask(hearingTask as RetentionStream & { kind: 'task' }, { named: true, assessments: [], gone: true },
      { date: '2026-01-01', streams: [hearingTask], holds: [hold({ stream: hearingTask.stream })] }, config);
    assert.equal(assessment?.status, 'held');
  });
});
