import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const opened = ev('criminal.opened', '2020-01-10', { suspect: 'P-0042', offences: ['war-crimes', 'torture'], situation: 'Syria' });
const indicted = ev('criminal.indicted', '2021-02-01');
const judgment = (instance: string, date: string) => ev('criminal.judgment', date, { instance, outcome: 'convicted' });
const appealLodged = ev('criminal.appeal-lodged', '2021-12-20');
const cassationLodged = ev('criminal.cassation-lodged', '2022-12-20');

const SITUATIONS = {
  'not opened': [],
  investigation: [opened],
  'first instance': [opened, indicted],
  'first instance, judged': [opened, indicted, judgment('first-instance', '2021-12-01')],
  appeal: [opened, indicted, judgment('first-instance', '2021-12-01'), appealLodged],
  'appeal, judged': [opened, indicted, judgment('first-instance', '2021-12-01'), appealLodged, judgment('appeal', '2022-12-01')],
  cassation: [opened, indicted, judgment('first-instance', '2021-12-01'), appealLodged, judgment('appeal', '2022-12-01'), cassationLodged],
  'cassation, judged': [
    opened, indicted, judgment('first-instance', '2021-12-01'), appealLodged, judgment('appeal', '2022-12-01'), cassationLodged,
    judgment('cassation', '2023-06-01'),
  ],
  closed: [opened, ev('criminal.victim-registered', '2020-02-01'), ev('criminal.closed', '2020-06-01', { reason: 'dismissed' })],
};

const LATER = '2024-01-01';
const CANDIDATES = {
  opened: ev('criminal.opened', LATER),
  arrested: ev('criminal.suspect-arrested', LATER),
  indicted: ev('criminal.indicted', LATER),
  'first-instance judgment': judgment('first-instance', LATER),
  'appeal judgment': judgment('appeal', LATER),
  'cassation judgment': judgment('cassation', LATER),
  'appeal lodged': ev('criminal.appeal-lodged', LATER),
  'cassation lodged': ev('criminal.cassation-lodged', LATER),
  'referred back': ev('criminal.referred-back', LATER),
  closed: ev('criminal.closed', LATER),
  'victim registered': ev('criminal.victim-registered', LATER, { victim: 'P-0200' }),
  'hearing scheduled': ev('criminal.hearing-scheduled', LATER, { date: '2024-03-01', court: 'Rechtbank Den Haag' }),
};

const OPEN_ANYWHERE = ['arrested', 'closed', 'victim registered'];

describe('criminal case transitions', () => {
  it('allows exactly the transitions of the state machine (docs/domain.md §4)', () => {
    const mismatches = transitionMismatches('criminal', SITUATIONS, CANDIDATES, {
      'not opened': ['opened'],
      investigation: [...OPEN_ANYWHERE, 'indicted'],
      'first instance': [...OPEN_ANYWHERE, 'hearing scheduled', 'first-instance judgment'],
      'first instance, judged': [...OPEN_ANYWHERE, 'hearing scheduled', 'appeal lodged'],
      appeal: [...OPEN_ANYWHERE, 'hearing scheduled', 'appeal judgment'],
      'appeal, judged': [...OPEN_ANYWHERE, 'hearing scheduled', 'cassation lodged'],
      cassation: [...OPEN_ANYWHERE, 'hearing scheduled', 'cassation judgment'],
      'cassation, judged': [...OPEN_ANYWHERE, 'hearing scheduled', 'referred back'],
      closed: ['victim registered'],
    });
    assert.deepEqual(mismatches, []);
  });

  it('refuses an appeal before a first-instance judgment, saying what is needed', () => {
    assert.equal(
      given('criminal', opened).when(appealLodged)?.message,
      'criminal.appeal-lodged needs a first-instance judgment; the case is in phase investigation',
    );
    assert.equal(
      given('criminal', opened, indicted).when(appealLodged)?.message,
      'criminal.appeal-lodged needs a first-instance judgment; the case is in phase first-instance without a judgment yet',
    );
  });

  it('refuses cassation before an appeal judgment', () => {
    assert.equal(
      given('criminal', ...SITUATIONS.appeal).when(cassationLodged)?.message,
      'criminal.cassation-lodged needs an appeal judgment; the case is in phase appeal without a judgment yet',
    );
  });

  it('refuses a referral back before a cassation judgment', () => {
    assert.match(given('criminal', ...SITUATIONS.cassation).when(CANDIDATES['referred back'])?.message ?? '', /needs a cassation judgment/);
  });

  it('refuses a judgment whose instance does not match the phase', () => {
    assert.equal(
      given('criminal', opened, indicted).when(judgment('appeal', LATER))?.message,
      'a judgment of instance appeal needs the case in phase appeal; the case is in phase first-instance',
    );
  });

  it('refuses a judgment before the indictment', () => {
    assert.match(given('criminal', opened).when(judgment('first-instance', LATER))?.message ?? '', /needs an indictment first/);
  });

  it('refuses a second judgment in the same instance', () => {
    assert.match(given('criminal', ...SITUATIONS['first instance, judged']).when(judgment('first-instance', LATER))?.message ?? '', /already given on 2021-12-01/);
  });

  it('refuses anything but victim events after closing', () => {
    assert.match(given('criminal', ...SITUATIONS.closed).when(CANDIDATES.arrested)?.message ?? '', /cannot follow the closing of the case on 2020-06-01 \(dismissed\)/);
  });

  it('informs only registered victims, also after closing', () => {
    const informed = (victim: string) => ev('criminal.victim-informed', LATER, { victim });
    assert.equal(given('criminal', ...SITUATIONS.closed).when(informed('P-0100')), undefined);
    assert.match(given('criminal', ...SITUATIONS.closed).when(informed('P-0999'))?.message ?? '', /needs victim P-0999 to be registered/);
  });

  it('refuses a hearing scheduled after the day of the hearing itself', () => {
    const late = ev('criminal.hearing-scheduled', '2021-05-02', { date: '2021-05-01', court: 'Rechtbank Den Haag' });
    assert.match(given('criminal', opened, indicted).when(late)?.message ?? '', /cannot be scheduled on 2021-05-02/);
  });

  it('refuses to register the same victim twice', () => {
    assert.match(given('criminal', ...SITUATIONS.closed).when(ev('criminal.victim-registered', LATER, { victim: 'P-0100' }))?.message ?? '', /already registered/);
  });

  it('refuses a case that does not start with criminal.opened', () => {
    assert.equal(given('criminal').when(indicted)?.message, 'criminal.indicted cannot come first; a criminal stream starts with criminal.opened');
  });
});

