import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const opened = ev('departure.opened', '2023-01-10', { person: 'P-0042', exclusionCase: 'IF-2023-017' });
const LATER = '2024-01-01';

const SITUATIONS = {
  'not opened': [],
  open: [opened],
  'open with a barrier': [opened, ev('departure.article3-barrier', '2023-05-01', { present: true })],
  departed: [opened, ev('departure.departed', '2023-06-01', { mode: 'voluntary-supervised' })],
  closed: [opened, ev('departure.closed', '2023-06-01', { reason: 'overleden' })],
};

const CANDIDATES = {
  opened: ev('departure.opened', LATER),
  'barrier present': ev('departure.article3-barrier', LATER, { present: true }),
  'barrier absent': ev('departure.article3-barrier', LATER, { present: false }),
  departed: ev('departure.departed', LATER),
  closed: ev('departure.closed', LATER),
};

const WHILE_OPEN = ['barrier present', 'barrier absent', 'departed', 'closed'];

describe('departure dossier transitions', () => {
  it('allows exactly the transitions of the state machine (docs/domain.md §4)', () => {
    assert.deepEqual(
      transitionMismatches('departure', SITUATIONS, CANDIDATES, {
        'not opened': ['opened'],
        open: WHILE_OPEN,
        'open with a barrier': WHILE_OPEN,
        departed: [],
        closed: [],
      }),
      [],
    );
  });

  it('refuses a change of the barrier after departure, saying why', () => {
    assert.equal(
      given('departure', ...SITUATIONS.departed).when(CANDIDATES['barrier present'])?.message,
      'departure.article3-barrier needs an open dossier; the alien departed (voluntary-supervised) on 2023-06-01',
    );
  });

  it('refuses a second opening', () => {
    assert.match(given('departure', opened).when(CANDIDATES.opened)?.message ?? '', /can only come first/);
  });
});

describe('departure dossier state', () => {
  it('opens without an Article 3 barrier', () => {
    const { state } = given('departure', opened);
    assert.equal(state.phase, 'open');
    assert.equal(state.article3Barrier, false);
    assert.deepEqual(state.attributes, { article3Barrier: false, mode: null });
    assert.equal(state.exclusionCase, 'IF-2023-017');
  });

  it('follows the latest assessment of the barrier (R7 reassessment)', () => {
    const { state } = given('departure', ...SITUATIONS['open with a barrier'], ev('departure.article3-barrier', '2024-12-20', { present: false }));
    assert.equal(state.article3Barrier, false);
    assert.equal(state.article3AssessedOn, '2024-12-20');
  });

  it('records the mode of departure and keeps the barrier as it was', () => {
    const { state } = given('departure', ...SITUATIONS['open with a barrier'], ev('departure.departed', LATER, { mode: 'forced' }));
    assert.deepEqual([state.phase, state.endedOn], ['departed', LATER]);
    assert.deepEqual(state.attributes, { article3Barrier: true, mode: 'forced' });
  });

  it('records the reason for closing', () => {
    const { state } = given('departure', ...SITUATIONS.closed);
    assert.deepEqual([state.phase, state.closedReason], ['closed', 'overleden']);
  });
});
