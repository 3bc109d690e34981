import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { generateDemo } from '../../demo/generate-demo.js';
import { ImketenError } from '../../domain/errors.js';
import { streamSource } from '../../import/sources.js';
import type { Db } from '../../store/db.js';
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
      + 'the volume (and every figure) by N, for benchmarks. Loading it twice changes nothing.',
    )
    .option('--scale <n>', 'multiply the volume by N', '1')
    .action(async (options: { scale: string }, command: Command) => {
      const context = contextOf(command);
      const scale = parseScale(options.scale);
      const summary = await context.withStore((db) => loadDemo(db, scale, context.now));
      process.stderr.write(`${describeImport(summary)}\n`);
    });
}

function parseScale(text: string): number {
  const scale = Number(text);
  if (!Number.isInteger(scale) || scale < 1 || scale > 10_000) {
    throw new ImketenError('INVALID_INPUT', `--scale must be a whole number from 1 to 10000, got '${text}'.`);
  }
  return scale;
}

/** The demo as JSON Lines through the ordinary import: the demo is held to the same rules as any partner's file. */
export function demoSource(scale: number) {
  const lines = (function* () {
    for (const event of generateDemo({ scale })) yield `${JSON.stringify(event)}\n`;
  })();
  return streamSource(`demo(scale ${scale})`, Readable.from(lines));
}

export async function loadDemo(db: Db, scale: number, now: () => Date) {
  return importWithProgress(db, [demoSource(scale)], now, 'imketen demo');
}

/** Loads the demo only into an empty registry. */
export async function loadDemoIfEmpty(db: Db, now: () => Date): Promise<boolean> {
  if ((await logPosition(db)) > 0) return false;
  await loadDemo(db, 1, now);
  return true;
}
