/**
 * Where the matching benchmarks find their data: the folder given with `--data DIR`, else a `shared/data` folder
 * beside the checkout (public lists, each described in the folder's SOURCE.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads `--name value` from the command line. */
export function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The data folder, or a clear message and exit when there is none. */
export function dataDir(): string {
  const dir = argument('data') ?? join(repoRoot, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    console.error(`No benchmark data at ${dir}: pass --data DIR (a folder laid out like shared/data, see its SOURCE.md).`);
    process.exit(2);
  }
  return dir;
}

/** A CSV file with a header line, as objects. */
export function readCsv(path: string): Array<Record<string, string>> {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
