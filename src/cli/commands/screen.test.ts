/**
 * The screening commands end to end, in process, on an embedded store in a temporary directory: what a user types
 * and exactly what comes out (the JSON lines of `imketen screen` are read by other programs).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { imketen } from '../testing/run-cli.js';
import { openStore } from '../../store/open-store.js';
import { loadRegistry } from '../../screening/testing/fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'matching');

describe('imketen watchlist, screen, hits and persons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imketen-cli-screen-'));
  const dataDir = ['--data-dir', join(dir, 'data')];
  before(async () => {
    const db = await openStore({ dataDir: join(dir, 'data') });
    try {
      await loadRegistry(db);
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the UN list and the OFAC list, and lists them with their versions and sizes', async () => {
    const un = await imketen('watchlist', 'import', join(FIXTURES, 'un-consolidated-excerpt.xml'), '--name', 'un-sc', ...dataDir);
    assert.equal(un.code, 0, un.stderr);
    assert.match(un.stdout, /^Watchlist un-sc version 1 \(UN consolidated list \(XML\), 5 entries\): 5 added, 0 removed, 0 changed, 0 unchanged\.\n$/);
    const ofac = await imketen('watchlist', 'import', join(FIXTURES, 'ofac-sdn-excerpt.csv'), join(FIXTURES, 'ofac-alt-excerpt.csv'), '--name', 'ofac-sdn', '--format', 'ofac-csv', ...dataDir);
    assert.equal(ofac.code, 0, ofac.stderr);
    const again = await imketen('watchlist', 'import', join(FIXTURES, 'un-consolidated-excerpt.xml'), '--name', 'un-sc', ...dataDir);
    assert.equal(again.stdout, 'Watchlist un-sc is unchanged: still version 1 (5 entries).\n');
    const listed = await imketen('watchlist', 'list', '--format', 'json', ...dataDir);
    const lists = JSON.parse(listed.stdout) as Array<{ name: string; versions: Array<{ version: number; entries: number }> }>;
    assert.deepEqual(lists.map((list) => [list.name, list.versions.map((version) => [version.version, version.entries])]), [['ofac-sdn', [[1, 4]]], ['un-sc', [[1, 5]]]]);
  });

  it('refuses a bad list file with the file, line and field, exit code 3, and stores nothing', async () => {
    const result = await imketen('watchlist', 'import', join(FIXTURES, 'watchlist-bad.jsonl'), '--name', 'bad', ...dataDir);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /watchlist-bad\.jsonl:3 field birthDates\[0\]/);
    assert.doesNotMatch((await imketen('watchlist', 'list', ...dataDir)).stdout, /^bad/m);
  });

  it('screens a query file: one JSON line per query, exactly {query, hits: [{id, score, explanation}]}, best first', async () => {
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, [
      JSON.stringify({ id: 'Q-1', name: 'Zuhair Shalish', birthDate: '1956', nationality: 'SYR' }),
      '',
      JSON.stringify({ id: 'Q-2', name: 'Nobody Known' }),
    ].join('\n'));
    const result = await imketen('screen', '--list', 'ofac-sdn', queries, '--format', 'json', ...dataDir);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { query: string; hits: Array<Record<string, unknown>> });
    assert.deepEqual(lines.map((line) => [line.query, line.hits.map((hit) => hit.id)]), [['Q-1', ['OFAC-8868']], ['Q-2', []]]);
    assert.deepEqual(Object.keys(lines[0]!), ['query', 'hits']);
    assert.deepEqual(Object.keys(lines[0]!.hits[0]!), ['id', 'score', 'explanation']);
    assert.ok((lines[0]!.hits[0]!.score as number) >= 0.9);

    const strict = await imketen('screen', '--list', 'ofac-sdn', queries, '--threshold', '1', '--format', 'json', ...dataDir);
    assert.equal(strict.stdout, '{"query":"Q-1","hits":[]}\n{"query":"Q-2","hits":[]}\n');
  });

  it('reports a bad query line on standard error, screens the others, and exits with code 2', async () => {
    const queries = join(dir, 'bad-queries.jsonl');
    writeFileSync(queries, `${JSON.stringify({ id: 'Q-1', name: 'Muhammad Tahir Anwari' })}\n{"id": "Q-2"}\n${JSON.stringify({ id: 'Q-3', name: 'X', nationality: 'Syria' })}\n`);
    const result = await imketen('screen', '--list', 'un-sc', queries, '--format', 'json', ...dataDir);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { query: string }).query), ['Q-1']);
    assert.match(result.stderr, /bad-queries\.jsonl:2 field name: missing field 'name'/);
    assert.match(result.stderr, /bad-queries\.jsonl:3 field nationality: must be an ISO 3166-1 alpha-3 country code/);
    assert.match(result.stderr, /2 of 3 query lines in .*bad-queries\.jsonl could not be screened \(see above\); the others were\./);
    const unknown = await imketen('screen', '--list', 'nope', queries, ...dataDir);
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /No watchlist named 'nope'\. The lists are: ofac-sdn, un-sc\./);
  });

  it('screens the registry, lists the hit for review, records a decision and shows it', async () => {
    const jsonl = join(dir, 'own.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'X-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] })}\n`);
    assert.equal((await imketen('watchlist', 'import', jsonl, '--name', 'own', ...dataDir)).code, 0);
    const screened = await imketen('screen', '--list', 'own', '--registry', '--kind', 'criminal', '--by', 'tester', ...dataDir);
    assert.equal(screened.code, 0, screened.stderr);
    assert.match(screened.stdout, /Screened the persons of criminal cases \(1\) against own version 1/);
    const id = /#(\d+)\s+open\s+\d\.\d\d\s+P-1 Mohammed al-Hassan {2}~ {2}own:X-1 Mohamad El Hassan/.exec(screened.stdout)?.[1];
    assert.ok(id, screened.stdout);
    assert.match((await imketen('hits', 'list', ...dataDir)).stdout, new RegExp(`#${id} `));
    const rejected = await imketen('hits', 'reject', id, '--reason', 'born in Aleppo in 1952, not 1976', '--by', 'j.jansen', ...dataDir);
    assert.equal(rejected.stdout, `Hit ${id} (P-1 ~ X-1) is now rejected.\n`);
    assert.equal((await imketen('hits', 'list', ...dataDir)).stdout.includes(`#${id} `), false);
    const shown = await imketen('hits', 'show', id, ...dataDir);
    assert.match(shown.stdout, /rejected +by j\.jansen: born in Aleppo in 1952, not 1976/);
    const noReason = await imketen('hits', 'confirm', id, '--by', 'x', ...dataDir);
    assert.equal(noReason.code, 2);
  });

  it('searches persons by name in any script', async () => {
    const result = await imketen('persons', 'search', 'محمد الحسن', '--format', 'json', ...dataDir);
    assert.equal(result.code, 0, result.stderr);
    const ids = (JSON.parse(result.stdout) as Array<{ person: { id: string } }>).map((match) => match.person.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ['P-1', 'P-2']);
  });
});
