import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { ImketenError } from '../../domain/errors.js';
import { exportLines } from '../../export/export-events.js';
import { contextOf, write } from '../context.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .summary('write the registry as interchange format v1 (JSON Lines)')
    .description('Writes every event, in order of arrival, as interchange format v1 JSON Lines: importing the output into an\nempty registry and exporting again gives the same bytes.')
    .option('--stream <id>', 'only this stream, e.g. criminal/SZ-2023-004')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  imketen export > registry.jsonl\n  imketen export --stream criminal/SZ-2023-004')
    .action(async (options: { stream?: string; output?: string }, command: Command) => {
      const context = contextOf(command);
      const out = options.output ? createWriteStream(options.output) : context.stdout;
      const count = await context.withStore(async (db) => {
        let lines = 0;
        for await (const line of exportLines(db, { stream: options.stream })) {
          await write(out, line);
          lines += 1;
        }
        return lines;
      });
      if (options.stream && count === 0) {
        throw new ImketenError('STREAM_NOT_FOUND', `No stream '${options.stream}' in the registry. Streams are named <kind>/<id>, e.g. criminal/SZ-2023-004.`);
      }
      if (options.output) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
    });
}
