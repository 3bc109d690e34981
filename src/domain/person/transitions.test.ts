import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given, transitionMismatches } from '../testing/factories.js';

const registered = ev('person.registered', '2024-01-10', { names: ['Mohammed Al-Ahmad', 'محمد الأحمد'], birthDate: '1971', nationalities: ['SYR'] });

describe('person transitions', () => {
  it('starts with a registration, after which aliases may be added', () => {
    assert.deepEqual(
      transitionMismatches(
        'person',
        { 'not registered': [], registered: [registered] },
        { registered: ev('person.registered', '2024-05-01'), 'alias added': ev('person.alias-added', '2024-05-01') },
        { 'not registered': ['registered'], registered: ['alias added'] },
      ),
      [],
    );
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
  });
});
