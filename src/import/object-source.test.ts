/**
 * An API request's events reach the import as the objects its body was parsed into (sources.ts objectSource): the
 * same checks as a JSON Lines file, and the same hash chain.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ImketenError } from '../domain/errors.js';
import { readEventChain, type ChainedEvent } from '../store/event-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { importEvents } from './import-events.js';
import { objectSource, textSource } from './sources.js';

const NOW = () => new Date('2026-01-10T12:00:00.000Z');
const engine = TEST_ENGINES[0]!;

function events() {
  const f = new EventFactory();
  return [
    f.person('P-1'),
    f.criminalOpened('SZ-1', 'P-1', '2020-03-01'),
    f.event('criminal/SZ-1', 'criminal.indicted', '2021-06-01', { court: 'Rechtbank Den Haag' }),
  ];
}

async function chain(store: TestStore): Promise<ChainedEvent[]> {
  const all: ChainedEvent[] = [];
  for await (const page of readEventChain(store.db)) all.push(...page);
  return all;
}

async function problemsOf(promise: Promise<unknown>): Promise<readonly unknown[]> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof ImketenError, `expected a rejection, got ${String(error)}`);
  return error.problems.map(({ file: _file, ...problem }) => problem);
}

describe('objects as an import source', () => {
  const stores: TestStore[] = [];
  after(async () => { for (const store of stores) await store.dispose(); });
  const open = async () => { const store = await engine.open(); stores.push(store); return store; };

  it('stores the same events with the same hash chain as their JSON Lines text', async () => {
    const [fromText, fromObjects] = [await open(), await open()];
    const summaryText = await importEvents(fromText.db, [textSource('request', jsonl(events()))], { now: NOW });
    const summaryObjects = await importEvents(fromObjects.db, [objectSource('request', events())], { now: NOW });
    assert.deepEqual({ ...summaryObjects, importId: 0 }, { ...summaryText, importId: 0 });
    const chained = await chain(fromObjects);
    assert.equal(chained.length, 3);
    assert.deepEqual(chained, await chain(fromText));
  });

  it('refuses what a line would be refused for, naming the same place', async () => {
    const bad = events();
    (bad[2]!.data as Record<string, unknown>).court = 'Den\u0000Haag';
    (bad[1]!.data as Record<string, unknown>).nested = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;
    const [fromText, fromObjects] = [await open(), await open()];
    const text = await problemsOf(importEvents(fromText.db, [textSource('request', jsonl(bad))], { now: NOW }));
    const objects = await problemsOf(importEvents(fromObjects.db, [objectSource('request', bad)], { now: NOW }));
    assert.equal(objects.length, 2);
    assert.deepEqual(objects.map((problem) => (problem as { line: number }).line), [2, 3]);
    assert.deepEqual(objects[1], text[1]);
    assert.match(String((objects[0] as { message: string }).message), /nest deeper than 32 levels/);
  });
});
