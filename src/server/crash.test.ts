/**
 * Crash safety of the API: the server is SIGKILLed while clients append events; after a restart every
 * acknowledged event is stored, no request is half-written (its events are all there or none), and both hash
 * chains — the event log and the access log — are unbroken.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { issueToken } from '../accounts/api-tokens.js';
import { readAccessLog, accessEntryContent } from '../access-log/access-log.js';
import { chainHash, GENESIS_HASH } from '../audit/hash-chain.js';
import { loadPolicy } from '../policy/policy.js';
import type { StoreConfig } from '../config/runtime.js';
import { openStore } from '../store/open-store.js';
import { createPostgresDatabase, TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { spawnServer } from './testing/server-process.js';

const startServer = (env: NodeJS.ProcessEnv) => spawnServer('serve', { IMKETEN_DEMO_ACCOUNTS: 'false', IMKETEN_LOG_LEVEL: 'error', ...env });
const work = mkdtempSync(join(tmpdir(), 'imketen-server-crash-'));
after(() => rmSync(work, { recursive: true, force: true }));


interface Batch { tag: string; ids: string[] }

function batchOf(client: number, n: number): Batch & { body: string } {
  const tag = `c${client}-${n}`;
  const events = Array.from({ length: 5 }, (_, k) => ({
    id: `crash-${tag}-${k}`, stream: `intake/IN-CRASH-${tag}-${k}`, type: 'intake.received', date: '2025-05-01', data: { subjects: ['P-S'] },
  }));
  return { tag, ids: events.map((event) => event.id), body: JSON.stringify({ events }) };
}

for (const engine of TEST_ENGINES) {
  describe(`the server killed under a write load on ${engine.name}`, { skip: engine.skip }, () => {
    it('keeps every acknowledged event, half-writes nothing, and keeps both chains intact', { timeout: 900_000 }, async () => {
      const database = engine.name === 'postgres' ? await createPostgresDatabase() : undefined;
      const config: StoreConfig = database ? { databaseUrl: database.url, dataDir: '' } : { dataDir: join(work, 'store') };
      const env = database ? { DATABASE_URL: database.url } : { IMKETEN_DATA_DIR: config.dataDir, DATABASE_URL: '' };
      try {
        let token: string;
        {
          const db = await openStore(config);
          try {
            await loadFixture(db);
            token = (await issueToken(db, loadPolicy(), { name: 'crash-load', role: 'police' }, undefined, new Date())).token;
          } finally {
            await db.close();
          }
        }
        const { child, url } = await startServer(env);
        const acknowledged: Batch[] = [];
        const sent: Batch[] = [];
        let stop = false;
        const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
        let reachedForty!: () => void;
        const fortyAcknowledged = new Promise<void>((resolve) => { reachedForty = resolve; });
        const client = async (id: number) => {
          for (let n = 0; !stop && n < 10_000; n += 1) {
            const batch = batchOf(id, n);
            sent.push(batch);
            try {
              const response = await fetch(`${url}/api/events`, { method: 'POST', body: batch.body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
              if (response.status === 201) {
                if (acknowledged.push(batch) === 40) reachedForty();
              } else if (!stop) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
            } catch (error) {
              if (stop) return;
              throw error;
            }
          }
        };
        const clients = [1, 2, 3, 4].map(client);
        // Kill once a fair number of writes were acknowledged, while the clients keep writing (or once they all stopped).
        await Promise.race([fortyAcknowledged, Promise.allSettled(clients)]);
        child.kill('SIGKILL');
        stop = true;
        await exited;
        const failures = (await Promise.allSettled(clients)).flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
        assert.ok(acknowledged.length >= 40, `only ${acknowledged.length} writes were acknowledged before the kill: ${failures.join('; ')}`);

        const db = await openStore(config);
        try {
          const ids = sent.flatMap((batch) => batch.ids);
          const stored = new Set((await db.query<{ id: string }>('SELECT id FROM events WHERE id = ANY($1::text[])', [ids])).map((row) => row.id));
          for (const batch of acknowledged) for (const id of batch.ids) assert.ok(stored.has(id), `acknowledged event ${id} is missing`);
          for (const batch of sent) {
            const present = batch.ids.filter((id) => stored.has(id)).length;
            assert.ok(present === 0 || present === batch.ids.length, `request ${batch.tag} is half-written (${present} of ${batch.ids.length})`);
          }
          let prev = GENESIS_HASH;
          // The event chain's links (its content hashes are `imketen verify`'s to recompute).
          for (const event of await db.query<{ id: string; prevHash: string; hash: string }>('SELECT id, prev_hash AS "prevHash", hash FROM events ORDER BY seq')) {
            assert.equal(event.prevHash, prev, `event chain broken at ${event.id}`);
            prev = event.hash;
          }
          prev = GENESIS_HASH;
          const accesses = await readAccessLog(db, { limit: 1_000_000 });
          for (const row of accesses) {
            assert.equal(row.hash, chainHash(prev, accessEntryContent(row)), `access-log chain broken at ${row.seq}`);
            prev = row.hash;
          }
          // Every stored write has its access-log entry (same transaction).
          assert.ok(accesses.filter((row) => row.action === 'events.append' && row.outcome === 'allowed').length >= acknowledged.length);
        } finally {
          await db.close();
        }
        // The server starts again on the same store.
        const again = await startServer(env);
        try {
          const health = await fetch(`${again.url}/api/health`);
          assert.equal(health.status, 200);
        } finally {
          again.child.kill('SIGTERM');
          await new Promise((resolve) => again.child.on('exit', resolve));
        }
      } finally {
        await database?.drop();
      }
    });
  });
}
