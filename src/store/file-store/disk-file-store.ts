/**
 * The embedded file store: files under `<data-dir>/files/sha256/ab/cd/<hash>`. An upload streams to a temporary name
 * under `files/tmp/` while it is hashed, is fsynced, then linked to its hash name — a link never replaces an existing
 * file, so identical bytes stay stored once and a stored file is never overwritten — and the directory is fsynced.
 * A crash (even kill -9) leaves at most a temporary file, never a half file under a hash name; the temporary files of
 * a crashed process are removed when the store next opens.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertSha256, corrupt, hashOf, HashingCounter, notFound, verifyingStream, type FileCheck, type FileStore, type PutOptions, type PutResult,
} from './file-store.js';

export async function openDiskFileStore(root: string): Promise<FileStore> {
  const tmp = join(root, 'tmp');
  await mkdir(tmp, { recursive: true, mode: 0o700 });
  await mkdir(join(root, 'sha256'), { recursive: true, mode: 0o700 });
  // What a crashed upload left: only temporary files (of this store's own naming) are ever there.
  for (const name of await readdir(tmp)) if (name.endsWith('.part')) await rm(join(tmp, name), { force: true });
  const location = `disk:${root}`;
  const pathOf = (sha256: string) => join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  const exists = async (path: string) => {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };

  async function fsyncDir(path: string): Promise<void> {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  const store: FileStore = {
    location,
    async put(source: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<PutResult> {
      const temporary = join(tmp, `${randomUUID()}.part`);
      const counter = new HashingCounter(options.maxBytes, options.headBytes);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        try {
          await pipeline(source, counter, async (hashed: AsyncIterable<Buffer>) => {
            for await (const chunk of hashed) await handle.write(chunk);
          });
          await handle.sync();
        } finally {
          await handle.close();
        }
        const sha256 = counter.hash.digest('hex');
        await options.beforeStore?.(sha256);
        const target = pathOf(sha256);
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        let created = true;
        try {
          await link(temporary, target);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          created = false;
        }
        if (created) {
          await chmod(target, 0o400);
          await fsyncDir(dirname(target));
        }
        return { sha256, size: counter.size, created, head: counter.head };
      } finally {
        await unlink(temporary).catch(() => undefined);
      }
    },
    async has(sha256) {
      assertSha256(sha256);
      return (await exists(pathOf(sha256))) !== undefined;
    },
    async size(sha256) {
      assertSha256(sha256);
      return exists(pathOf(sha256));
    },
    async get(sha256): Promise<Readable> {
      const check = await store.check(sha256);
      if (check === 'missing') throw notFound(sha256, location);
      if (check === 'corrupt') throw corrupt(sha256, location);
      return verifyingStream(createReadStream(pathOf(sha256)), sha256, location);
    },
    async check(sha256, onBytes): Promise<FileCheck> {
      assertSha256(sha256);
      const path = pathOf(sha256);
      if ((await exists(path)) === undefined) return 'missing';
      return (await hashOf(createReadStream(path), onBytes)) === sha256 ? 'ok' : 'corrupt';
    },
    async remove(sha256) {
      assertSha256(sha256);
      const path = pathOf(sha256);
      try {
        await unlink(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      await fsyncDir(dirname(path));
      return true;
    },
    async *list() {
      const base = join(root, 'sha256');
      for (const first of (await readdir(base)).sort()) {
        for (const second of (await readdir(join(base, first)).catch(() => [] as string[])).sort()) {
          for (const name of (await readdir(join(base, first, second)).catch(() => [] as string[])).sort()) {
            if (/^[0-9a-f]{64}$/.test(name)) yield name;
          }
        }
      }
    },
    async close() { /* nothing held open */ },
  };
  return store;
}
