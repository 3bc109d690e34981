/**
 * `npm run bench`: every benchmark of the project, one after the other, each in its own process, printing its
 * figures. Speed and memory targets are measured here, never in timed tests.
 *
 *   npm run bench                       # everything, full sizes (long: the 1M-event runs take a while)
 *   npm run bench -- --only registry    # one suite: registry, matching, server, cli, media, evidence, proof
 *   npm run bench -- --quick            # small sizes, for a smoke run
 *   npm run bench -- --only matching --half both   # the held-out matching evaluation: both halves (default: test)
 *   npm run bench -- --only evidence --size 256    # the upload benchmark with a 256 MiB file (default 1024)
 *   npm run bench -- --only proof                  # the proof matrix and evidence at risk, 100,000 items on PostgreSQL
 *
 * Data paths: the matching benchmarks read public lists from --data DIR (default: a shared/data folder beside the checkout).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, data: { type: 'string' }, half: { type: 'string' }, size: { type: 'string' } } });
const here = import.meta.dirname;
const dataArgs = values.data ? ['--data', values.data] : [];

const suites: Record<string, string[][]> = {
  registry: [[join(here, 'registry', 'registry-bench.ts'), '--sizes', values.quick ? '10000' : '10000,100000,1000000']],
  matching: [
    [join(here, 'matching', 'quality.ts'), ...dataArgs],
    [join(here, 'matching', 'heldout.ts'), ...dataArgs, ...(values.half ? ['--half', values.half] : [])],
    [join(here, 'matching', 'throughput.ts'), ...dataArgs, ...(values.quick ? ['--entries', '10000', '--queries', '1000'] : [])],
  ],
  server: [
    [join(here, 'server', 'server-bench.ts'), ...(values.quick ? ['--duration', '5'] : [])],
    // several servers on one PostgreSQL database (issue 15); the database holds the demo registry (see the script's header)
    [join(here, 'server', 'server-bench.ts'), '--processes', '1,2,3', '--url', 'postgres://postgres@127.0.0.1:5432/imketen_multi_bench', ...(values.quick ? ['--duration', '5'] : [])],
  ],
  cli: [[join(here, 'cli', 'cli-bench.ts'), ...(values.quick ? ['--runs', '3'] : [])]],
  media: [[join(here, 'media', 'near-duplicates.ts'), ...(values.quick ? ['--hashes', '10000', '--queries', '200'] : [])]],
  evidence: [[join(here, 'evidence', 'upload-bench.ts'), ...(values.size ? ['--size', values.size] : values.quick ? ['--size', '64', '--runs', '1'] : [])]],
  proof: [[join(here, 'proof', 'proof-bench.ts'), ...(values.quick ? ['--cases', '2000', '--items', '10000', '--runs', '3'] : [])]],
};

const chosen = values.only ? values.only.split(',') : Object.keys(suites);
let failed = 0;
for (const name of chosen) {
  const runs = suites[name];
  if (!runs) {
    console.error(`Unknown benchmark suite '${name}'. Known: ${Object.keys(suites).join(', ')}.`);
    process.exit(2);
  }
  for (const args of runs) {
    console.log(`\n## ${name}: ${args[0]!.slice(here.length + 1)} ${args.slice(1).join(' ')}\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
    if (result.status !== 0) failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);
