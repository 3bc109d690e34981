/**
 * Backup and restore on both engines (README, "Backup and restore"): a restored store verifies, equals the original
 * table by table and exports the same bytes; a damaged backup, a changed one, and one whose checksums were
 * recomputed after a change are refused with a clear error and leave the store as it was.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import { createAccount } from '../accounts/accounts.js';
import { loadSigningKey } from '../audit/checkpoints.js';
import { createCheckpoints } from '../audit/verify-store.js';
import { loadAnalysisKey } from '../config/analysis-key.js';
import { ImketenError } from '../domain/errors.js';
import { exportLines } from '../export/export-events.js';
import { loadPolicy } from '../policy/policy.js';
import { pseudonym } from '../reports/analysis-facts.js';
import { importWatchlist } from '../screening/import-watchlist.js';
import { screenRegistry } from '../screening/screen-registry.js';
import { refreshAnalysis } from '../operations/record-analysis.js';
import { clock, listJsonl, loadRegistry, textFile } from '../screening/testing/fixtures.js';
import { readAnalysisRows } from '../store/analysis-store.js';
import type { Db } from '../store/db.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { restoreBackupFile, writeBackupFile } from './backup-file.js';
import { ident, listTables } from './tables.js';

const dir = mkdtempSync(join(tmpdir(), 'imketen-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const key = loadSigningKey(join(dir, 'checkpoint.pem'));
const now = clock();

const entry = (resource: string): AccessEntry => ({
  at: '2026-03-02T10:00:00.000Z', principalKind: 'user', accountId: null, tokenId: null, username: 'om.demo', organisation: 'OM', role: 'prosecutor',
  action: 'stream.read', resource, persons: ['P-1'], purpose: 'test', legalBasis: 'Wjsg', outcome: 'allowed', reason: null, requestId: 'req-1',
});

/** Every table's rows in key order, as text: two stores are equal when these are. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${ident(table.name)} t ORDER BY ${table.key.map((column) => `t.${ident(column)}`).join(', ')}`);
    all[table.name] = rows.map((row) => row.row);
  }
  return all;
}

async function exported(db: Db): Promise<string> {
  let text = '';
  for await (const line of exportLines(db)) text += line;
  return text;
}

/** Rewrites the lines of a backup; with `rehash`, recomputes its checksums as a forger would. */
function rewrite(from: string, to: string, edit: (lines: string[]) => string[], rehash: boolean): void {
  let lines = edit(gunzipSync(readFileSync(from)).toString('utf8').trimEnd().split('\n'));
  if (rehash) {
    const rows = new Map<string, ReturnType<typeof createHash>>();
    let current = '';
    const whole = createHash('sha256');
    lines = lines.map((line, index) => {
      const item = JSON.parse(line) as { table?: string; end?: string; row?: unknown; sha256?: string };
      if (index === lines.length - 1) return JSON.stringify({ ...item, sha256: whole.digest('hex') });
      let out = line;
      if (item.table) { current = item.table; rows.set(current, createHash('sha256')); }
      else if (item.row !== undefined) rows.get(current)!.update(`${line}\n`);
      else if (item.end) out = JSON.stringify({ ...item, sha256: rows.get(item.end)!.digest('hex') });
      whole.update(`${out}\n`);
      return out;
    });
  }
  writeFileSync(to, gzipSync(`${lines.join('\n')}\n`));
}

