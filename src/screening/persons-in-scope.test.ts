import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventInput } from '../domain/event.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { registryPersonsInScope } from './persons-in-scope.js';
import { registryIndexOf } from './registry-index.js';
import { loadRegistryPersons, type PersonScope } from './registry-persons.js';
import { clock, loadRegistry } from './testing/fixtures.js';

for (const engine of TEST_ENGINES) {
  describe(`the persons a screening run covers, from the kept registry index, on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    const f = new EventFactory('pis');
    const append = (events: EventInput[]) => importEvents(store.db, [textSource('step.jsonl', jsonl(events))], { now: clock() });
    before(async () => {
      store = await engine.open();
      await loadRegistry(store.db);
      await append([
        f.event('person/P-20', 'person.registered', '2025-01-01', { names: ['Samir Haddad'], birthDate: '1975' }),
        f.event('person/P-21', 'person.registered', '2025-01-01', { names: ['S. Haddad'] }),
        f.event('criminal/SZ-20', 'criminal.opened', '2025-02-01', { suspect: 'P-21', offences: ['torture'] }),
      ]);
    });
    after(async () => { await store?.dispose(); });

    const scopes: PersonScope[] = [{}, { person: 'P-20' }, { person: 'P-21' }, { person: 'P-404' }, { kind: 'criminal' }, { kind: 'criminal', phase: 'investigation' }];

    async function assertSameAsFullRead(when: string) {
      const now = new Date('2026-01-01T00:00:00Z');
      for (const scope of scopes) {
        assert.deepEqual(await registryPersonsInScope(store.db, scope, now), await loadRegistryPersons(store.db, scope, now), `${when}: ${JSON.stringify(scope)}`);
      }
    }

    it('are the persons a full read of the registry gives, for every scope, before and after a merge', async () => {
      await assertSameAsFullRead('as loaded');
      assert.equal((await registryPersonsInScope(store.db, { person: 'P-21' })).length, 1);
      // P-21 merged into P-20: asking for P-21 gives P-20, who now also stands for the criminal case's suspect
      await append([f.event('person/P-21', 'person.merged', '2025-03-01', { into: 'P-20', reason: 'same person' })]);
      await assertSameAsFullRead('after the merge');
      assert.deepEqual((await registryPersonsInScope(store.db, { person: 'P-21' })).map((person) => person.id), ['P-20']);
      assert.ok((await registryPersonsInScope(store.db, { kind: 'criminal' })).some((person) => person.id === 'P-20'));
    });

    it('follow appends without building the index again', async () => {
      const index = registryIndexOf(store.db);
      const builds = index.builds;
      await append([f.event('person/P-22', 'person.registered', '2025-04-01', { names: ['Nadia Rahimi'] })]);
      assert.deepEqual((await registryPersonsInScope(store.db, { person: 'P-22' })).map((person) => person.names), [['Nadia Rahimi']]);
      assert.equal(index.builds, builds);
    });
  });
}
