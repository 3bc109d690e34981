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
 * --compare also times the `bin/imketen.js` of another checkout (e.g. an older commit) on the same store. On the
 * embedded store it also times PGlite opening and closing the store alone: the floor under the report. Each line
 * gives the CPU time beside the wall time: on a busy machine the wall time grows with the load, the CPU time far less.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * CPU seconds (user + system) of this process's waited-for children so far, from /proc/self/stat (cutime, cstime);
 * undefined where there is no /proc. On a busy machine the wall time varies with the load, a command's CPU far less.
 */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux the project runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

function run(args: string[]): { wall: number; cpu: number | undefined } {
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATABASE_URL: values['database-url'] ?? '' } });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const cpuAfter = childrenCpu();
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
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
  // The floor under the report on the embedded store: PGlite opening the same data directory and closing it, nothing
  // else (with the compiler setting the command uses, src/cli/main.ts).
  if (!values['database-url']) {
    const openClose = `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create(${JSON.stringify(dataDir)}); await db.close();`;
    commands.push(['PGlite open + close alone (floor)', ['--liftoff-only', '--input-type=module', '-e', openClose]]);
  }
  if (values.compare) {
    const other = join(values.compare, 'bin', 'imketen.js');
    commands.push([`${values.compare}: --help`, [other, '--help']], [`${values.compare}: report --year 2025`, [other, '--data-dir', dataDir, 'report', '--year', '2025']]);
  }
  const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  const cpus = new Map<string, number[]>(commands.map(([name]) => [name, []]));
  run([BIN, '--data-dir', dataDir, 'report', '--year', '2025']); // warm the file cache once
  for (let round = 0; round < runs; round++) {
    for (const [name, args] of commands) {
      const { wall, cpu } = run(args);
      times.get(name)!.push(wall);
      if (cpu !== undefined) cpus.get(name)!.push(cpu);
    }
  }

  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const base = median(times.get('node -e 0')!);
  console.log(`\n${runs} runs each, wall time in seconds (median, min), the median's excess over node -e 0, and the median CPU time (user + system):\n`);
  for (const [name, list] of times) {
    const cpu = cpus.get(name)!;
    console.log(`${name.padEnd(48)} ${median(list).toFixed(3)}  ${Math.min(...list).toFixed(3)}  +${(median(list) - base).toFixed(3)}  ${cpu.length ? `cpu ${median(cpu).toFixed(2)}` : ''}`);
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
