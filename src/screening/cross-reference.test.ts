import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PersonState } from '../domain/person/state.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { viewStream } from '../registry/stream-view.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { crossReferenceRegistry } from './cross-reference-registry.js';
import { crossReferencesFor, MATCH_ELSEWHERE_NOTICE } from './cross-references-for.js';
import { findHits } from '../store/hits-store.js';
import { mergePersons, undoMerge } from './merge-persons.js';
import { loadRegistryPersons } from './registry-persons.js';
import { reviewHit } from './review-hit.js';
import { searchPersons } from './search-persons.js';
import { clock, loadRegistry, registryEvents } from './testing/fixtures.js';

const policy = loadPolicy();
const principal = (role: string): Principal => ({ kind: 'user', username: `test.${role}`, organisation: policy.roles[role]!.organisation, role });
const TODAY = '2026-03-02';

for (const engine of TEST_ENGINES) {
  describe(`cross-referencing the registry on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => {
      store = await engine.open();
      const f = new EventFactory('extra');
      await loadRegistry(store.db, [
        ...registryEvents(),
        // the same name twice in police files only: not a cross-reference (one partner knows both)
        f.event('person/P-5', 'person.registered', '2024-01-01', { names: ['Ivan Petrov'] }),
        f.event('person/P-6', 'person.registered', '2024-01-01', { names: ['Iwan Petrow'] }),
        f.event('criminal/SZ-5', 'criminal.opened', '2024-05-01', { suspect: 'P-5', offences: ['torture'] }),
        f.event('criminal/SZ-6', 'criminal.opened', '2024-05-01', { suspect: 'P-6', offences: ['torture'] }),
      ]);
    });
    after(async () => { await store?.dispose(); });

    it('finds persons known to different partners who are probably the same person, not pairs within one partner\'s files', async () => {
      const run = await crossReferenceRegistry(store.db, { policy, by: 'tester', now: clock() });
      assert.deepEqual(run.raised.map((hit) => [hit.personId, hit.counterpart]), [['P-1', 'P-2']]);
      assert.equal(run.raised[0]?.source, 'registry');
      const again = await crossReferenceRegistry(store.db, { policy, by: 'tester', now: clock() });
      assert.deepEqual([again.pairsFound, again.raised.length], [1, 0]);
    });

    it('tells the police only that a match exists in another partner\'s files, never who or how close (hit/no-hit)', async () => {
      const { view, shownPersons } = await crossReferencesFor(store.db, policy, principal('police'), 'P-1', TODAY);
      assert.deepEqual(view, { person: 'P-1', hit: true, matchElsewhere: true, matches: [], notice: MATCH_ELSEWHERE_NOTICE });
      assert.deepEqual(shownPersons, ['P-1']);
      const text = JSON.stringify(view);
      for (const secret of ['P-2', 'محمد', 'Alhasan', 'score', 'explanation']) assert.ok(!text.includes(secret), `leaks ${secret}`);
    });

    it('tells the IND the same about its own person, in the other direction', async () => {
      const { view } = await crossReferencesFor(store.db, policy, principal('ind-1f'), 'P-2', TODAY);
      assert.deepEqual([view.hit, view.matchElsewhere, view.matches], [true, true, []]);
      assert.ok(!JSON.stringify(view).includes('P-1'));
      const nothing = await crossReferencesFor(store.db, policy, principal('dtv'), 'P-3', TODAY);
      assert.deepEqual(nothing.view, { person: 'P-3', hit: false, matchElsewhere: false, matches: [], notice: null });
    });

    it('shows the details once the policy gives a legal basis: the other person is named in a case the user may read', async () => {
      const f = new EventFactory('basis');
      await importEvents(store.db, [textSource('basis.jsonl', jsonl([f.event('criminal/SZ-2', 'criminal.opened', '2026-02-20', { suspect: 'P-2', offences: ['war-crimes'] })]))], { now: clock() });
      const { view, shownPersons } = await crossReferencesFor(store.db, policy, principal('police'), 'P-1', TODAY);
      assert.equal(view.matchElsewhere, false);
      assert.deepEqual(view.matches.map((match) => [match.person.id, match.status]), [['P-2', 'open']]);
      assert.match(view.matches[0]!.legalBasis, /Wpg/);
      assert.ok(view.matches[0]!.score >= 0.7);
      assert.deepEqual(shownPersons, ['P-1', 'P-2']);
      // the ministry has no person-level access at all: not even hit/no-hit details
      const ministry = await crossReferencesFor(store.db, policy, principal('ministry'), 'P-1', TODAY);
      assert.deepEqual(ministry.view.matches, []);
    });

    it('a rejected pair is no hit any more', async () => {
      const [hit] = await findHits(store.db, { source: 'registry', person: 'P-1' });
      await reviewHit(store.db, { hitId: hit!.id, decision: 'rejected', reason: 'different persons, checked with IND', by: 'analyst', now: clock() });
      const { view } = await crossReferencesFor(store.db, policy, principal('ind-1f'), 'P-2', TODAY);
      assert.deepEqual([view.hit, view.matchElsewhere], [false, false]);
      await reviewHit(store.db, { hitId: hit!.id, decision: 'confirmed', reason: 'on second look the same: passport copy in IND file', by: 'analyst', now: clock() });
    });

    it('merges a confirmed pair, shows where the merged person went, finds it by its old names, and undoes the merge', async () => {
      await assert.rejects(mergePersons(store.db, { person: 'P-3', into: 'P-4', reason: 'x', now: clock() }), /no confirmed cross-reference hit/);
      const merged = await mergePersons(store.db, { person: 'P-2', into: 'P-1', reason: 'confirmed match (hit review)', now: clock() });
      const view = await viewStream(store.db, 'person/P-2', { date: TODAY });
      const state = view.state as PersonState;
      assert.deepEqual([state.phase, state.mergedInto], ['merged', 'P-1']);
      assert.equal(view.timeline.at(-1)?.event.id, merged.eventId);

      const persons = await loadRegistryPersons(store.db);
      assert.equal(persons.some((person) => person.id === 'P-2'), false);
      const survivor = persons.find((person) => person.id === 'P-1')!;
      assert.deepEqual(survivor.absorbed, ['P-2']);
      assert.ok(survivor.names.includes('محمد الحسن'));
      const found = await searchPersons(store.db, 'Muhammad Alhasan');
      assert.deepEqual(found.map((match) => match.person.id), ['P-1']);
      await assert.rejects(mergePersons(store.db, { person: 'P-2', into: 'P-1', reason: 'again', now: clock() }), /already merged into P-1/);

      const undone = await undoMerge(store.db, { person: 'P-2', reason: 'merged in error', now: clock(new Date('2026-03-02T11:00:00Z')) });
      assert.deepEqual([undone.retracted, undone.wasMergedInto], [merged.eventId, 'P-1']);
      const after = (await viewStream(store.db, 'person/P-2', { date: TODAY })).state as PersonState;
      assert.deepEqual([after.phase, after.mergedInto], ['registered', null]);
      assert.deepEqual((await searchPersons(store.db, 'Muhammad Alhasan')).map((match) => match.person.id), ['P-2', 'P-1']);
    });
  });
}
