import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';
import { EXTRADITION_PROCEEDINGS } from './events.js';

const requested = ev('extradition.requested', '2023-01-10', { person: 'P-0042', requestingState: 'RWA' });
const entered = (phase: string, date = '2023-06-01') => ev('extradition.phase-entered', date, { phase });
const LATER = '2024-01-01';

const PHASES = ['received', ...EXTRADITION_PROCEEDINGS];

const SITUATIONS: Record<string, ReturnType<typeof ev>[]> = {
  'not opened': [],
  received: [requested],
  ...Object.fromEntries(EXTRADITION_PROCEEDINGS.map((phase) => [phase, [requested, entered(phase)]])),
  concluded: [requested, entered('minister'), ev('extradition.concluded', '2023-09-01', { outcome: 'extradited' })],
};

const CANDIDATES = {
  requested: ev('extradition.requested', LATER),
  ...Object.fromEntries(EXTRADITION_PROCEEDINGS.map((phase) => [`enter ${phase}`, entered(phase, LATER)])),
  concluded: ev('extradition.concluded', LATER),
};

/** From a phase: every later proceeding (skipping is allowed) and the conclusion. */
const forwardFrom = (phase: string) => [...PHASES.slice(PHASES.indexOf(phase) + 1).map((later) => `enter ${later}`), 'concluded'];

describe('extradition case transitions', () => {
  it('moves forward only, may skip phases, and ends with the conclusion (docs/domain.md §4)', () => {
    assert.deepEqual(
      transitionMismatches('extradition', SITUATIONS, CANDIDATES, {
        'not opened': ['requested'],
        ...Object.fromEntries(PHASES.map((phase) => [phase, forwardFrom(phase)])),
        concluded: [],
      }),
      [],
    );
  });

  it('refuses to enter a phase backwards, naming the phases still possible', () => {
    assert.equal(
      given('extradition', requested, entered('minister')).when(entered('court-cassation', LATER))?.message,
      'extradition phase court-cassation cannot be entered from phase minister: phases only move forward (next possible: civil-first, civil-appeal, civil-cassation)',
    );
  });

  it('refuses to enter the same phase again', () => {
    assert.match(given('extradition', requested, entered('court-first')).when(entered('court-first', LATER))?.message ?? '', /only move forward/);
  });

  it('refuses anything after the conclusion', () => {
    assert.match(given('extradition', ...(SITUATIONS.concluded ?? [])).when(entered('civil-first', LATER))?.message ?? '', /cannot follow the conclusion of the case on 2023-09-01 \(extradited\)/);
  });
});

describe('extradition case state', () => {
  it('records the requesting state and the phase entered', () => {
    const { state } = given('extradition', requested, entered('court-cassation'));
    assert.deepEqual([state.phase, state.person, state.requestingState], ['court-cassation', 'P-0042', 'RWA']);
    assert.deepEqual(state.attributes, { requestingState: 'RWA', outcome: null });
  });

  it('records the outcome on conclusion', () => {
    const { state } = given('extradition', ...(SITUATIONS.concluded ?? []));
    assert.deepEqual([state.phase, state.outcome, state.concludedOn], ['concluded', 'extradited', '2023-09-01']);
  });
});
