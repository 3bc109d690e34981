/**
 * One suite, two backends: the data directory and an S3-compatible object store (a real S3-protocol server started
 * here, src/store/file-store/testing/s3-server.ts). README, "The file store".
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openDiskFileStore } from './disk-file-store.js';
import { bytesSource, type FileStore } from './file-store.js';
import { readFileStoreConfig } from '../../config/runtime.js';
import { openFileStore } from './file-store-config.js';
import { startS3Server, type TestS3Server } from './testing/s3-server.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A generated source of `total` bytes in chunks of 64 KiB, with the hash of what it yields. */
function generated(total: number, seed = 1): { source: AsyncIterable<Uint8Array>; digest: () => string } {
  const hash = createHash('sha256');
  async function* chunks() {
    let left = total;
    let value = seed;
    while (left > 0) {
      const chunk = Buffer.alloc(Math.min(65536, left));
      for (let i = 0; i < chunk.length; i += 1) { value = (value * 1103515245 + 12345) & 0x7fffffff; chunk[i] = value >>> 16; }
      hash.update(chunk);
      left -= chunk.length;
      yield chunk;
    }
  }
  return { source: chunks(), digest: () => hash.digest('hex') };
}

/** A source that yields some bytes and then fails, as a dropped connection does. */
async function* brokenSource(): AsyncIterable<Uint8Array> {
  yield randomBytes(100_000);
  throw new Error('connection reset by the client');
}

interface Backend {
  name: string;
  open(): Promise<FileStore>;
  /** Overwrites the stored bytes of a hash behind the store's back (disk damage, an operator's mistake). */
  damage(sha256: string, bytes: Uint8Array): Promise<void>;
  /** What is left of temporary uploads. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

async function diskBackend(): Promise<Backend> {
  const root = await mkdtemp(join(tmpdir(), 'imketen-files-'));
  return {
    name: 'disk',
    open: () => openDiskFileStore(root),
    async damage(sha256, bytes) {
      const path = join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      await chmod(path, 0o600);
      await writeFile(path, bytes);
    },
    leftovers: () => readdir(join(root, 'tmp')),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function s3Backend(): Promise<Backend> {
  const server: TestS3Server = await startS3Server();
  const raw = new S3Client(server.client);
  return {
    name: 's3',
    // opened as the server would: from the environment
    open: () => openFileStore(readFileStoreConfig('/nonexistent', { ...server.env, IMKETEN_S3_PART_SIZE: String(5 * 1024 * 1024) })),
    async damage(sha256, bytes) {
      await raw.send(new PutObjectCommand({ Bucket: server.bucket, Key: `sha256/${sha256}`, Body: bytes }));
    },
    async leftovers() {
      const listed = await raw.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: 'tmp/' }));
      return (listed.Contents ?? []).map((object) => object.Key!);
    },
    async close() {
      raw.destroy();
      await server.close();
    },
  };
}

for (const make of [diskBackend, s3Backend]) {
  describe(`file store (${make.name.replace('Backend', '')})`, () => {
    let backend: Backend;
    let store: FileStore;
    before(async () => {
      backend = await make();
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
      await backend?.close();
    });

    it('stores bytes under their SHA-256 and gives them back', async () => {
      const bytes = Buffer.from('getuigenverklaring, fictief\n');
      const put = await store.put(bytesSource(bytes));
      assert.deepEqual({ sha256: put.sha256, size: put.size, created: put.created }, { sha256: sha(bytes), size: bytes.length, created: true });
      assert.deepEqual(put.head, bytes);
      assert.equal(await store.has(put.sha256), true);
      assert.equal(await store.size(put.sha256), bytes.length);
      assert.deepEqual(await readAll(await store.get(put.sha256)), bytes);
      assert.equal(await store.check(put.sha256), 'ok');
    });

    it('stores identical bytes once and never replaces them', async () => {
      const bytes = randomBytes(5000);
      const first = await store.put(bytesSource(bytes));
      const second = await store.put(bytesSource(Buffer.from(bytes)));
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.sha256, first.sha256);
      assert.deepEqual(await readAll(await store.get(first.sha256)), bytes);
    });

    it('streams a file of many parts (a multipart upload on S3), keeping only the head', async () => {
      const total = 12 * 1024 * 1024 + 123;
      const { source, digest } = generated(total);
      const put = await store.put(source, { headBytes: 16 });
      assert.equal(put.size, total);
      assert.equal(put.sha256, digest());
      assert.equal(put.head.length, 16);
      assert.equal(await store.check(put.sha256), 'ok');
      assert.equal(await store.size(put.sha256), total);
    });

    it('refuses a file over the size limit and stores nothing of it', async () => {
      const { source, digest } = generated(300_000, 7);
      await assert.rejects(store.put(source, { maxBytes: 200_000 }), (error: Error & { code?: string }) => error.code === 'FILE_TOO_LARGE' && /200,000 bytes/.test(error.message));
      // the source stopped at the limit; the whole file would hash to something never stored
      const complete = generated(300_000, 7);
      for await (const _chunk of complete.source) { /* drain */ }
      assert.equal(await store.has(complete.digest()), false);
      void digest;
      assert.deepEqual(await backend.leftovers(), []);
    });

    it('stores nothing of an upload cut off half-way', async () => {
      await assert.rejects(store.put(brokenSource()), /connection reset/);
      assert.deepEqual(await backend.leftovers(), []);
    });

    it('refuses a stored file whose bytes no longer match its hash, and names a missing one', async () => {
      const bytes = Buffer.from('origineel beeldbestand');
      const { sha256 } = await store.put(bytesSource(bytes));
      await backend.damage(sha256, Buffer.from('gewijzigd beeldbestand'));
      assert.equal(await store.check(sha256), 'corrupt');
      await assert.rejects(store.get(sha256), (error: Error & { code?: string }) => error.code === 'FILE_CORRUPT' && error.message.includes(sha256));
      const absent = sha(Buffer.from('nooit opgeslagen'));
      assert.equal(await store.check(absent), 'missing');
      assert.equal(await store.has(absent), false);
      await assert.rejects(store.get(absent), (error: Error & { code?: string }) => error.code === 'FILE_NOT_FOUND');
      await assert.rejects(store.get('../../etc/passwd'), (error: Error & { code?: string }) => error.code === 'INVALID_INPUT');
    });
  });
}
