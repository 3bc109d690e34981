import { readFileSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ImketenError } from '../../domain/errors.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { importWatchlist, LIST_FORMATS, type ListFormat, type WatchlistFile, type WatchlistImportSummary } from '../../screening/import-watchlist.js';
import { listWatchlists, type WatchlistListing } from '../../screening/list-watchlists.js';
import { contextOf } from '../context.js';

const FORMAT_NAMES: Record<string, string> = { 'un-xml': 'UN consolidated list (XML)', 'ofac-csv': 'OFAC SDN list (CSV)', jsonl: 'JSON Lines' };

export function registerWatchlist(program: Command): void {
  const watchlist = program
    .command('watchlist')
    .summary('the lists persons are screened against (UN, OFAC, own lists): import and list their versions');

  watchlist
    .command('import')
    .description(
      'Imports a new version of a watchlist: the UN Security Council consolidated list (one XML file), the OFAC SDN list\n'
      + '(sdn.csv and, with the aliases, alt.csv) or the generic JSON Lines format, one entry a line:\n'
      + '  {"id": "...", "names": ["..."], "birthDates": ["1976", "1976-10-05"], "nationalities": ["IRQ"]}\n'
      + 'The format is detected from the content when --format is not given. A re-import is compared with the current\n'
      + 'version by entry id and content: it reports the entries added, removed and changed, and makes a new version\n'
      + 'only when something changed. All or nothing: a file with a bad record stores nothing, and the error names the\n'
      + 'file, line and field.',
    )
    .argument('<files...>', 'the file(s) of the list')
    .requiredOption('--name <name>', 'the list\'s name, used by `imketen screen --list` (e.g. un-sc, ofac-sdn)')
    .addOption(new Option('--format <format>', 'the format (default: detected)').choices([...LIST_FORMATS]))
    .option('--no-screening', 'do not queue the screening of the registry against the new version (a background job)')
    .addHelpText('after', '\nExamples:\n  imketen watchlist import consolidated.xml --name un-sc\n  imketen watchlist import sdn.csv alt.csv --name ofac-sdn\n  imketen watchlist import own-list.jsonl --name tim-signals --format jsonl')
    .action(async (files: string[], options: { name: string; format?: ListFormat; screening: boolean }, command: Command) => {
      const context = contextOf(command);
      const read = files.map(readListFile);
      const summary = await context.withStore(async (db) => {
        const imported = await importWatchlist(db, read, { name: options.name, ...(options.format ? { format: options.format } : {}), now: context.now });
        // A new version is screened against the whole registry in the background, by whichever server takes the job.
        if (imported.newVersion && options.screening) {
          const jobs = await JobQueue.open(db, { work: false, now: context.now });
          const id = await jobs.send('screen-registry', { list: imported.list }).finally(() => jobs.stop());
          process.stderr.write(`Queued the screening of the registry against ${imported.list} version ${imported.version} (job ${id}; see imketen jobs).\n`);
        }
        return imported;
      });
      context.stdout.write(`${describeWatchlistImport(summary)}\n`);
    });

  watchlist
    .command('list')
    .description('Lists the watchlists with their versions (newest first): when each was imported, from which files, its size and\nwhat changed.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const lists = await context.withStore((db) => listWatchlists(db));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(lists, null, 2)}\n` : renderWatchlists(lists));
    });
}

function readListFile(path: string): WatchlistFile {
  try {
    if (statSync(path).isDirectory()) throw new ImketenError('INVALID_INPUT', `${path} is a directory, not a list file.`);
    return { name: path, bytes: readFileSync(path) };
  } catch (error) {
    if (error instanceof ImketenError) throw error;
    throw new ImketenError('INVALID_INPUT', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
}

export function describeWatchlistImport(summary: WatchlistImportSummary): string {
  const size = `${summary.entries} entr${summary.entries === 1 ? 'y' : 'ies'}`;
  if (!summary.newVersion) return `Watchlist ${summary.list} is unchanged: still version ${summary.version} (${size}).`;
  return `Watchlist ${summary.list} version ${summary.version} (${FORMAT_NAMES[summary.format]}, ${size}): `
    + `${summary.added} added, ${summary.removed} removed, ${summary.changed} changed, ${summary.unchanged} unchanged.`;
}

function renderWatchlists(lists: readonly WatchlistListing[]): string {
  if (lists.length === 0) return 'No watchlists yet. Import one with `imketen watchlist import FILE... --name NAME`.\n';
  const lines: string[] = [];
  for (const list of lists) {
    lines.push(`${list.name}`);
    for (const version of list.versions) {
      lines.push(`  version ${String(version.version).padEnd(4)} ${version.importedAt.slice(0, 16).replace('T', ' ')}  ${String(version.entries).padStart(7)} entries  `
        + `+${version.added} -${version.removed} ~${version.changed}  ${version.format}  ${version.sources.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
