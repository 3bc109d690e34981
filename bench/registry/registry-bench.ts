/**
 * The registry benchmark (issue: import throughput, report latency, import memory), on PGlite and PostgreSQL.
 *
 *   node --import tsx bench/registry/registry-bench.ts [--sizes 10000,100000,1000000] [--engines pglite,postgres]
 *
 * For each size it writes the demo registry (scaled to at least that many events) to a file, then in separate
 * processes: a bare bulk insert of the same rows (the engine's physical limit) and the full validated import, each
 * into a fresh store, followed by the yearly report cold, repeated, and as recorded at an earlier time.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { createPostgresDatabase } from '../../src/store/testing/test-stores.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000,1000000' }, engines: { type: 'string', default: 'pglite,postgres' } } });
const sizes = values.sizes.split(',').map(Number);
const engines = values.engines.split(',');
const work = mkdtempSync(join(tmpdir(), 'imketen-bench-'));

async function writeDemo(minEvents: number): Promise<{ file: string; events: number; scale: number }> {
  let perScale = 0;
  for (const _ of generateDemo({ scale: 1 })) perScale += 1;
  const scale = Math.max(1, Math.round(minEvents / perScale));
  const file = join(work, `demo-${scale}.jsonl`);
  const out = createWriteStream(file);
  let events = 0;
  for (const event of generateDemo({ scale })) {
    if (!out.write(`${JSON.stringify(event)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    events += 1;
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { file, events, scale };
}

async function measure(engine: string, mode: 'bare' | 'full', file: string) {
  const args = ['--import', 'tsx', join(import.meta.dirname, 'measure-import.ts'), '--engine', engine, '--file', file, '--mode', mode];
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  const dir = join(work, `store-${engine}-${mode}-${Date.now()}`);
  if (engine === 'postgres') { database = await createPostgresDatabase(); args.push('--url', database.url); } else args.push('--dir', dir);
  try {
    return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
  } finally {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
const f0 = (n: number) => n.toFixed(0);
try {
  for (const size of sizes) {
    const demo = await writeDemo(size);
    console.error(`demo scale ${demo.scale}: ${demo.events} events`);
    for (const engine of engines) {
      const bare = await measure(engine, 'bare', demo.file);
      const full = await measure(engine, 'full', demo.file);
      const line = `| ${engine} | ${demo.events} | ${f0(bare.eventsPerSecond)} | ${f0(full.eventsPerSecond)} | ${(full.eventsPerSecond / bare.eventsPerSecond * 100).toFixed(0)}% | ${f0(full.maxRssMiB)} | ${f0(full.report.coldMs)} | ${full.report.repeatedMs.toFixed(1)} | ${f0(full.report.asOfMs)} |`;
      console.error(line);
      rows.push(line);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('| engine | events | bare insert (ev/s) | full import (ev/s) | share | import peak RSS (MiB) | report cold (ms) | report repeated (ms) | report as-of (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
