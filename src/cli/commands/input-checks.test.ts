/**
 * The command line refuses input that is not what it claims clearly (file, line, field; never "unexpected error"),
 * for `imketen import` and for the query files of `imketen screen` (README, "Input limits").
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { INPUT_LIMITS } from '../../domain/input-limits.js';
import { imketen } from '../testing/run-cli.js';

describe('the command line refuses input that is not what it claims', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imketen-cli-input-'));
  const dataDir = ['--data-dir', join(dir, 'data')];
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const person = (id: string, name: string) => `{"id":"ev-${id}","stream":"person/${id}","type":"person.registered","date":"2020-01-01","data":{"names":["${name}"]}}\n`;

  before(async () => {
    const imported = await imketen('import', file('base.jsonl', person('P-1', 'Anna de Vries')), ...dataDir);
    assert.equal(imported.code, 0, imported.stderr);
    const list = await imketen('watchlist', 'import', file('list.jsonl', '{"id":"X-1","names":["Mohammed al-Hassan"]}\n'), '--name', 'own', ...dataDir);
    assert.equal(list.code, 0, list.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('import: NUL in a name is a clear refusal with file, line and field, not an unexpected error, and nothing is stored', async () => {
    const path = file('nul.jsonl', `${person('P-2', 'Bert')}${person('P-3', 'Ali\\u0000')}`);
    const result = await imketen('import', path, ...dataDir);
    assert.equal(result.code, 3);
    assert.match(result.stderr, new RegExp(`${path.replaceAll('/', '\\/')}:2 field data.names\\[0\\]: the text contains a NUL character`));
    assert.doesNotMatch(result.stderr, /unexpected error/);
    const exported = await imketen('export', ...dataDir);
    assert.equal(exported.stdout.trim().split('\n').length, 1, 'only the base event is stored');
  });

  it('import: a Latin-1 file, a duplicate key and a date in 2099 are refused, each with its line', async () => {
    const latin1 = Buffer.from(person('P-4', 'Müller'), 'latin1');
    const duplicate = '{"id":"ev-P-5","stream":"person/P-5","type":"person.registered","date":"2020-01-01","data":{"names":["X"]},"id":"ev-b"}\n';
    const future = person('P-6', 'Toekomst').replace('2020-01-01', '2099-01-01');
    const result = await imketen('import', file('bad.jsonl', Buffer.concat([latin1, Buffer.from(duplicate + future)])), ...dataDir);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /bad\.jsonl:1: not UTF-8/);
    assert.match(result.stderr, /bad\.jsonl:2 field id: the key 'id' appears twice/);
    assert.match(result.stderr, /bad\.jsonl:3 field date: 2099-01-01 lies after the day of import/);
  });

  it('screen: bad query lines are reported with their line and field, the good ones screened', async () => {
    const queries = Buffer.concat([
      Buffer.from('{"id":"Q-1","name":"Muhammad Alhasan"}\n'),
      Buffer.from('{"id":"Q-2","name":"Müller"}\n', 'latin1'),
      Buffer.from('{"id":"Q-3","name":"A","name":"B"}\n{"id":"Q-4","name":"Ali\\u0000"}\n'),
      Buffer.from(`{"id":"Q-5","name":"${'N'.repeat(INPUT_LIMITS.nameChars + 1)}"}\n`),
    ]);
    const result = await imketen('screen', '--list', 'own', file('queries.jsonl', queries), '--format', 'json', ...dataDir);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { query: string }).query), ['Q-1']);
    assert.match(result.stderr, /queries\.jsonl:2: not UTF-8/);
    assert.match(result.stderr, /queries\.jsonl:3 field name: the key 'name' appears twice/);
    assert.match(result.stderr, /queries\.jsonl:4 field name: the text contains a NUL character/);
    assert.match(result.stderr, /queries\.jsonl:5 field name: the name is 501 characters long; the limit is 500/);
  });
});
