/**
 * Start-up time of the command line (issue 11): `imketen --help` and `imketen report --year 2025` on the demo
 * registry, against `node -e 0`, in one run, the three interleaved so that a busy machine slows them alike.
 * Goals: --help within 0.3 s of node, the report within 1 s.
 *
 *   node --import tsx bench/cli/cli-bench.ts [--runs 7] [--data DIR | --database-url URL] [--compare CHECKOUT]
 *
 * Builds dist/ first when it is not current (bin/imketen.js would run the sources otherwise). --data takes a store
 * that holds the demo registry (default: a fresh one, loaded by `imketen demo`), --database-url a PostgreSQL
 * database that holds it (the embedded database takes a second or more to start, a server connection does not);
 * --compare also times the `bin/imketen.js` of another checkout (e.g. an older commit) on the same store.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledIsCurrent } from '../../bin/compiled.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, data: { type: 'string' }, 'database-url': { type: 'string' }, compare: { type: 'string' } },
});
const root = join(import.meta.dirname, '..', '..');
const BIN = join(root, 'bin', 'imketen.js');
const runs = Number(values.runs);

function run(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATABASE_URL: values['database-url'] ?? '' } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return seconds;
}

if (!compiledIsCurrent(root)) {
  console.log('dist/ is not current: building it (npm run build).');
  if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const work = values.data || values['database-url'] ? undefined : mkdtempSync(join(tmpdir(), 'imketen-cli-bench-'));
const dataDir = values.data ?? (work ? join(work, 'store') : 'unused');
try {
  if (work) {
    console.log(`Loading the demo registry into ${dataDir} …`);
    run([BIN, '--data-dir', dataDir, 'demo']);
  }
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['imketen --help', [BIN, '--help']],
    ['imketen report --year 2025', [BIN, '--data-dir', dataDir, 'report', '--year', '2025']],
  ];
  if (values.compare) {
    const other = join(values.compare, 'bin', 'imketen.js');
    commands.push([`${values.compare}: --help`, [other, '--help']], [`${values.compare}: report --year 2025`, [other, '--data-dir', dataDir, 'report', '--year', '2025']]);
  }
  const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  run([BIN, '--data-dir', dataDir, 'report', '--year', '2025']); // warm the file cache once
  for (let round = 0; round < runs; round++) {
    for (const [name, args] of commands) times.get(name)!.push(run(args));
  }

  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const base = median(times.get('node -e 0')!);
  console.log(`\n${runs} runs each, wall time in seconds (median, min), and the median's excess over node -e 0:\n`);
  for (const [name, list] of times) {
    console.log(`${name.padEnd(48)} ${median(list).toFixed(3)}  ${Math.min(...list).toFixed(3)}  +${(median(list) - base).toFixed(3)}`);
  }
  const goals: [string, number][] = [['imketen --help', 0.3], ['imketen report --year 2025', 1]];
  console.log('');
  for (const [name, limit] of goals) {
    const excess = median(times.get(name)!) - base;
    console.log(`goal: ${name} within ${limit} s of node -e 0: ${excess <= limit ? 'met' : 'MISSED'} (+${excess.toFixed(3)} s)`);
  }
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
