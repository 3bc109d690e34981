/**
 * `imketen retention due` end to end, in process, on an embedded store in a temporary directory: the formats and
 * the error on a bad date. The terms come from config/rules.json; the cases lie decades back so that a jurist's
 * correction of a term does not change what is due.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import { imketen } from '../testing/run-cli.js';

describe('imketen retention due', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imketen-cli-retention-'));
  const dataDir = ['--data-dir', join(dir, 'data')];
  before(async () => {
    const f = new EventFactory('rt');
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, jsonl([
      f.event('person/P-R1', 'person.registered', '1980-01-01', { names: ['Fictief Persoon'] }),
      f.event('criminal/SZ-R1', 'criminal.opened', '1985-01-01', { suspect: 'P-R1', offences: ['torture'] }),
      f.event('criminal/SZ-R1', 'criminal.closed', '1986-01-01', { reason: 'dismissed' }),
    ]));
    const loaded = await imketen('import', file, ...dataDir);
    assert.equal(loaded.code, 0, loaded.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the closed case as due for the police and the prosecutor, as JSON', async () => {
    const { code, stdout } = await imketen('retention', 'due', '--on', '2025-01-01', '--format', 'json', ...dataDir);
    assert.equal(code, 0);
    const entries = JSON.parse(stdout) as { partner: string; stream: string; status: string; persons: string[] }[];
    assert.deepEqual(entries.filter((entry) => entry.stream === 'criminal/SZ-R1').map((entry) => [entry.partner, entry.status, entry.persons]).sort(), [
      ['om', 'due', ['P-R1']], ['tim', 'due', ['P-R1']],
    ]);
    assert.ok(entries.some((entry) => entry.partner === 'chain' && entry.stream === 'person/P-R1'));
  });

  it('keeps to one partner, as CSV with a byte order mark', async () => {
    const { code, stdout } = await imketen('retention', 'due', '--partner', 'tim', '--on', '2025-01-01', '--format', 'csv', '--lang', 'en', ...dataDir);
    assert.equal(code, 0);
    const lines = stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(stdout[0], '\uFEFF');
    assert.match(lines[0]!, /^partner;rule;stream;persons;status/);
    assert.deepEqual(lines.slice(1).map((line) => line.split(';').slice(0, 3).join(';')), ['tim;tim-criminal-investigation;criminal/SZ-R1']);
  });

  it('names --on when the date is not one', async () => {
    const { code, stderr } = await imketen('retention', 'due', '--on', '2025-02-30', ...dataDir);
    assert.equal(code, 2);
    assert.match(stderr, /--on must be a calendar date YYYY-MM-DD, got '2025-02-30'/);
  });
});
