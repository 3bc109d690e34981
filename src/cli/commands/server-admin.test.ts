/**
 * The server's administration commands, run as a user runs them: account create (password on stdin),
 * authorisation register/list (R3), access-log per person and per user.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { appendAccess } from '../../access-log/access-log.js';
import { loadFixture } from '../../server/testing/fixture.js';
import { openStore } from '../../store/open-store.js';
import { operatorName } from './accounts.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'imketen.js');
const work = mkdtempSync(join(tmpdir(), 'imketen-admin-cli-'));
const dataDir = join(work, 'store');

function imketen(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], { input, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('server administration commands', () => {
  before(async () => {
    const db = await openStore({ dataDir });
    try {
      await loadFixture(db);
      await db.transaction((tx) => appendAccess(tx, {
        at: '2026-06-15T10:00:00.000Z', principalKind: 'user', accountId: 1, tokenId: null, username: 'om.demo', organisation: 'OM', role: 'prosecutor',
        action: 'stream.read', resource: 'exclusion/IF-S', persons: ['P-S'], purpose: 'prosecution', legalBasis: null, outcome: 'denied', reason: 'no authorisation', requestId: 'r1',
      }));
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('account create reads the password from standard input and refuses a short one', () => {
    const created = imketen(['account', 'create', '--username', 'beheer.jansen', '--role', 'admin', '--name', 'J. Jansen'], 'a long enough password\n');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created account beheer.jansen \(admin, BEHEER\)/);
    const short = imketen(['account', 'create', '--username', 'x.y', '--role', 'admin'], 'short\n');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /at least 12 characters/);
    assert.match(imketen(['account', 'list']).stdout, /beheer.jansen/);
    const logged = JSON.parse(imketen(['access-log', '--user', operatorName(), '--format', 'json']).stdout) as { action: string; resource: string; principalKind: string }[];
    assert.deepEqual(logged.map((row) => `${row.principalKind} ${row.action} ${row.resource}`), ['operator account.create account/beheer.jansen']);
  });

  test('authorisation register records the judge\'s authorisation as an event, checked like every event, and list shows it', () => {
    const register = (...extra: string[]) => imketen(['authorisation', 'register', '--decision', 'RC 26/0077', '--court', 'Rechtbank Den Haag', '--person', 'P-S',
      '--exclusion-case', 'IF-S', '--decided-on', '2026-06-01', '--from', '2026-06-01', ...extra]);
    const notSuspect = register('--criminal-case', 'SZ-R', '--until', '2026-06-30');
    assert.equal(notSuspect.code, 3);
    assert.match(notSuspect.stderr, /must name its suspect P-R, not P-S/);
    const tooLong = register('--criminal-case', 'SZ-1', '--until', '2999-12-31');
    assert.equal(tooLong.code, 3);
    assert.match(tooLong.stderr, /until 2026-12-01 at the latest/);
    const ok = register('--criminal-case', 'SZ-1', '--until', '2026-06-30');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Registered authorisation ja-.*RC 26\/0077 \(Rechtbank Den Haag\) in SZ-1 for P-S \(IF-S\)/);
    const list = JSON.parse(imketen(['authorisation', 'list', '--person', 'P-S', '--format', 'json']).stdout) as { decisionReference: string; criminalCase: string }[];
    assert.deepEqual(list.map((row) => [row.decisionReference, row.criminalCase]), [['RC 26/0077', 'SZ-1']]);
  });

  test('verify --checkpoint accepts the file checkpoint -o wrote', () => {
    const file = join(work, 'kept-checkpoint.json');
    const written = imketen(['checkpoint', '-o', file]);
    assert.equal(written.code, 0, written.stderr);
    const verified = imketen(['verify', '--checkpoint', file]);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /ok: checkpoint 1 of events at size \d+/);
    assert.match(verified.stdout, /ok: checkpoint 2 of access-log at size \d+/);
  });

  test('access-log lists the accesses to a person and by a user', () => {
    const byPerson = imketen(['access-log', '--person', 'P-S']);
    assert.equal(byPerson.code, 0, byPerson.stderr);
    assert.match(byPerson.stdout, /DENIED\s+om.demo \(prosecutor, OM\)\s+stream.read exclusion\/IF-S/);
    assert.match(byPerson.stdout, /refused: no authorisation/);
    assert.equal((JSON.parse(imketen(['access-log', '--user', 'om.demo', '--format', 'json']).stdout) as unknown[]).length, 1);
    assert.equal(imketen(['access-log']).code, 2);
  });
});