async function refused(store: TestStore, file: string, pattern: RegExp, code = 'INVALID_INPUT'): Promise<void> {
  await assert.rejects(restoreBackupFile(store.db, file, {}), (error: unknown) => {
    assert.ok(error instanceof ImketenError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
  const [events] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  assert.equal(events!.n, 0, 'nothing was restored');
}

for (const engine of TEST_ENGINES) {
  describe(`backup and restore (${engine.name})`, { skip: engine.skip }, () => {
    let original: TestStore;
    let target: TestStore;
    const file = join(dir, `${engine.name}.backup.gz`);

    before(async () => {
      original = await engine.open();
      await loadRegistry(original.db);
      await importWatchlist(original.db, [textFile('un.jsonl', listJsonl([{ id: 'UN-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] }]))], { name: 'un', now });
      await screenRegistry(original.db, { list: 'un', by: 'tester', now });
      await createAccount(original.db, loadPolicy(), { username: 'beheer', displayName: 'Beheer', role: 'admin', password: 'correct horse battery staple' }, now());
      await appendAccess(original.db, [entry('person/P-1'), entry('person/P-2')]);
      await createCheckpoints(original.db, [...(await import('./store-logs.js')).STORE_LOGS], key, now);
      target = await engine.open();
    });
    after(async () => {
      await original?.dispose();
      await target?.dispose();
    });

    it('restores a backup that verifies and equals the original, table by table and as an export', async () => {
      const written = await writeBackupFile(original.db, file, now);
      assert.ok(written.tables.find((table) => table.name === 'events')!.rows > 0);
      assert.ok(written.tables.find((table) => table.name === 'checkpoints')!.rows === 2);
      const restored = await restoreBackupFile(target.db, file, {});
      assert.equal(restored.rows, written.rows);
      assert.equal(restored.sha256, written.sha256);
      assert.equal(restored.verification.ok, true);
      assert.equal(restored.verification.checkpoints.length, 2);
      assert.ok(restored.verification.checkpoints.every((check) => check.ok));
      assert.deepEqual(await contents(target.db), await contents(original.db));
      assert.equal(await exported(target.db), await exported(original.db));
      // Identities go on after the restored rows: a new access-log entry chains on.
      await appendAccess(target.db, entry('person/P-3'));
      const [last] = await target.db.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM access_log');
      assert.equal(last!.seq, 3);
    });

    it('refuses a store that holds anything, unless told to replace it', async () => {
      await assert.rejects(restoreBackupFile(target.db, file, {}), /The store is not empty \(.*events.*\): restore into an empty store, or give --replace/);
      const again = await restoreBackupFile(target.db, file, { replace: true });
      assert.equal(again.verification.ok, true);
      const [entries] = await target.db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log');
      assert.equal(entries!.n, 2, 'what the store held before is gone');
    });

    it('refuses a damaged, a changed and a forged backup, and restores nothing', async () => {
      const empty = await engine.open();
      try {
        const bytes = readFileSync(file);
        const damaged = join(dir, `${engine.name}-damaged.gz`);
        const flipped = Buffer.from(bytes);
        const middle = Math.floor(flipped.length / 2);
        flipped.writeUInt8(flipped.readUInt8(middle) ^ 0xff, middle);
        writeFileSync(damaged, flipped);
        await refused(empty, damaged, /^The backup .*damaged.*Nothing was restored\.$/);

        writeFileSync(damaged, bytes.subarray(0, bytes.length - 40));
        await refused(empty, damaged, /damaged|cut short/);

        const changed = join(dir, `${engine.name}-changed.gz`);
        const editEvent = (lines: string[]) => lines.map((line) => (line.includes('"type": "person.registered"') && line.includes('"rg-0001"') ? line.replace(/"names": \[[^\]]*\]/, '"names": ["Someone Else"]') : line));
        rewrite(file, changed, editEvent, false);
        assert.notDeepEqual(gunzipSync(readFileSync(changed)), gunzipSync(bytes), 'the test changed an event');
        await refused(empty, changed, /^The backup .* is damaged at line \d+: the rows of events do not match their checksum\. Nothing was restored\.$/);

        const forged = join(dir, `${engine.name}-forged.gz`);
        rewrite(file, forged, editEvent, true);
        await refused(empty, forged, /^The backup .* does not verify, so nothing was restored: events: broken at seq 1: .*rg-0001/, 'TAMPER_DETECTED');

        writeFileSync(damaged, gzipSync('{"hello":"world"}\n'));
        await refused(empty, damaged, /is not an imketen backup/);
      } finally {
        await empty.dispose();
      }
    });
  });
}

/**
 * The analysis key travels with the backup (docs/retention.md, "The analysis key"): restored into a new data
 * directory, the store's pseudonyms are those the key there gives; an existing different key is moved aside.
 */
for (const engine of TEST_ENGINES) {
  describe(`backup and the analysis key (${engine.name})`, { skip: engine.skip }, () => {
    let original: TestStore;
    let target: TestStore;
    const analysisKey = randomBytes(32);
    const file = join(dir, `${engine.name}-analysis.backup.gz`);
    before(async () => {
      original = await engine.open();
      await loadRegistry(original.db);
      await original.db.transaction((tx) => refreshAnalysis(tx, analysisKey, now()));
      target = await engine.open();
    });
    after(async () => {
      await original?.dispose();
      await target?.dispose();
    });

    it('restores the key into a new data directory, which gives the restored store\'s pseudonyms', async () => {
      const rows = await readAnalysisRows(original.db);
      assert.ok(rows.length > 0, 'the fixture has cases');
      await writeBackupFile(original.db, file, now, analysisKey);
      const keyFile = join(dir, `${engine.name}-new-data`, 'keys', 'analysis-hmac.key');
      const restored = await restoreBackupFile(target.db, file, { analysisKeyFile: keyFile });
      assert.equal(restored.analysisKeyInstalled?.status, 'written');
      assert.equal((statSync(keyFile).mode & 0o777).toString(8), '600');
      const key = loadAnalysisKey(keyFile);
      assert.ok(key.equals(analysisKey));
      const again = await readAnalysisRows(target.db);
      assert.deepEqual(again, rows);
      const cases = await target.db.query<{ stream: string }>("SELECT DISTINCT stream FROM events WHERE kind = 'criminal' ORDER BY stream");
      assert.ok(cases.length > 0);
      for (const { stream } of cases) assert.ok(again.some((row) => row.casePseudonym === pseudonym(key, stream)), `${stream}'s pseudonym`);
      // a store refreshed after the restore goes on with the same pseudonyms
      assert.equal(await target.db.transaction((tx) => refreshAnalysis(tx, key, now())), 0);

      // restored again over a data directory with another key: that key is kept aside, the backup's installed
      writeFileSync(keyFile, randomBytes(32).toString('hex'));
      const replaced = await restoreBackupFile(target.db, file, { replace: true, analysisKeyFile: keyFile });
      assert.equal(replaced.analysisKeyInstalled?.status, 'replaced');
      assert.ok(loadAnalysisKey(keyFile).equals(analysisKey));
      assert.ok(existsSync((replaced.analysisKeyInstalled as { movedTo: string }).movedTo));
    });

    it('refuses a backup whose key line was changed', async () => {
      const empty = await engine.open();
      try {
        const changed = join(dir, `${engine.name}-analysis-changed.gz`);
        rewrite(file, changed, (lines) => lines.map((line) => (line.startsWith('{"secret":') ? JSON.stringify({ secret: 'analysis-hmac-key', hex: randomBytes(32).toString('hex') }) : line)), false);
        await refused(empty, changed, /content does not match the checksum/);
      } finally {
        await empty.dispose();
      }
    });
  });
}
