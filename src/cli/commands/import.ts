import type { Command } from 'commander';
import type { ImportSummary } from '../../import/import-events.js';
import { operatorImport } from '../../import/operator-import.js';
import { fileSource, streamSource, type ImportSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';
import { contextOf } from '../context.js';
import { lineProgress, terminalProgress, type Progress } from '../progress.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .summary('load events (interchange format v1, JSON Lines) into the registry')
    .description(
      'Loads events in the interchange format v1 (JSON Lines, one event per line) from files, or from standard input\n'
      + "when FILE is '-'. Every line is checked (JSON, schema, references, state machines after replay in date order);\n"
      + 'one bad line and nothing is stored: all problems found are listed with file, line and field.\n'
      + 'Importing the same events again changes nothing.',
    )
    .argument('<files...>', "files of events, or '-' for standard input")
    .option('--progress-lines', 'report progress as plain lines on standard error (bytes read per file), also when not on a terminal')
    .addHelpText('after', '\nExamples:\n  imketen import events.jsonl\n  cat a.jsonl b.jsonl | imketen import -')
    .action(async (files: string[], options: { progressLines?: boolean }, command: Command) => {
      const context = contextOf(command);
      const sources = files.map((file): ImportSource => (file === '-' ? streamSource('<stdin>', process.stdin) : fileSource(file)));
      const summary = await context.withStore((db) => importWithProgress(db, sources, context.now, 'imketen import', options.progressLines ? lineProgress() : terminalProgress()));
      process.stderr.write(`${describeImport(summary)}\n`);
    });
}

/** An operator's import at the server: the file's recordedAt is kept, and the import is in the access log. */
export async function importWithProgress(
  db: Db, sources: ImportSource[], now: () => Date, command = 'imketen import', progress: Progress = terminalProgress(),
): Promise<ImportSummary> {
  try {
    return await operatorImport(db, sources, {
      now,
      command,
      onProgress: (step) => progress.update(step.bytes, step.totalBytes, step.phase === 'reading' ? `reading ${step.source}` : 'checking streams'),
    });
  } finally {
    progress.stop();
  }
}

export function describeImport(summary: ImportSummary): string {
  return `Imported ${summary.added} new event${summary.added === 1 ? '' : 's'} (${summary.unchanged} already present) in ${summary.streams} stream${summary.streams === 1 ? '' : 's'}.`;
}
