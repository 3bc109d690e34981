/**
 * One upload, in a process of its own so its peak memory is its own (bench/evidence/upload-bench.ts runs it):
 * streams FILE through the disk file store's put into a fresh store at STORE-DIR and prints
 * `{"ms":…,"sha256":"…","size":…,"maxRssBytes":…}`.
 *
 * Run: node --import tsx bench/evidence/upload-child.ts FILE STORE-DIR
 */
import { createReadStream } from 'node:fs';
import { openDiskFileStore } from '../../src/store/file-store/disk-file-store.js';

const [file, storeDir] = process.argv.slice(2);
if (!file || !storeDir) {
  console.error('usage: upload-child.ts FILE STORE-DIR');
  process.exit(2);
}
const store = await openDiskFileStore(storeDir);
const started = performance.now();
const put = await store.put(createReadStream(file));
const ms = performance.now() - started;
await store.close();
console.log(JSON.stringify({ ms, sha256: put.sha256, size: put.size, created: put.created, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
