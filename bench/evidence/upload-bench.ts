/**
 * Upload throughput of the evidence register (issue 12): a large generated file (default 1024 MiB) streamed through
 * the disk file store's put (hashed with SHA-256 while written, fsynced, linked under its hash), against the limit
 * of the same work done by the system's tools on the same disk: `sha256sum FILE`, then `cp FILE COPY` and
 * `sync COPY` (put fsyncs too). Prints MiB/s of each, the ratio (goal ≥ 70 %) and the peak RSS of the upload process
 * (goal < 200 MB). The source file is read from the page cache by both, as it was just written. Runs alternate
 * (limit, upload, limit, upload, …); the median run of each is reported.
 *
 * Run: node --import tsx bench/evidence/upload-bench.ts [--size 1024] [--runs 3] [--dir /tmp]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1024' }, runs: { type: 'string', default: '3' }, dir: { type: 'string' } } });
const sizeMiB = Number(values.size);
const runs = Number(values.runs);
if (!(sizeMiB > 0) || !(runs > 0)) {
  console.error('--size (MiB) and --runs must be positive numbers.');
  process.exit(2);
}
const MiB = 1024 * 1024;
const work = mkdtempSync(join(values.dir ?? tmpdir(), 'imketen-upload-bench-'));
const child = join(import.meta.dirname, 'upload-child.ts');

async function generate(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(MiB);
  for (let written = 0; written < bytes; written += MiB) {
    block.writeUInt32LE(written / MiB, 0); // no two blocks alike
    if (!out.write(Buffer.from(block.subarray(0, Math.min(MiB, bytes - written))))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

try {
  const file = join(work, 'source.bin');
  const bytes = sizeMiB * MiB;
  await generate(file, bytes);
  execFileSync('sync', [file]);
  console.log(`${sizeMiB} MiB file in ${work}; ${runs} runs each, alternating; load ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);

  const limitMs: number[] = [];
  const uploadMs: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const copy = join(work, 'copy.bin');
    const started = performance.now();
    const expected = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;
    execFileSync('cp', [file, copy]);
    execFileSync('sync', [copy]);
    limitMs.push(performance.now() - started);
    rmSync(copy);

    const storeDir = join(work, `store-${run}`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', child, file, storeDir], { encoding: 'utf8', maxBuffer: MiB });
    const result = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; sha256: string; size: number; created: boolean; maxRssBytes: number };
    if (result.sha256 !== expected || result.size !== bytes || !result.created) throw new Error(`the upload stored ${result.sha256} (${result.size} bytes), sha256sum says ${expected} (${bytes} bytes)`);
    uploadMs.push(result.ms);
    rss.push(result.maxRssBytes);
    rmSync(storeDir, { recursive: true, force: true });
    console.log(`run ${run + 1}: limit ${(limitMs[run]! / 1000).toFixed(2)} s, upload ${(result.ms / 1000).toFixed(2)} s, upload peak RSS ${(result.maxRssBytes / MiB).toFixed(0)} MiB`);
  }

  const rate = (ms: number) => sizeMiB / (ms / 1000);
  const limit = rate(median(limitMs));
  const upload = rate(median(uploadMs));
  const peak = Math.max(...rss) / MiB;
  console.log('\n| size | limit (sha256sum + cp + sync) | upload (put) | ratio (goal ≥ 70 %) | peak RSS of the upload (goal < 200 MB) | load after |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| ${sizeMiB} MiB | ${limit.toFixed(0)} MiB/s | ${upload.toFixed(0)} MiB/s | ${((upload / limit) * 100).toFixed(0)} % | ${peak.toFixed(0)} MiB | ${loadavg()[0]!.toFixed(2)} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
