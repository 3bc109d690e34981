import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ImketenError } from '../domain/errors.js';
import { exportLines } from '../export/export-events.js';
import { logPosition, readStream } from '../store/event-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { importEvents } from './import-events.js';
import { textSource } from './sources.js';

const clock = (iso: string) => () => new Date(iso);
const NOW = clock('2026-01-10T12:00:00.000Z');

async function importText(store: TestStore, text: string, now = NOW, file = 'events.jsonl') {
  return importEvents(store.db, [textSource(file, text)], { now });
}

async function rejection(promise: Promise<unknown>): Promise<ImketenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImketenError, `expected an ImketenError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the import to be rejected');
}

function basicCase(f = new EventFactory()) {
  return [
    f.person('P-1'),
    f.criminalOpened('SZ-1', 'P-1', '2020-03-01'),
    f.event('criminal/SZ-1', 'criminal.indicted', '2021-06-01', { court: 'Rechtbank Den Haag' }),
  ];
}

for (const engine of TEST_ENGINES) {
  describe(`importing events on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    beforeEach(async () => { store = await engine.open(); });
    afterEach(async () => { await store?.dispose(); });

    it('stores a valid file and sets recordedAt to the time of import where the file gives none', async () => {
      const summary = await importText(store, jsonl(basicCase()));
      assert.deepEqual({ added: summary.added, unchanged: summary.unchanged, streams: summary.streams }, { added: 3, unchanged: 0, streams: 2 });
      const events = await readStream(store.db, 'criminal/SZ-1');
      assert.deepEqual(events.map((event) => event.type), ['criminal.opened', 'criminal.indicted']);
      assert.equal(events[0]!.recordedAt, '2026-01-10T12:00:00.000Z');
    });

    it('changes nothing when the same file is imported again', async () => {
      const text = jsonl(basicCase());
      await importText(store, text);
      const position = await logPosition(store.db);
      const again = await importText(store, text, clock('2026-02-01T00:00:00.000Z'));
      assert.equal(again.added, 0);
      assert.equal(again.unchanged, 3);
      assert.equal(await logPosition(store.db), position);
    });

    it('refuses an id that is stored with other content, naming the line', async () => {
      const f = new EventFactory();
      await importText(store, jsonl(basicCase(f)));
      const changed = basicCase(new EventFactory());
      changed[2]!.data = { court: 'Rechtbank Amsterdam' };
      const error = await rejection(importText(store, jsonl(changed), NOW, 'second.jsonl'));
      assert.equal(error.code, 'IMPORT_REJECTED');
      assert.equal(error.problems.length, 1);
      assert.deepEqual({ ...error.problems[0], message: undefined }, { file: 'second.jsonl', line: 3, field: 'id', code: 'EVENT_ID_CONFLICT', message: undefined });
      assert.match(error.problems[0]!.message, /already stored with other content/);
    });

    it('rejects a line that is not JSON and stores nothing of the file', async () => {
      const text = `${jsonl(basicCase())}{"id": "broken",\n`;
      const error = await rejection(importText(store, text));
      assert.equal(error.problems[0]!.line, 4);
      assert.match(error.problems[0]!.message, /not valid JSON/);
      assert.equal(await logPosition(store.db), 0);
    });

    it('rejects a date that is not a calendar date, naming the field', async () => {
      const events = basicCase();
      events[2]!.date = '2025-13-45';
      const error = await rejection(importText(store, jsonl(events)));
      assert.equal(error.problems[0]!.line, 3);
      assert.equal(error.problems[0]!.field, 'date');
      assert.match(error.problems[0]!.message, /2025-13-45/);
      assert.equal(await logPosition(store.db), 0);
    });

    it('rejects an unknown event type and a missing field, listing every problem of the file', async () => {
      const f = new EventFactory();
      const events = [
        f.person('P-1'),
        f.event('criminal/SZ-1', 'criminal.teleported', '2020-01-01', {}),
        f.event('criminal/SZ-2', 'criminal.opened', '2020-01-01', { offences: ['war-crimes'] }),
      ];
      const error = await rejection(importText(store, jsonl(events)));
      assert.equal(error.problems.length, 2);
      assert.deepEqual(error.problems.map((problem) => [problem.line, problem.field]), [[2, 'type'], [3, 'data.suspect']]);
      assert.equal(await logPosition(store.db), 0);
    });

    it('rejects a reference to a person who is neither in the file nor in the registry', async () => {
      const f = new EventFactory();
      const error = await rejection(importText(store, jsonl([f.criminalOpened('SZ-1', 'P-404', '2020-01-01')])));
      assert.equal(error.problems[0]!.code, 'REFERENCE_NOT_FOUND');
      assert.equal(error.problems[0]!.field, 'data.suspect');
      assert.match(error.problems[0]!.message, /person 'P-404'/);
      assert.equal(await logPosition(store.db), 0);
    });

    it('rejects a merge into a person who is neither in the file nor in the registry', async () => {
      const f = new EventFactory();
      const merge = f.event('person/P-1', 'person.merged', '2025-03-01', { into: 'P-404', reason: 'confirmed match' });
      const error = await rejection(importText(store, jsonl([f.person('P-1'), merge])));
      assert.deepEqual(error.problems.map((problem) => [problem.line, problem.field, problem.code]), [[2, 'data.into', 'REFERENCE_NOT_FOUND']]);
      assert.equal(await logPosition(store.db), 0);
    });

    it('accepts a reference to a person already in the registry', async () => {
      const f = new EventFactory();
      await importText(store, jsonl([f.person('P-1')]));
      const summary = await importText(store, jsonl([f.criminalOpened('SZ-1', 'P-1', '2020-01-01')]));
      assert.equal(summary.added, 1);
    });

    it('rejects a transition the state machine does not allow, naming the line of the event', async () => {
      const f = new EventFactory();
      const events = [
        f.person('P-1'),
        f.criminalOpened('SZ-1', 'P-1', '2020-03-01'),
        f.event('criminal/SZ-1', 'criminal.appeal-lodged', '2021-01-01', { by: 'defence' }),
      ];
      const error = await rejection(importText(store, jsonl(events)));
      assert.equal(error.problems[0]!.code, 'TRANSITION_NOT_ALLOWED');
      assert.equal(error.problems[0]!.line, 3);
      assert.equal(await logPosition(store.db), 0);
    });

    it('accepts a late event with an earlier date when the replayed stream stays valid', async () => {
      const f = new EventFactory();
      await importText(store, jsonl([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2020-03-01'),
        f.event('criminal/SZ-1', 'criminal.indicted', '2021-06-01', { court: 'Rechtbank Den Haag' })]));
      const summary = await importText(store, jsonl([f.event('criminal/SZ-1', 'criminal.suspect-arrested', '2020-05-01')]));
      assert.equal(summary.added, 1);
    });

    it('refuses a late event that makes the stored stream invalid, and keeps the store as it was', async () => {
      const f = new EventFactory();
      await importText(store, jsonl(basicCase(f)));
      const position = await logPosition(store.db);
      // A first-instance judgment dated before the indictment cannot be placed in the history.
      const late = f.event('criminal/SZ-1', 'criminal.judgment', '2020-06-01', { instance: 'first-instance', outcome: 'convicted' });
      const error = await rejection(importText(store, jsonl([late])));
      assert.equal(error.problems[0]!.code, 'TRANSITION_NOT_ALLOWED');
      assert.equal(await logPosition(store.db), position);
    });

    it('exports what it imported, and export → import into an empty store → export gives the same bytes', async () => {
      const f = new EventFactory();
      const events = [...basicCase(f), f.event('person/P-1', 'person.alias-added', '2016-02-02', { name: 'محمد الحسن' })];
      await importText(store, jsonl(events));
      let first = '';
      for await (const line of exportLines(store.db)) first += line;
      assert.equal(first.split('\n').filter(Boolean).length, 4);
      const other = await engine.open();
      try {
        await importEvents(other.db, [textSource('export.jsonl', first)], { now: clock('2027-01-01T00:00:00.000Z') });
        let second = '';
        for await (const line of exportLines(other.db)) second += line;
        assert.equal(second, first);
      } finally {
        await other.dispose();
      }
    });
  });
}
