import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const opened = ev('exclusion.opened', '2022-01-10', { person: 'P-0042', trigger: 'asielaanvraag' });
const suspended = ev('exclusion.suspended', '2022-03-01', { reason: 'bestudering arrest HvJ C-663/21' });
const decided = ev('exclusion.decided', '2022-06-01', { outcome: 'applied', grounds: ['a', 'b'], article3Barrier: true });
const lodged = (forum: string, date: string) => ev('exclusion.appeal-lodged', date, { forum });
const ruled = (forum: string, outcome: string, date: string) => ev('exclusion.appeal-decided', date, { forum, outcome });
const LATER = '2025-01-01';

const decidedCase = [opened, decided];
const SITUATIONS = {
  'not opened': [],
  open: [opened],
  suspended: [opened, suspended],
  decided: decidedCase,
  'district-court appeal': [...decidedCase, lodged('district-court', '2022-07-01')],
  'upheld by district court': [...decidedCase, lodged('district-court', '2022-07-01'), ruled('district-court', 'upheld', '2023-01-01')],
  'annulled by district court': [...decidedCase, lodged('district-court', '2022-07-01'), ruled('district-court', 'annulled', '2023-01-01')],
  'council-of-state appeal': [
    ...decidedCase, lodged('district-court', '2022-07-01'), ruled('district-court', 'upheld', '2023-01-01'), lodged('council-of-state', '2023-02-01'),
  ],
  'upheld by council of state': [
    ...decidedCase, lodged('district-court', '2022-07-01'), ruled('district-court', 'upheld', '2023-01-01'), lodged('council-of-state', '2023-02-01'),
    ruled('council-of-state', 'upheld', '2023-09-01'),
  ],
  closed: [...decidedCase, ev('exclusion.closed', '2023-01-01')],
};

const CANDIDATES = {
  opened: ev('exclusion.opened', LATER),
  suspended: ev('exclusion.suspended', LATER),
  resumed: ev('exclusion.resumed', LATER),
  decided: ev('exclusion.decided', LATER),
  'district-court appeal': lodged('district-court', LATER),
  'council-of-state appeal': lodged('council-of-state', LATER),
  'district-court ruling': ruled('district-court', 'upheld', LATER),
  'council-of-state ruling': ruled('council-of-state', 'upheld', LATER),
  closed: ev('exclusion.closed', LATER),
};

describe('exclusion case transitions', () => {
  it('allows exactly the transitions of the state machine (docs/domain.md §4)', () => {
    assert.deepEqual(
      transitionMismatches('exclusion', SITUATIONS, CANDIDATES, {
        'not opened': ['opened'],
        open: ['suspended', 'decided', 'closed'],
        suspended: ['resumed', 'closed'],
        decided: ['district-court appeal', 'closed'],
        'district-court appeal': ['district-court ruling', 'closed'],
        'upheld by district court': ['council-of-state appeal', 'closed'],
        // After an annulment a new decision is due; the State may also appeal the annulment.
        'annulled by district court': ['suspended', 'decided', 'council-of-state appeal', 'closed'],
        'council-of-state appeal': ['council-of-state ruling', 'closed'],
        'upheld by council of state': ['closed'],
        closed: [],
      }),
      [],
    );
  });

  it('refuses a decision while suspended: resume first', () => {
    assert.equal(
      given('exclusion', opened, suspended).when(CANDIDATES.decided)?.message,
      'exclusion.decided needs an open case; it is suspended since 2022-03-01: resume it first',
    );
  });

  it('refuses a second decision while the first stands', () => {
    assert.match(given('exclusion', ...decidedCase).when(CANDIDATES.decided)?.message ?? '', /decision of 2022-06-01 stands/);
  });

  it('refuses an appeal to the Council of State without a district-court ruling', () => {
    assert.match(given('exclusion', ...decidedCase).when(CANDIDATES['council-of-state appeal'])?.message ?? '', /needs a district-court ruling on the current decision/);
  });

  it('refuses a ruling by another forum than the one the appeal is pending before', () => {
    assert.equal(
      given('exclusion', ...SITUATIONS['district-court appeal']).when(CANDIDATES['council-of-state ruling'])?.message,
      'exclusion.appeal-decided by the council-of-state, but the pending appeal is before the district-court',
    );
  });

  it('allows a new decision to be appealed again after an annulment', () => {
    const annulledThenDecided = [...SITUATIONS['annulled by district court'], ev('exclusion.decided', '2023-06-01', { outcome: 'not-applied' })];
    assert.equal(given('exclusion', ...annulledThenDecided).when(CANDIDATES['district-court appeal']), undefined);
    assert.ok(given('exclusion', ...annulledThenDecided).when(CANDIDATES['council-of-state appeal']));
  });
});

