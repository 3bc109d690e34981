import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const received = ev('intake.received', '2024-01-10', { from: 'NGO', situation: 'Syria', subjects: ['P-1', 'P-2'] });
const assessed = ev('intake.assessed', '2024-03-01', { outcome: 'investigation-opened', criminalCase: 'SZ-2024-001' });

describe('report intake transitions', () => {
  it('allows received, then one assessment (docs/domain.md §4)', () => {
    assert.deepEqual(
      transitionMismatches(
        'intake',
        { 'not opened': [], received: [received], assessed: [received, assessed] },
        { received: ev('intake.received', '2024-05-01'), assessed: ev('intake.assessed', '2024-05-01') },
        { 'not opened': ['received'], received: ['assessed'], assessed: [] },
      ),
      [],
    );
  });

  it('refuses a second assessment, naming the first', () => {
    assert.match(given('intake', received, assessed).when(ev('intake.assessed', '2024-05-01'))?.message ?? '', /assessment of 2024-03-01 \(investigation-opened\)/);
  });
});

describe('report intake state', () => {
  it('records the subjects, and the outcome and criminal case of the assessment', () => {
    const { state } = given('intake', received, assessed);
    assert.deepEqual(state.subjects, ['P-1', 'P-2']);
    assert.deepEqual([state.phase, state.outcome, state.criminalCase], ['assessed', 'investigation-opened', 'SZ-2024-001']);
    assert.deepEqual(state.attributes, { outcome: 'investigation-opened' });
  });
});
