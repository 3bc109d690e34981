import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import { checkpointSignatureValid, listCheckpoints, loadSigningKey } from './checkpoints.js';
import { ACCESS_LOG } from '../access-log/access-log-chain.js';
import { EVENT_LOG } from './event-chain.js';
import { createCheckpoints, verifyStore, type ChainedLog } from './verify-store.js';

const keyDir = mkdtempSync(join(tmpdir(), 'imketen-keys-'));
after(() => rmSync(keyDir, { recursive: true, force: true }));
const key = loadSigningKey(join(keyDir, 'checkpoint.pem'));
const now = () => new Date('2026-03-01T00:00:00Z');
const LOGS = [EVENT_LOG, ACCESS_LOG] as unknown as readonly ChainedLog[];

/** Changes the log behind the database's back, as an intruder with database rights would. */
async function tamper(store: TestStore, sql: string): Promise<void> {
  await store.db.exec(`ALTER TABLE events DISABLE TRIGGER USER; ${sql}; ALTER TABLE events ENABLE TRIGGER USER;`);
}

for (const engine of TEST_ENGINES) {
  describe(`tamper evidence on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await engine.open();
      const f = new EventFactory();
      const events = [f.person('P-1'), f.person('P-2'), f.criminalOpened('SZ-1', 'P-1', '2020-01-01'),
        f.event('criminal/SZ-1', 'criminal.indicted', '2021-01-01', { court: 'Rechtbank Den Haag' }), f.person('P-3')];
      await importEvents(store.db, [textSource('a.jsonl', jsonl(events))], { now });
    });
    afterEach(async () => { await store?.dispose(); });

    it('finds an untouched store intact, and its signed checkpoint consistent', async () => {
      const [checkpoint] = await createCheckpoints(store.db, LOGS, key, now);
      assert.ok(checkpointSignatureValid(checkpoint!));
      assert.equal(checkpoint!.treeSize, 5);
      const f = new EventFactory('later');
      await importEvents(store.db, [textSource('b.jsonl', jsonl([f.person('P-9')]))], { now });
      const result = await verifyStore(store.db, LOGS);
      assert.equal(result.ok, true);
      assert.equal(result.logs[0]!.entries, 6);
      assert.equal(result.checkpoints.every((check) => check.ok), true);
    });

    it('names the event that was edited directly in the database', async () => {
      const [checkpoint] = await createCheckpoints(store.db, LOGS, key, now);
      await tamper(store, `UPDATE events SET data = '{"court": "Rechtbank Amsterdam"}' WHERE id = 'ev-0004'`);
      const result = await verifyStore(store.db, LOGS, [checkpoint!]);
      assert.equal(result.ok, false);
      assert.equal(result.logs[0]!.broken?.reason, 'edited');
      assert.match(result.logs[0]!.broken!.message, /ev-0004/);
      assert.equal(result.checkpoints.find((check) => check.checkpoint.log === 'events')!.ok, false, 'the checkpoint no longer matches');
    });

    it('names the link after an event that was deleted directly in the database', async () => {
      await tamper(store, `DELETE FROM events WHERE id = 'ev-0002'`);
      const result = await verifyStore(store.db, LOGS);
      assert.equal(result.logs[0]!.broken?.reason, 'link-broken');
      assert.match(result.logs[0]!.broken!.message, /ev-0003/);
    });

    it('catches removal of the newest events through a checkpoint a partner kept', async () => {
      const [checkpoint] = await createCheckpoints(store.db, LOGS, key, now);
      await tamper(store, `DELETE FROM events WHERE id = 'ev-0005'`);
      const result = await verifyStore(store.db, LOGS, [checkpoint!]);
      assert.equal(result.logs[0]!.broken, undefined, 'the chain of what remains is intact');
      assert.equal(result.ok, false);
      assert.match(result.checkpoints.find((check) => !check.ok)!.message, /removed/);
    });

    it('names the access-log entry that was edited directly in the database, and checkpoints the access log too', async () => {
      const entry = (n: number): AccessEntry => ({
        at: `2026-03-01T10:00:0${n}.000Z`, principalKind: 'user', accountId: 1, tokenId: null, username: 'om.officier', organisation: 'om',
        role: 'prosecutor', action: 'stream.read', resource: 'criminal/SZ-1', persons: ['P-1'], purpose: 'vervolging', legalBasis: 'Wpg art. 8',
        outcome: 'allowed', reason: null, requestId: null,
      });
      await appendAccess(store.db, [entry(1), entry(2), entry(3)]);
      const checkpoints = await createCheckpoints(store.db, LOGS, key, now);
      assert.deepEqual(checkpoints.map((checkpoint) => [checkpoint.log, checkpoint.treeSize]), [['events', 5], ['access-log', 3]]);
      await store.db.exec(`ALTER TABLE access_log DISABLE TRIGGER USER; UPDATE access_log SET purpose = 'nieuwsgierigheid' WHERE seq = (SELECT min(seq) + 1 FROM access_log); ALTER TABLE access_log ENABLE TRIGGER USER;`);
      const result = await verifyStore(store.db, LOGS);
      const accessLog = result.logs.find((log) => log.log === 'access-log')!;
      assert.equal(accessLog.broken?.reason, 'edited');
      assert.equal(result.logs.find((log) => log.log === 'events')!.broken, undefined);
      assert.equal(result.checkpoints.find((check) => check.checkpoint.log === 'access-log')!.ok, false);
    });

    it('the database refuses to delete, change or empty the checkpoints', async () => {
      await createCheckpoints(store.db, LOGS, key, now);
      await assert.rejects(store.db.exec('DELETE FROM checkpoints'), /append-only/);
      await assert.rejects(store.db.exec(`UPDATE checkpoints SET root_hash = 'x'`), /append-only/);
      await assert.rejects(store.db.exec('TRUNCATE checkpoints'), /append-only/);
      assert.equal((await listCheckpoints(store.db)).length, 2);
    });

    it('finds a checkpoint removed from the middle behind the database\'s back: the checkpoints are chained', async () => {
      await createCheckpoints(store.db, LOGS, key, now);
      await createCheckpoints(store.db, LOGS, key, now);
      await createCheckpoints(store.db, LOGS, key, now);
      assert.equal((await verifyStore(store.db, LOGS)).ok, true);
      await store.db.exec('ALTER TABLE checkpoints DISABLE TRIGGER USER; DELETE FROM checkpoints WHERE id = (SELECT min(id) + 2 FROM checkpoints); ALTER TABLE checkpoints ENABLE TRIGGER USER;');
      const result = await verifyStore(store.db, LOGS);
      assert.equal(result.ok, false);
      assert.match(JSON.stringify(result), /checkpoint 3 is missing/);
    });

    it('finds the checkpoints removed from the store through a checkpoint a partner kept', async () => {
      const kept = await createCheckpoints(store.db, LOGS, key, now);
      // An intruder with the rights to switch the triggers off removes every checkpoint.
      await store.db.exec('ALTER TABLE checkpoints DISABLE TRIGGER USER; DELETE FROM checkpoints; ALTER TABLE checkpoints ENABLE TRIGGER USER;');
      assert.equal((await verifyStore(store.db, LOGS)).ok, true, 'without a kept copy an empty table is consistent');
      const result = await verifyStore(store.db, LOGS, kept);
      assert.equal(result.ok, false);
      assert.match(JSON.stringify(result), /checkpoint 1 \(events at size 5\) is missing from the store/);
    });

    it('refuses a checkpoint whose signature does not match its content', async () => {
      const [checkpoint] = await createCheckpoints(store.db, LOGS, key, now);
      const forged = { ...checkpoint!, treeSize: 4, rootHash: checkpoint!.rootHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) };
      const result = await verifyStore(store.db, LOGS, [forged]);
      assert.match(result.checkpoints.find((check) => !check.ok)!.message, /signature/);
    });
  });
}
