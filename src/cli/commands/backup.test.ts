/**
 * `imketen backup` and `imketen restore` as a user types them, on embedded stores in a temporary directory:
 * back up, restore into a new store, verify it; a restore into a store that holds data, and of a file that is no
 * backup, say so and exit non-zero.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadRegistry } from '../../screening/testing/fixtures.js';
import { openStore } from '../../store/open-store.js';
import { imketen } from '../testing/run-cli.js';

describe('imketen backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imketen-cli-backup-'));
  const file = join(dir, 'registry.backup.gz');
  before(async () => {
    const db = await openStore({ dataDir: join(dir, 'original') });
    try {
      await loadRegistry(db);
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up, restores into a new store that then verifies, and refuses to restore over it', async () => {
    const backup = await imketen('--data-dir', join(dir, 'original'), 'backup', '-o', file);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /^.*registry\.backup\.gz: \d+ rows of \d+ tables \(.*events 9.*\); sha256 [0-9a-f]{64}\n$/);
    const restore = await imketen('--data-dir', join(dir, 'restored'), 'restore', file);
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /^restored \d+ rows of \d+ tables from the backup of .*\nevents: 9 entries, chain intact\naccess-log: 0 entries, chain intact\ncheckpoints: 0 consistent\n$/);
    const verify = await imketen('--data-dir', join(dir, 'restored'), 'verify');
    assert.equal(verify.code, 0, verify.stderr);
    const again = await imketen('--data-dir', join(dir, 'restored'), 'restore', file);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /The store is not empty .* give --replace/);
    assert.doesNotMatch(again.stderr, /\n\s+at /, 'no stack trace');
  });

  it('carries the analysis key: the store restored into a new data directory exports the same pseudonyms', async () => {
    const source = join(dir, 'analysed');
    const db = await openStore({ dataDir: source });
    try {
      await loadRegistry(db);
    } finally {
      await db.close();
    }
    const refresh = await imketen('--data-dir', source, 'analysis', 'refresh');
    assert.equal(refresh.code, 0, refresh.stderr);
    const exported = await imketen('--data-dir', source, 'analysis', 'export');
    assert.match(exported.stdout, /"case":"[0-9a-f]{32}"/);
    const withKey = join(dir, 'analysed.backup.gz');
    assert.equal((await imketen('--data-dir', source, 'backup', '-o', withKey)).code, 0);
    const target = join(dir, 'analysed-restored');
    const restore = await imketen('--data-dir', target, 'restore', withKey);
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /analysis key: written to .*analysis-hmac\.key\n$/);
    assert.equal(readFileSync(join(target, 'keys', 'analysis-hmac.key'), 'utf8'), readFileSync(join(source, 'keys', 'analysis-hmac.key'), 'utf8'));
    // the restored facts, and any refresh in the new data directory (same key), give the same pseudonyms
    const again = await imketen('--data-dir', target, 'analysis', 'export');
    assert.equal(again.stdout, exported.stdout);
  });

  it('says a file is not a backup', async () => {
    const wrong = join(dir, 'wrong.gz');
    writeFileSync(wrong, 'plain text, not gzip\n');
    const result = await imketen('--data-dir', join(dir, 'other'), 'restore', wrong);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /The backup .*wrong\.gz is damaged or no backup at all/);
  });
});
