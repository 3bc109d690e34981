import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { attachDemoFiles } from '../../demo/attach-demo-files.js';
import { loadDemoCrossReferences } from '../../demo/demo-cross-references.js';
import { loadDemoWatchlist } from '../../demo/demo-watchlist.js';
import { generateDemo } from '../../demo/generate-demo.js';
import type { EventInput } from '../../domain/event.js';
import { ImketenError } from '../../domain/errors.js';
import { streamSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';
import type { FileStore } from '../../store/file-store/file-store.js';
import { openFileStore } from '../../store/file-store/file-store-config.js';
import { logPosition } from '../../store/event-store.js';
import { contextOf } from '../context.js';
import { describeImport, importWithProgress } from './import.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('load the deterministic, fictional demo registry')
    .description(
      'Loads a deterministic registry of fictional persons and cases from 2010 on, through the same checks as an import.\n'
      + 'At scale 1 its report for 2025 reproduces the figures of the 2024–2025 report to parliament; --scale N multiplies\n'
      + 'the volume (and every figure) by N, for benchmarks. The first replica\'s evidence items get files (drawn photos,\n'
      + 'a statement, PDFs), stored in the file store through the same path as `imketen evidence attach`. A fictional\n'
      + 'watchlist (\'demo-signaleringen\') is imported and the registry screened against it; the evident mismatches are rejected\n'
      + 'at once, so a dozen true hits and a few doubtful ones wait for review.\n'
      + 'Loading it twice changes nothing.',
    )
    .option('--scale <n>', 'multiply the volume by N', '1')
    .action(async (options: { scale: string }, command: Command) => {
      const context = contextOf(command);
      const scale = parseScale(options.scale);
      const files = await openFileStore(context.config.files);
      try {
        const { summary, filesAttached, screening, crossReferences } = await context.withStore((db) => loadDemo(db, scale, context.now, { store: files, uploadLimit: context.config.files.uploadLimit }));
        process.stderr.write(`${describeImport(summary)}\n`);
        if (filesAttached > 0) process.stderr.write(`Attached ${filesAttached} demo evidence files.\n`);
        if (screening.raised.length > 0) {
          process.stderr.write(`Screened the registry against the demo watchlist '${screening.list}': ${screening.raised.length} hits, of which ${screening.rejected} evident mismatches rejected by the demo's screening team; ${screening.raised.length - screening.rejected} wait for review.\n`);
        }
        if (crossReferences.raised.length > 0) {
          process.stderr.write(`Cross-referenced the registry: ${crossReferences.raised.length} pairs of persons known to different partners, of which ${crossReferences.rejected} rejected at once (a common name, other or no birth dates); ${crossReferences.raised.length - crossReferences.rejected} wait for review.\n`);
        }
      } finally {
        await files.close();
      }
    });
}

function parseScale(text: string): number {
  const scale = Number(text);
  if (!Number.isInteger(scale) || scale < 1 || scale > 10_000) {
    throw new ImketenError('INVALID_INPUT', `--scale must be a whole number from 1 to 10000, got '${text}'.`);
  }
  return scale;
}

/**
 * The demo as JSON Lines through the ordinary import: the demo is held to the same rules as any partner's file.
 * `registrations`, when given, collects the first replica's evidence.registered events as they pass.
 */
export function demoSource(scale: number, registrations?: EventInput[]) {
  const lines = (function* () {
    for (const event of generateDemo({ scale })) {
      if (registrations && event.type === 'evidence.registered' && !/-R\d+$/.test(event.stream)) registrations.push(event);
      yield `${JSON.stringify(event)}\n`;
    }
  })();
  return streamSource(`demo(scale ${scale})`, Readable.from(lines));
}

/** The file store the demo's evidence files go into, and its upload limit. */
export interface DemoFiles { store: FileStore; uploadLimit: number }

/** Imports the demo, attaches its evidence files when a file store is given, and screens it against its watchlist. */
export async function loadDemo(db: Db, scale: number, now: () => Date, files?: DemoFiles) {
  const registrations: EventInput[] = [];
  const summary = await importWithProgress(db, [demoSource(scale, registrations)], now, 'imketen demo');
  const filesAttached = files ? await attachDemoFiles(db, files.store, registrations, { maxBytes: files.uploadLimit, now }) : 0;
  const screening = await loadDemoWatchlist(db, now);
  const crossReferences = await loadDemoCrossReferences(db, now);
  return { summary, filesAttached, screening, crossReferences };
}

/** Loads the demo only into an empty registry. */
export async function loadDemoIfEmpty(db: Db, now: () => Date, files?: DemoFiles): Promise<boolean> {
  if ((await logPosition(db)) > 0) return false;
  await loadDemo(db, 1, now, files);
  return true;
}