describe('criminal case state', () => {
  it('records the suspect, offences and opening date', () => {
    const { state } = given('criminal', opened);
    assert.equal(state.phase, 'investigation');
    assert.equal(state.suspect, 'P-0042');
    assert.deepEqual(state.offences, ['war-crimes', 'torture']);
    assert.equal(state.situation, 'Syria');
    assert.equal(state.openedOn, '2020-01-10');
  });

  it('keeps every judgment but clears the current one when the case moves on', () => {
    const { state } = given('criminal', ...SITUATIONS.cassation);
    assert.equal(state.judgment, null);
    assert.deepEqual(state.judgments.map((j) => j.instance), ['first-instance', 'appeal']);
  });

  it('returns a case referred back by the Hoge Raad to appeal, without a judgment', () => {
    const { state } = given('criminal', ...SITUATIONS['cassation, judged'], ev('criminal.referred-back', LATER, { court: 'Gerechtshof Arnhem-Leeuwarden' }));
    assert.equal(state.phase, 'appeal');
    assert.equal(state.judgment, null);
    assert.equal(state.court, 'Gerechtshof Arnhem-Leeuwarden');
  });

  it('exposes arrest, judgment outcome and closing reason as attributes', () => {
    assert.deepEqual(given('criminal', opened, ev('criminal.suspect-arrested', '2020-03-01')).state.attributes, {
      suspectArrested: true,
      judgmentOutcome: null,
      closedReason: null,
    });
    assert.deepEqual(given('criminal', ...SITUATIONS.closed).state.attributes, {
      suspectArrested: false,
      judgmentOutcome: null,
      closedReason: 'dismissed',
    });
  });

  it('lists registered victims', () => {
    assert.deepEqual(given('criminal', ...SITUATIONS.closed).state.victims, ['P-0100']);
  });
});

describe('criminal case: the investigating judge\'s authorisation (R3)', () => {
  const authorisation = (data: Record<string, unknown> = {}, date = '2024-03-01') => ev('criminal.judge-authorisation', date, {
    decisionReference: 'RC 24/0101', court: 'Rechtbank Den Haag', person: 'P-0042', exclusionCase: 'IF-2023-017', validFrom: '2024-03-01', validUntil: '2024-08-31', ...data,
  });

  it('is accepted on an open case for its suspect, and kept in the state without changing the phase', () => {
    assert.equal(given('criminal', opened).when(authorisation()), undefined);
    assert.equal(given('criminal', opened, indicted).when(authorisation()), undefined);
    const { state } = given('criminal', opened, authorisation({}, '2021-03-01'));
    assert.equal(state.phase, 'investigation');
    assert.deepEqual(state.judgeAuthorisations.map((item) => [item.decisionReference, item.person, item.exclusionCase, item.validUntil]), [['RC 24/0101', 'P-0042', 'IF-2023-017', '2024-08-31']]);
  });

  it('refuses it for anyone but the suspect of the case', () => {
    assert.equal(given('criminal', opened).when(authorisation({ person: 'P-0099' }))?.message, 'an authorisation of the investigating judge on this case must name its suspect P-0042, not P-0099');
  });

  it('refuses it on a closed case, or before the case is opened', () => {
    assert.match(given('criminal', ...SITUATIONS.closed).when(authorisation())?.message ?? '', /cannot follow the closing/);
    assert.match(given('criminal').when(authorisation())?.message ?? '', /cannot come first/);
  });

  it('refuses a validity that ends before it begins, or begins before the decision', () => {
    assert.match(given('criminal', opened).when(authorisation({ validUntil: '2024-02-01' }))?.message ?? '', /validUntil 2024-02-01 lies before its validFrom 2024-03-01/);
    assert.match(given('criminal', opened).when(authorisation({ validFrom: '2024-01-01' }))?.message ?? '', /before the judge's decision of 2024-03-01/);
  });
});

