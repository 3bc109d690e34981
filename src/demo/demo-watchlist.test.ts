/**
 * The demo's watchlist (README, "Demo"): fictional entries, some of them demo persons in another spelling, so that
 * screening the demo registry against it raises hits on exactly those persons, and loading it again changes nothing.
 * Only the persons of the demo are imported here: screening reads nothing else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { parseJsonl } from '../matching/api.js';
import { findHits } from '../store/hits-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { DEMO_WATCHLIST, demoWatchlist, loadDemoWatchlist, type DemoListPerson } from './demo-watchlist.js';
import { generateDemo } from './generate-demo.js';

const NOW = () => new Date('2026-11-15T09:00:00Z');
const personEvents = [...generateDemo({ scale: 1 })].filter((event) => event.stream.startsWith('person/') && event.type === 'person.registered');
const persons: DemoListPerson[] = personEvents.map((event) => ({
  id: event.stream.slice('person/'.length),
  names: event.data.names as string[],
  birthDate: (event.data.birthDate as string | undefined) ?? null,
  nationalities: (event.data.nationalities as string[] | undefined) ?? [],
}));

describe('the demo watchlist', () => {
  const { jsonl, sources } = demoWatchlist(persons);

  it('is a valid JSON Lines list of thirty entries, the same on every run', () => {
    const entries = parseJsonl(jsonl, 'demo.jsonl');
    assert.equal(entries.length, 30);
    assert.equal(demoWatchlist([...persons].reverse()).jsonl, jsonl);
  });

  it('spells each registry person it carries differently from every name the registry has for them', () => {
    assert.equal(sources.size, 12);
    const entries = parseJsonl(jsonl, 'demo.jsonl');
    for (const [entryId, personId] of sources) {
      const entry = entries.find((candidate) => candidate.id === entryId)!;
      const person = persons.find((candidate) => candidate.id === personId)!;
      assert.ok(!person.names.includes(entry.names[0]!), `${entryId} copies a name of ${personId}: ${entry.names[0]}`);
    }
  });

  describe('loaded into a store', () => {
    let store: TestStore;
    before(async () => {
      store = await TEST_ENGINES[0]!.open();
      await importEvents(store.db, [textSource('demo persons', personEvents.map((event) => JSON.stringify(event)).join('\n'))], { now: NOW });
    });
    after(async () => store.dispose());

    it('raises a hit on every person an entry was made from, waiting for review, and nothing new the second time', async () => {
      const first = await loadDemoWatchlist(store.db, NOW);
      assert.equal(first.list, DEMO_WATCHLIST);
      const hits = await findHits(store.db, { source: 'watchlist', statuses: ['open'] });
      for (const [entryId, personId] of sources) {
        assert.ok(hits.some((hit) => hit.counterpart === entryId && hit.personId === personId), `no hit of ${entryId} on ${personId}`);
      }
      const again = await loadDemoWatchlist(store.db, NOW);
      assert.equal(again.raised.length, 0);
      assert.equal(again.version, first.version);
    });
  });
});
