import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEvent } from '../events/schema.js';
import { stateAt } from '../replay.js';
import { ev, given, recorder, transitionMismatches } from '../testing/factories.js';

const registered = ev('witness.registered', '2024-01-10');
const LATER = '2025-02-01';

describe('witness transitions (docs/domain.md §4)', () => {
  it('opens with witness.registered; a measure only when it changes; a statement once; nothing after death', () => {
    assert.deepEqual(
      transitionMismatches(
        'witness',
        {
          'not opened': [], registered: [registered],
          protected: [registered, ev('witness.protection-set', '2024-02-01')],
          'with statement': [registered, ev('witness.statement-linked', '2024-02-01')],
          returned: [registered, ev('witness.availability-changed', '2024-12-20')],
          deceased: [registered, ev('witness.availability-changed', '2024-12-20', { status: 'deceased', country: undefined })],
        },
        {
          register: ev('witness.registered', LATER),
          protect: ev('witness.protection-set', LATER),
          unprotect: ev('witness.protection-set', LATER, { measure: 'none' }),
          statement: ev('witness.statement-linked', LATER),
          'other statement': ev('witness.statement-linked', LATER, { evidence: 'EV-0002' }),
          'returns to Syria': ev('witness.availability-changed', LATER),
          'returned, now to Iraq': ev('witness.availability-changed', LATER, { country: 'IRQ' }),
          willing: ev('witness.availability-changed', LATER, { status: 'willing', country: undefined }),
        },
        {
          'not opened': ['register'],
          registered: ['protect', 'statement', 'other statement', 'returns to Syria', 'returned, now to Iraq', 'willing'],
          protected: ['unprotect', 'statement', 'other statement', 'returns to Syria', 'returned, now to Iraq', 'willing'],
          'with statement': ['protect', 'other statement', 'returns to Syria', 'returned, now to Iraq', 'willing'],
          returned: ['protect', 'statement', 'other statement', 'returned, now to Iraq', 'willing'],
          deceased: ['protect', 'statement', 'other statement'],
        },
      ),
      [],
    );
  });

  it('says why a death ends the availability changes', () => {
    const after = given('witness', registered, ev('witness.availability-changed', '2024-12-20', { status: 'deceased', country: undefined }));
    assert.match(after.when(ev('witness.availability-changed', LATER, { status: 'willing' }))?.message ?? '', /died on 2024-12-20/);
  });
});

describe('witness state', () => {
  it('keeps the case, identity, pseudonym, measure, statements and the availability with its country', () => {
    const { state } = given('witness', registered, ev('witness.protection-set', '2024-02-01'), ev('witness.statement-linked', '2024-02-02'),
      ev('witness.availability-changed', '2024-12-20'));
    assert.equal(state.caseStream, 'criminal/SZ-0001');
    assert.equal(state.person, 'P-0200');
    assert.equal(state.pseudonym, 'A-12');
    assert.equal(state.protection, 'threatened');
    assert.deepEqual(state.statements, ['EV-0001']);
    assert.equal(state.availability, 'returned');
    assert.equal(state.country, 'SYR');
    assert.equal(state.availableSince, '2024-12-20');
    assert.deepEqual(state.attributes, { protection: 'threatened', availability: 'returned', statements: 1 });
  });

  it('is bitemporal: a retracted return is undone as recorded after the retraction, and there on the dates after it before', () => {
    const stream = recorder('witness/W-1').record(registered, ev('witness.availability-changed', '2024-12-20'),
      ev('retracted', '2025-01-05', { event: 'ev-2', reason: 'verwisseld met een andere getuige' }));
    const [, returned] = stream.events;
    assert.equal(stateAt('witness', stream.events, LATER).availability, 'available');
    assert.equal(stateAt('witness', stream.events, LATER, returned!.recordedAt).availability, 'returned');
    assert.equal(stateAt('witness', stream.events, '2024-12-19', returned!.recordedAt).availability, 'available');
  });
});

describe('witness event data', () => {
  const base = { id: 'w1', stream: 'witness/W-1', date: '2024-01-01' };
  const problems = (type: string, data: Record<string, unknown>) => {
    const result = validateEvent({ ...base, type, data });
    return result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.message}`);
  };

  it('names exactly one case and the witness (a person or a name); the case, the person and a statement are references', () => {
    assert.match(problems('witness.registered', { person: 'P-1', pseudonym: 'A-1' }).join(), /exactly one case/);
    assert.match(problems('witness.registered', { criminalCase: 'SZ-1', pseudonym: 'A-1' }).join(), /name the witness/);
    const result = validateEvent({ ...base, type: 'witness.registered', data: { exclusionCase: 'IF-1', person: 'P-1', pseudonym: 'B-7' } });
    assert.ok(result.ok);
    assert.deepEqual(result.references, [{ field: 'data.person', stream: 'person/P-1' }, { field: 'data.exclusionCase', stream: 'exclusion/IF-1' }]);
    const linked = validateEvent({ ...base, type: 'witness.statement-linked', data: { evidence: 'EV-9' } });
    assert.ok(linked.ok);
    assert.deepEqual(linked.references, [{ field: 'data.evidence', stream: 'evidence/EV-9' }]);
  });

  it('checks the pseudonym code, the measure, the status and the country', () => {
    assert.match(problems('witness.registered', { criminalCase: 'SZ-1', name: 'X', pseudonym: 'getuige A-12' }).join(), /pseudonym code/);
    assert.match(problems('witness.registered', { criminalCase: 'SZ-1', name: 'X', pseudonym: 'I-1' }).join(), /pseudonym code/);
    assert.match(problems('witness.protection-set', { measure: 'secret' }).join(), /data.measure/);
    assert.match(problems('witness.availability-changed', { status: 'gone' }).join(), /data.status/);
    assert.match(problems('witness.availability-changed', { status: 'returned', country: 'Syria' }).join(), /alpha-3/);
  });
});
