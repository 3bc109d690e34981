import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventInput } from '../domain/event.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { RegistryIndex } from './registry-index.js';
import { loadRegistryPersons } from './registry-persons.js';
import { clock, loadRegistry } from './testing/fixtures.js';

for (const engine of TEST_ENGINES) {
  describe(`the registry index kept up to date on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    const f = new EventFactory('ri');
    const append = (events: EventInput[]) => importEvents(store.db, [textSource('step.jsonl', jsonl(events))], { now: clock() });
    before(async () => { store = await engine.open(); await loadRegistry(store.db); });
    after(async () => { await store?.dispose(); });

    /** What the index holds against what a full read of the registry gives. */
    async function assertCurrent(index: RegistryIndex) {
      const { persons } = await index.current(store.db);
      assert.deepEqual([...persons.values()].sort((a, b) => a.id.localeCompare(b.id)), await loadRegistryPersons(store.db));
    }

    it('replaces only the persons an append changes, through new persons, aliases, a merge and its retraction', async () => {
      const index = new RegistryIndex();
      await assertCurrent(index);
      assert.equal(index.builds, 1);
      const before = index.updatedPersons;

      await append([f.event('person/P-10', 'person.registered', '2025-01-01', { names: ['Karim Benali'], birthDate: '1980' })]);
      await assertCurrent(index);
      assert.equal(index.updatedPersons - before, 1, 'one new person, one entry');
      assert.deepEqual((await index.current(store.db)).index.search('Karim Benali').hits.map((hit) => hit.id), ['P-10']);

      // a case that names a person changes no person entry
      await append([f.event('criminal/SZ-10', 'criminal.opened', '2025-02-01', { suspect: 'P-10', offences: ['torture'] })]);
      await assertCurrent(index);
      assert.equal(index.updatedPersons - before, 1);

      await append([f.event('person/P-11', 'person.registered', '2025-01-01', { names: ['K. Ben Ali'] }), f.event('person/P-11', 'person.alias-added', '2025-01-02', { name: 'Karim Ben Ali' })]);
      await assertCurrent(index);
      const merge = f.event('person/P-11', 'person.merged', '2025-03-01', { into: 'P-10', reason: 'same person' });
      await append([merge]);
      await assertCurrent(index);
      const merged = await index.current(store.db);
      assert.equal(merged.persons.has('P-11'), false);
      assert.deepEqual(merged.persons.get('P-10')?.absorbed, ['P-11']);
      assert.deepEqual(merged.index.search('Karim Ben Ali').hits.map((hit) => hit.id), ['P-10']);

      await append([f.event('person/P-11', 'retracted', '2025-03-02', { event: merge.id, reason: 'merged in error' })]);
      await assertCurrent(index);
      assert.ok((await index.current(store.db)).persons.has('P-11'));
      assert.equal(index.builds, 1, 'never rebuilt');
    });
  });
}
