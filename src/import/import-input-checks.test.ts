/**
 * Input that is not what it claims is refused whole, with its file, line and field, and nothing is stored
 * (README, "Input limits"): bytes that are not UTF-8, duplicate keys, legal dates after the day of import, NUL and
 * lone surrogates, over-long texts and lines, the year 0000, deep nesting.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ImketenError, type Problem } from '../domain/errors.js';
import { INPUT_LIMITS } from '../domain/input-limits.js';
import { exportLines } from '../export/export-events.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { importEvents } from './import-events.js';
import { fileSource, streamSource, textSource, type ImportSource } from './sources.js';

const NOW = () => new Date('2026-12-01T10:00:00.000Z');

/** A person.registered line with the name written as raw JSON text (so that escapes reach the parser as sent). */
function personLine(id: string, nameJson: string, extra = ''): string {
  return `{"id":"ev-${id}","stream":"person/${id}","type":"person.registered","date":"2020-01-01","data":{"names":[${nameJson}]${extra}}}`;
}

for (const engine of TEST_ENGINES) {
  describe(`import refuses input that is not what it claims, on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    let stored: string;
    const work = mkdtempSync(join(tmpdir(), 'imketen-input-'));

    before(async () => {
      store = await engine.open();
      const f = new EventFactory('base');
      await importEvents(store.db, [textSource('base.jsonl', jsonl([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2020-03-01')]))], { now: NOW });
      stored = await exported(store);
    });
    after(async () => {
      await store?.dispose();
      rmSync(work, { recursive: true, force: true });
    });

    /** Imports the source, expects a rejection, and checks that the store holds exactly what it held before. */
    async function refused(source: ImportSource): Promise<Problem[]> {
      let error: unknown;
      try {
        await importEvents(store.db, [source], { now: NOW });
      } catch (caught) {
        error = caught;
      }
      assert.ok(error instanceof ImketenError, `expected a rejection, got ${String(error)}`);
      assert.equal(error.code, 'IMPORT_REJECTED', error.message);
      assert.equal(await exported(store), stored, 'the store changed');
      return [...error.problems];
    }

    const good = personLine('P-2', '"Anna de Vries"');

    it('refuses a Latin-1 file, naming the line, instead of storing replacement characters', async () => {
      const latin1 = Buffer.concat([Buffer.from(`${good}\n`), Buffer.from(`${personLine('P-3', '"Müller"')}\n`, 'latin1')]);
      const path = join(work, 'latin1.jsonl');
      writeFileSync(path, latin1);
      const [problem, ...more] = await refused(fileSource(path));
      assert.deepEqual(more, []);
      assert.equal(problem!.file, path);
      assert.equal(problem!.line, 2);
      assert.match(problem!.message, /not UTF-8/);
    });

    it('refuses bytes that are not UTF-8 on standard input too, and reads a character split across chunks', async () => {
      const utf8 = Buffer.from(`${personLine('P-4', '"Müller"')}\n`);
      const split = utf8.indexOf(0xc3) + 1; // between the two bytes of ü
      const bad = Buffer.from([0xff, 0x0a]);
      const problems = await refused(streamSource('<stdin>', Readable.from([utf8.subarray(0, split), utf8.subarray(split), bad])));
      assert.deepEqual(problems.map((problem) => [problem.file, problem.line]), [['<stdin>', 2]]);
    });

    it('refuses a duplicate key at the top level, naming the key', async () => {
      const line = '{"id":"ev-a","stream":"person/P-5","type":"person.registered","date":"2020-01-01","data":{"names":["X"]},"id":"ev-b"}';
      const [problem] = await refused(textSource('dup.jsonl', `${good}\n${line}\n`));
      assert.deepEqual([problem!.line, problem!.field], [2, 'id']);
      assert.match(problem!.message, /the key 'id' appears twice/);
    });

    it('refuses a duplicate key nested in the data, naming its path', async () => {
      const line = '{"id":"ev-c","stream":"criminal/SZ-1","type":"criminal.judgment","date":"2021-01-01","data":{"instance":"first-instance","outcome":"convicted","sentence":{"prisonMonths":12,"prisonMonths":120}}}';
      const [problem] = await refused(textSource('dup.jsonl', `${line}\n`));
      assert.deepEqual([problem!.line, problem!.field], [1, 'data.sentence.prisonMonths']);
    });

    it('refuses a legal date after the day of import, in the envelope and in the data', async () => {
      const f = new EventFactory('future');
      const problems = await refused(textSource('future.jsonl', jsonl([
        f.event('person/P-6', 'person.registered', '2099-01-01', { names: ['Toekomstig'] }),
        f.event('person/P-7', 'person.registered', '2020-01-01', { names: ['Jong'], birthDate: '2099' }),
        f.event('criminal/SZ-7', 'criminal.opened', '2020-01-01', { suspect: 'P-1', offences: ['torture'], acts: [{ offence: 'torture', from: '2010', until: '2027-05' }] }),
      ])));
      assert.deepEqual(problems.map((problem) => [problem.line, problem.field]), [[1, 'date'], [2, 'data.birthDate'], [3, 'data.acts[0].until']]);
      assert.match(problems[0]!.message, /2099-01-01 lies after the day of import \(2026-12-01\)/);
    });

    it('accepts a planned date after the day of import: the day of a hearing', async () => {
      const f = new EventFactory('planned');
      const hearing = f.event('criminal/SZ-1', 'criminal.hearing-scheduled', '2026-12-01', { date: '2099-03-02', court: 'Rechtbank Den Haag' });
      const separate = await engine.open();
      try {
        await importEvents(separate.db, [textSource('base.jsonl', jsonl([
          f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2020-03-01'), f.event('criminal/SZ-1', 'criminal.indicted', '2026-11-02', { court: 'Rechtbank Den Haag' }), hearing,
        ]))], { now: NOW });
        let text = '';
        for await (const line of exportLines(separate.db, { stream: 'criminal/SZ-1' })) text += line;
        assert.match(text, /"date":"2099-03-02"/);
      } finally {
        await separate.dispose();
      }
    });

    it('refuses NUL in a name clearly, naming the field', async () => {
      const [problem] = await refused(textSource('nul.jsonl', `${personLine('P-8', '"Ali\\u0000"')}\n`));
      assert.deepEqual([problem!.line, problem!.field], [1, 'data.names[0]']);
      assert.match(problem!.message, /NUL character/);
    });

    it('refuses a lone surrogate anywhere, a key included', async () => {
      const problems = await refused(textSource('surrogate.jsonl', `${personLine('P-9', '"Ali\\ud800"')}\n${personLine('P-10', '"Ali"', ',"\\udc00":1')}\n`));
      assert.deepEqual(problems.map((problem) => [problem.line, problem.field]), [[1, 'data.names[0]'], [2, 'data.\udc00']]);
      assert.match(problems[0]!.message, /lone surrogate/);
    });

    it('refuses a name, a free text and a line over their limits', async () => {
      const f = new EventFactory('long');
      const problems = await refused(textSource('long.jsonl', jsonl([
        f.event('person/P-11', 'person.registered', '2020-01-01', { names: ['N'.repeat(INPUT_LIMITS.nameChars + 1)] }),
        f.event('criminal/SZ-1', 'criminal.indicted', '2021-01-01', { court: 'c'.repeat(INPUT_LIMITS.freeTextChars + 1) }),
        f.event('person/P-12', 'person.registered', '2020-01-01', { names: ['x'], gender: 'g'.repeat(INPUT_LIMITS.lineBytes) }),
        f.event('person/P-13', 'person.registered', '2020-01-01', { names: ['M'.repeat(INPUT_LIMITS.nameChars)] }),
      ])));
      assert.deepEqual(problems.map((problem) => [problem.line, problem.field]), [[1, 'data.names[0]'], [2, 'data.court'], [3, undefined]]);
      assert.match(problems[0]!.message, /501 characters long; the limit is 500/);
      assert.match(problems[2]!.message, /longer than 1,048,576 bytes/);
    });

    it('refuses a 5 MB name without holding the line', async () => {
      const [problem] = await refused(textSource('huge.jsonl', `${personLine('P-14', `"${'x'.repeat(5_000_000)}"`)}\n`));
      assert.equal(problem!.line, 1);
      assert.match(problem!.message, /longer than/);
    });

    it('refuses the year 0000 in a legal date and in recordedAt', async () => {
      const f = new EventFactory('zero');
      const problems = await refused(textSource('zero.jsonl', jsonl([
        f.event('person/P-15', 'person.registered', '0000-01-01', { names: ['Nul'] }),
        f.event('person/P-16', 'person.registered', '2020-01-01', { names: ['Nul'] }, { recordedAt: '0000-06-01T00:00:00Z' }),
      ])));
      assert.deepEqual(problems.map((problem) => [problem.line, problem.field]), [[1, 'date'], [2, 'recordedAt']]);
    });

    it('refuses deep nesting before parsing it', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const [problem] = await refused(textSource('deep.jsonl', `${personLine('P-17', '"Diep"', `,"gender":${deep}`)}\n`));
      assert.equal(problem!.line, 1);
      assert.match(problem!.message, /nest deeper than 32 levels/);
    });
  });
}

async function exported(store: TestStore): Promise<string> {
  let text = '';
  for await (const line of exportLines(store.db)) text += line;
  return text;
}