describe('exclusion case state', () => {
  it('records the decision with its grounds and Article 3 finding', () => {
    const { state } = given('exclusion', ...decidedCase);
    assert.equal(state.phase, 'decided');
    assert.deepEqual(state.decision, { eventId: 'ev-2', date: '2022-06-01', outcome: 'applied', grounds: ['a', 'b'], article3Barrier: true });
    assert.deepEqual(state.attributes, { outcome: 'applied', grounds: 'a,b', article3Barrier: true, appealForum: null });
  });

  it('takes a single ground as a list of one', () => {
    const { state } = given('exclusion', opened, ev('exclusion.decided', '2022-06-01', { outcome: 'applied', grounds: 'c' }));
    assert.deepEqual(state.decision?.grounds, ['c']);
    assert.equal(state.decision?.article3Barrier, null);
  });

  it('shows the forum of a pending appeal', () => {
    const { state } = given('exclusion', ...SITUATIONS['council-of-state appeal']);
    assert.deepEqual([state.phase, state.attributes.appealForum, state.attributes.outcome], ['appeal', 'council-of-state', 'applied']);
  });

  it('leaves an annulled decision without outcome, awaiting a new decision', () => {
    const { state } = given('exclusion', ...SITUATIONS['annulled by district court']);
    assert.deepEqual([state.phase, state.decisionAnnulled, state.attributes.outcome], ['open', true, null]);
  });

  it('restores the decision when the Council of State reverses an annulment', () => {
    const { state } = given(
      'exclusion',
      ...SITUATIONS['annulled by district court'],
      lodged('council-of-state', '2023-02-01'),
      ruled('council-of-state', 'upheld', '2023-09-01'),
    );
    assert.deepEqual([state.phase, state.attributes.outcome], ['decided', 'applied']);
  });

  it('goes back to open when resumed', () => {
    const { state } = given('exclusion', opened, suspended, ev('exclusion.resumed', '2022-04-01'));
    assert.deepEqual([state.phase, state.suspendedOn], ['open', null]);
  });
});

describe('exclusion case: a share of selected parts with the OM (the bill)', () => {
  const share = (data: Record<string, unknown> = {}) => ev('exclusion.information-shared', LATER, { recipient: 'OM', person: 'P-0042', role: 'commandant', ...data });

  it('is accepted in every phase after opening, closed included, and leaves the phase as it was', () => {
    assert.equal(given('exclusion', opened).when(share()), undefined);
    assert.equal(given('exclusion', ...decidedCase).when(share()), undefined);
    assert.equal(given('exclusion', opened, ev('exclusion.closed', '2023-01-01')).when(share()), undefined);
    const { state } = given('exclusion', ...decidedCase, ev('exclusion.information-shared', '2023-01-01', { recipient: 'OM', person: 'P-0042', role: 'commandant' }));
    assert.equal(state.phase, 'decided');
    assert.deepEqual(state.shares.map((item) => [item.date, item.recipient]), [['2023-01-01', 'OM']]);
  });

  it("is refused about anyone but the file's own person, and before the file is opened", () => {
    assert.match(given('exclusion', opened).when(share({ person: 'P-0099' }))?.message ?? '', /only be about its person P-0042, not P-0099/);
    assert.match(given('exclusion').when(share())?.message ?? '', /cannot come first/);
  });
});

