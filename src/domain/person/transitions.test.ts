import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replayStream, stateAt } from '../replay.js';
import { ev, given, recorder, transitionMismatches } from '../testing/factories.js';

const registered = ev('person.registered', '2024-01-10', { names: ['Mohammed Al-Ahmad', 'محمد الأحمد'], birthDate: '1971', nationalities: ['SYR'] });
const merged = ev('person.merged', '2025-03-01', { into: 'P-0002', reason: 'bevestigde match met P-0002' });

describe('person transitions', () => {
  it('starts with a registration, after which aliases may be added and the person merged, and nothing after a merge', () => {
    assert.deepEqual(
      transitionMismatches(
        'person',
        { 'not registered': [], registered: [registered], merged: [registered, merged] },
        {
          registered: ev('person.registered', '2025-05-01'),
          'alias added': ev('person.alias-added', '2025-05-01'),
          merged: ev('person.merged', '2025-05-01', { into: 'P-0003' }),
        },
        { 'not registered': ['registered'], registered: ['alias added', 'merged'], merged: [] },
      ),
      [],
    );
  });

  it('tells where a merged person went when something is recorded on it', () => {
    const refusal = given('person', registered, merged).when(ev('person.alias-added', '2025-04-01', { name: 'M. Ahmad' }));
    assert.match(refusal?.message ?? '', /merged into P-0002 on 2025-03-01; record it on P-0002, or retract the merge first/);
  });
});

describe('person state', () => {
  it('keeps names in any script, aliases after, without duplicates', () => {
    const { state } = given(
      'person',
      registered,
      ev('person.alias-added', '2024-02-01', { name: 'Muhammad al-Ahmad' }),
      ev('person.alias-added', '2024-03-01', { name: 'Mohammed Al-Ahmad' }),
    );
    assert.deepEqual(state.names, ['Mohammed Al-Ahmad', 'محمد الأحمد', 'Muhammad al-Ahmad']);
    assert.deepEqual([state.birthDate, state.nationalities, state.registeredOn], ['1971', ['SYR'], '2024-01-10']);
    assert.deepEqual(state.attributes, { nameCount: 3 });
    assert.equal(state.mergedInto, null);
  });

  it('shows where a merged person went, keeping what it knew of the person', () => {
    const { state } = given('person', registered, merged);
    assert.deepEqual([state.phase, state.mergedInto, state.mergedOn], ['merged', 'P-0002', '2025-03-01']);
    assert.deepEqual(state.attributes, { nameCount: 2, mergedInto: 'P-0002' });
    assert.deepEqual(state.names, ['Mohammed Al-Ahmad', 'محمد الأحمد']);
  });

  it('undoes a merge by retracting it, as of the retraction; earlier knowledge still shows the merge', () => {
    const stream = recorder('person/P-0001').record(
      registered,
      { ...merged, id: 'merge-1' },
      ev('retracted', '2025-03-05', { event: 'merge-1', reason: 'match bij nader inzien onjuist' }, { recordedAt: '2025-03-05T09:00:00.000Z' }),
    );
    const replay = replayStream('person', stream.events);
    assert.ok(replay.ok);
    assert.deepEqual([replay.state.phase, replay.state.mergedInto], ['registered', null]);
    assert.deepEqual(replay.state.attributes, { nameCount: 2 });
    const before = stateAt('person', stream.events, '2025-12-31', '2025-03-04T00:00:00.000Z');
    assert.deepEqual([before.phase, before.mergedInto], ['merged', 'P-0002']);
    // after the undo the person can be recorded on again; with the merge standing, the same alias is refused
    const alias = ev('person.alias-added', '2025-04-01', { name: 'M. Ahmad' });
    const undone = replayStream('person', [...stream.events, recorder('person/P-0001').recordOne({ ...alias, id: 'alias-1' })].map((event, seq) => ({ ...event, seq: seq + 1 })));
    assert.ok(undone.ok, undone.ok ? '' : undone.message);
    assert.deepEqual(undone.state.names, ['Mohammed Al-Ahmad', 'محمد الأحمد', 'M. Ahmad']);
    const standing = replayStream('person', recorder('person/P-0001').record(registered, merged, alias).events);
    assert.equal(standing.ok, false);
  });

  it('keeps legal holds: placed, then lifted once; lifting an unknown or lifted hold is refused', () => {
    const placed = ev('person.legal-hold-placed', '2025-02-01', { reason: 'civiele vordering aanhangig', legalGround: 'art. 6:162 BW' }, { id: 'hold-1' });
    const lifted = ev('person.legal-hold-lifted', '2025-06-01', { hold: 'hold-1', reason: 'vordering ingetrokken' });
    const registeredOnly = ev('person.registered', '2025-01-01', { names: ['Fictief Persoon'] });
    const stream = given('person', registeredOnly, placed);
    assert.deepEqual(stream.state.legalHolds, [{ eventId: 'hold-1', placedOn: '2025-02-01', reason: 'civiele vordering aanhangig', legalGround: 'art. 6:162 BW', liftedOn: null }]);
    assert.equal(stream.when(lifted), undefined);
    assert.match(stream.when(ev('person.legal-hold-lifted', '2025-06-01', { hold: 'hold-9', reason: 'x' }))?.message ?? '', /hold-9, which is no legal hold placed on this person/);
    const after = given('person', registeredOnly, placed, lifted);
    assert.equal(after.state.legalHolds[0]?.liftedOn, '2025-06-01');
    assert.match(after.when(lifted)?.message ?? '', /already lifted on 2025-06-01/);
  });
});
