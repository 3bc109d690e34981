/**
 * A refused upload leaves no bytes (README, "Evidence"): when the bytes are stored but their evidence.file-attached
 * event is then refused, the bytes go again — unless an event attaches the same bytes (identical bytes are stored
 * once) — and verify-files names stored files no event attaches. On both backends: the data directory and an
 * S3-protocol server started here.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFileStoreConfig } from '../config/runtime.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { openDiskFileStore } from '../store/file-store/disk-file-store.js';
import { openFileStore } from '../store/file-store/file-store-config.js';
import { bytesSource, type FileStore } from '../store/file-store/file-store.js';
import { startS3Server, type TestS3Server } from '../store/file-store/testing/s3-server.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../server/testing/test-server.js';
import { attachFile } from './attach-file.js';
import { unreferencedStoredFiles } from './verify-files.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const registration = {
  criminalCases: ['SZ-1'], kind: 'document', title: 'Verklaring (fictief)', source: { type: 'witness' },
  acquired: { date: '2026-05-01', by: 'TIM', method: 'interview' },
};
const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'e1', stream: 'evidence/E-1', type: 'evidence.registered', date: '2026-05-02', data: registration },
];

async function all(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const backends: { name: string; open(): Promise<{ store: FileStore; close(): Promise<void> }> }[] = [
  {
    name: 'disk',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'imketen-refused-'));
      const store = await openDiskFileStore(dir);
      return { store, close: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 's3',
    async open() {
      const server: TestS3Server = await startS3Server();
      const store = await openFileStore(readFileStoreConfig('/nonexistent', server.env));
      return { store, close: async () => { await store.close(); await server.close(); } };
    },
  },
];

for (const backend of backends) {
  describe(`refused uploads leave no bytes (${backend.name})`, () => {
    let server: TestServer;
    let files: { store: FileStore; close(): Promise<void> };
    let police: Client;
    const upload = (id: string, bytes: Buffer, query = '') =>
      police.request('POST', `/api/evidence/${id}/files?fileName=verklaring.txt${query}`, bytes, { 'content-type': 'application/octet-stream' });

    before(async () => {
      files = await backend.open();
      server = await startTestServer(TEST_ENGINES[0]!, { files: files.store });
      await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
      police = await server.signIn('police');
    });
    after(async () => {
      await server?.close();
      await files?.close();
    });

    it('an upload whose event the registry refuses (dated before the item exists) leaves neither bytes nor derived facts', async () => {
      const bytes = randomBytes(5000);
      const response = await upload('E-1', bytes, '&date=2020-01-01');
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${response.statusCode} ${response.body}`);
      assert.equal(await files.store.has(sha(bytes)), false, 'the refused bytes are gone');
      assert.deepEqual(await server.store.db.query('SELECT sha256 FROM evidence_files WHERE sha256 = $1', [sha(bytes)]), []);
      assert.deepEqual(await server.store.db.query('SELECT sha256 FROM evidence_upload_claims'), [], 'no claim is left');
    });

    it('a refused upload of bytes another event attaches keeps them (stored once, relied on twice)', async () => {
      const bytes = randomBytes(4000);
      assert.equal((await upload('E-1', bytes)).statusCode, 201);
      const again = await upload('E-1', bytes, '&date=2020-01-01');
      assert.ok(again.statusCode >= 400, again.body);
      assert.equal(await files.store.has(sha(bytes)), true);
      const download = await police.request('GET', `/api/evidence/E-1/files/${sha(bytes)}`);
      assert.deepEqual(download.rawPayload, bytes);
    });

    it('the CLI\'s attach path: an item that does not exist takes its bytes with it', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'imketen-refused-cli-'));
      try {
        const bytes = randomBytes(3000);
        const path = join(dir, 'los.bin');
        await writeFile(path, bytes);
        await assert.rejects(attachFile(server.store.db, files.store, 'E-404', path, { maxBytes: 1e6, now: () => new Date('2026-06-15T10:00:00Z') }), /Import rejected/);
        assert.equal(await files.store.has(sha(bytes)), false);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('verify-files names stored bytes that no event attaches, and not those an upload under way claims', async () => {
      const stray = Buffer.from(`bytes put in the store by hand, ${backend.name}`);
      const put = await files.store.put(bytesSource(stray));
      const claimed = Buffer.from(`an upload under way, ${backend.name}`);
      const inFlight = await files.store.put(bytesSource(claimed), {
        beforeStore: async (hash) => { await server.store.db.query("INSERT INTO evidence_upload_claims VALUES ($1, 'test', now())", [hash]); },
      });
      const unreferenced = await unreferencedStoredFiles(server.store.db, files.store);
      assert.deepEqual(unreferenced, [put.sha256]);
      assert.ok((await all(files.store.list())).includes(inFlight.sha256));
      await files.store.remove(put.sha256);
      assert.deepEqual(await unreferencedStoredFiles(server.store.db, files.store), []);
    });
  });
}
