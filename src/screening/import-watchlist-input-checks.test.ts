/**
 * A watchlist file that is not what it claims is refused whole — file, line and field — and nothing is stored, in
 * every format (README, "Input limits"): bytes that are not UTF-8, duplicate keys, NUL and lone surrogates,
 * over-long names and lines, deep nesting, birth dates after the day of import.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImketenError, type Problem } from '../domain/errors.js';
import { INPUT_LIMITS } from '../domain/input-limits.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { importWatchlist, type WatchlistFile } from './import-watchlist.js';
import { listWatchlists } from './list-watchlists.js';
import { clock, fixtureText, textFile } from './testing/fixtures.js';

const good = '{"id":"A","names":["Mohammed al-Hassan"]}';

describe('watchlist imports refuse input that is not what it claims', () => {
  let store: TestStore;
  before(async () => { store = await TEST_ENGINES[0]!.open(); });
  after(async () => { await store?.dispose(); });

  /** Imports the files as list `checked`, expects a rejection, and checks that no list or version was stored. */
  async function refused(files: WatchlistFile[], format?: 'un-xml' | 'ofac-csv' | 'jsonl'): Promise<Problem[]> {
    const before = JSON.stringify(await listWatchlists(store.db));
    let error: unknown;
    try {
      await importWatchlist(store.db, files, { name: 'checked', ...(format ? { format } : {}), now: clock() });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ImketenError, `expected a rejection, got ${String(error)}`);
    assert.equal(error.code, 'IMPORT_REJECTED', error.message);
    assert.equal(JSON.stringify(await listWatchlists(store.db)), before, 'something was stored');
    return [...error.problems];
  }

  const where = (problems: Problem[]) => problems.map((problem) => [problem.file, problem.line, problem.field]);

  it('refuses a Latin-1 JSON Lines list, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${good}\n`), Buffer.from('{"id":"B","names":["Müller"]}\n', 'latin1')]);
    const problems = await refused([{ name: 'list.jsonl', bytes }]);
    assert.deepEqual(where(problems), [['list.jsonl', 2, undefined]]);
    assert.match(problems[0]!.message, /not UTF-8/);
  });

  it('refuses a Latin-1 UN list, naming the line', async () => {
    const xml = fixtureText('matching/un-consolidated-excerpt.xml').replace('MUHAMMAD', 'MÜHAMMAD');
    const problems = await refused([textFile('un.xml', xml, 'latin1')]);
    assert.deepEqual(where(problems), [['un.xml', 7, undefined]]); // the line of the byte, not of the record
  });

  it('refuses duplicate keys, at the top level and nested', async () => {
    const problems = await refused([textFile('dup.jsonl', `${good}\n{"id":"B","names":["X"],"id":"C"}\n{"id":"D","names":["Y"],"kind":"person","extra":{"a":1,"a":2}}\n`)]);
    assert.deepEqual(where(problems), [['dup.jsonl', 2, 'id'], ['dup.jsonl', 3, 'extra.a']]);
  });

  it('refuses NUL and lone surrogates in names, in JSON Lines, the UN list and the OFAC list', async () => {
    const jsonl = await refused([textFile('bad.jsonl', `{"id":"B","names":["Ali\\u0000"]}\n{"id":"C","names":["Ali\\ud800"]}\n`)]);
    assert.deepEqual(where(jsonl), [['bad.jsonl', 1, 'names[0]'], ['bad.jsonl', 2, 'names[0]']]);
    assert.match(jsonl[0]!.message, /NUL/);
    assert.match(jsonl[1]!.message, /lone surrogate/);
    const un = await refused([textFile('un.xml', fixtureText('matching/un-consolidated-excerpt.xml').replace('MUHAMMAD', 'MUHAM\u0000MAD'))]);
    assert.deepEqual(where(un), [['un.xml', 4, 'FIRST_NAME']]);
    const sdn = fixtureText('matching/ofac-sdn-excerpt.csv', 'latin1').replace('SHALISH, Zuhayr', 'SHALISH,\u0000Zuhayr');
    const ofac = await refused([textFile('sdn.csv', sdn, 'latin1')], 'ofac-csv');
    assert.equal(ofac[0]!.field, 'SDN_Name');
    assert.match(ofac[0]!.message, /NUL/);
  });

  it('refuses a name and a line over their limits', async () => {
    const long = 'N'.repeat(INPUT_LIMITS.nameChars + 1);
    const problems = await refused([textFile('long.jsonl', `{"id":"B","names":["${long}"]}\n{"id":"C","names":["x"],"note":"${'x'.repeat(INPUT_LIMITS.lineBytes)}"}\n`)]);
    assert.deepEqual(where(problems), [['long.jsonl', 1, 'names[0]'], ['long.jsonl', 2, undefined]]);
    const un = await refused([textFile('un.xml', fixtureText('matching/un-consolidated-excerpt.xml').replace('MUHAMMAD', long))]);
    assert.deepEqual(where(un), [['un.xml', 4, 'FIRST_NAME']]);
  });

  it('refuses deep nesting before parsing it', async () => {
    const problems = await refused([textFile('deep.jsonl', `{"id":"B","names":["x"],"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`)]);
    assert.match(problems[0]!.message, /nest deeper than 32 levels/);
    const xml = `<CONSOLIDATED_LIST>${'<A>'.repeat(100_000)}${'</A>'.repeat(100_000)}</CONSOLIDATED_LIST>`;
    assert.match((await refused([textFile('deep.xml', xml)]))[0]!.message, /cannot be read/);
  });

  it('refuses a birth date after the day of import, in JSON Lines and in the UN list', async () => {
    const problems = await refused([textFile('future.jsonl', `${good}\n{"id":"B","names":["Jong"],"birthDates":["1970","2099-01"]}\n`)]);
    assert.deepEqual(where(problems), [['future.jsonl', 2, 'birthDates[1]']]);
    const un = await refused([textFile('un.xml', fixtureText('matching/un-consolidated-excerpt.xml').replace('<YEAR>1961</YEAR>', '<YEAR>2099</YEAR>'))]);
    assert.deepEqual(where(un), [['un.xml', 4, 'INDIVIDUAL_DATE_OF_BIRTH']]);
  });

  it('still imports a list without such problems', async () => {
    const summary = await importWatchlist(store.db, [textFile('fine.jsonl', `${good}\n{"id":"B","names":["${'M'.repeat(INPUT_LIMITS.nameChars)}"],"birthDates":["2026-03-02"]}\n`)], { name: 'fine', now: clock() });
    assert.equal(summary.added, 2);
  });
});
