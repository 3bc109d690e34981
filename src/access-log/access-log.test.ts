import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chainHash, GENESIS_HASH } from '../audit/hash-chain.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { accessEntryContent, appendAccess, queryAccessLog, readAccessLog, type AccessEntry } from './access-log.js';
import { accessLogWriter } from './access-log-writer.js';

function entry(n: number, persons: string[] = [`P-${n % 3}`]): AccessEntry {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), principalKind: 'user', accountId: n, tokenId: null,
    username: n % 2 ? 'om.demo' : 'tim.demo', organisation: n % 2 ? 'OM' : 'TIM', role: n % 2 ? 'prosecutor' : 'police',
    action: 'stream.read', resource: `criminal/SZ-${n}`, persons, purpose: 'test', legalBasis: n % 5 ? 'Wjsg' : null,
    outcome: n % 5 ? 'allowed' : 'denied', reason: n % 5 ? null : 'refused', requestId: `req-${n}`,
  };
}

for (const engine of TEST_ENGINES) {
  describe(`the access log on ${engine.name}`, { skip: engine.skip }, () => {
    test('is a hash chain that can be recomputed from readAccessLog and accessEntryContent', async () => {
      const store = await engine.open();
      try {
        await store.db.transaction((tx) => appendAccess(tx, [entry(1), entry(2), entry(3, [])]));
        await store.db.transaction((tx) => appendAccess(tx, entry(4, ['P-with space', "P-'quote"])));
        const rows = await readAccessLog(store.db);
        assert.equal(rows.length, 4);
        let prev = GENESIS_HASH;
        for (const row of rows) {
          assert.equal(row.prevHash, prev);
          assert.equal(row.hash, chainHash(prev, accessEntryContent(row)));
          prev = row.hash;
        }
        assert.deepEqual(rows[3]!.persons, ['P-with space', "P-'quote"]);
        assert.deepEqual(rows[2]!.persons, []);
      } finally {
        await store.dispose();
      }
    });

    test('refuses UPDATE, DELETE and TRUNCATE', async () => {
      const store = await engine.open();
      try {
        await store.db.transaction((tx) => appendAccess(tx, entry(1)));
        await assert.rejects(store.db.query("UPDATE access_log SET purpose = 'other'"), /append-only/);
        await assert.rejects(store.db.query('DELETE FROM access_log'), /append-only/);
        await assert.rejects(store.db.exec('TRUNCATE access_log'), /append-only/);
      } finally {
        await store.dispose();
      }
    });

    test('stays one chain when many requests log at once (group commit), and answers the auditor per person and per user', async () => {
      const store = await engine.open();
      try {
        const writer = accessLogWriter(store.db, { maxBatch: 7 });
        await Promise.all(Array.from({ length: 60 }, (_, n) => writer.log(entry(n + 1))));
        const rows = await readAccessLog(store.db, { limit: 1000 });
        assert.equal(rows.length, 60);
        let prev = GENESIS_HASH;
        for (const row of rows) {
          assert.equal(row.hash, chainHash(prev, accessEntryContent(row)), `row ${row.seq}`);
          prev = row.hash;
        }
        const forPerson = await queryAccessLog(store.db, { person: 'P-1', limit: 100 });
        assert.equal(forPerson.length, 20);
        assert.ok(forPerson.every((row) => row.persons.includes('P-1')));
        const forUser = await queryAccessLog(store.db, { username: 'om.demo', limit: 100 });
        assert.equal(forUser.length, 30);
      } finally {
        await store.dispose();
      }
    });

    test('answers newest first, a page at a time by cursor, within a time range and for one case', async () => {
      const store = await engine.open();
      try {
        await store.db.transaction((tx) => appendAccess(tx, Array.from({ length: 25 }, (_, n) => entry(n + 1))));
        const seqOf = (rows: { resource: string }[]) => rows.map((row) => Number(row.resource.slice('criminal/SZ-'.length)));
        const first = await queryAccessLog(store.db, { order: 'newest', limit: 10 });
        assert.deepEqual(seqOf(first), [25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
        const second = await queryAccessLog(store.db, { order: 'newest', afterSeq: first.at(-1)!.seq, limit: 10 });
        assert.deepEqual(seqOf(second), [15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
        const oldest = await queryAccessLog(store.db, { afterSeq: 20, limit: 10 });
        assert.deepEqual(seqOf(oldest), [21, 22, 23, 24, 25]);
        // Entry n is at 00:00:n: from 00:00:05 up to (not including) 00:00:09.
        const range = await queryAccessLog(store.db, { order: 'newest', from: '2026-01-01T00:00:05.000Z', until: '2026-01-01T00:00:09.000Z', limit: 100 });
        assert.deepEqual(seqOf(range), [8, 7, 6, 5]);
        assert.deepEqual(seqOf(await queryAccessLog(store.db, { resource: 'SZ-12', limit: 100 })), [12]);
        assert.deepEqual(seqOf(await queryAccessLog(store.db, { resource: 'criminal/SZ-12', limit: 100 })), [12]);
        assert.deepEqual(seqOf(await queryAccessLog(store.db, { resource: 'Z-12', limit: 100 })), []);
        assert.deepEqual(seqOf(await queryAccessLog(store.db, { order: 'newest', username: 'tim.demo', from: '2026-01-01T00:00:20.000Z', limit: 100 })), [24, 22, 20]);
      } finally {
        await store.dispose();
      }
    });
  });
}
