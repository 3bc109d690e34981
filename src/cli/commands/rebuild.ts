import type { Command } from 'commander';
import { rebuildProjections } from '../../store/rebuild-projections.js';
import { contextOf } from '../context.js';
import { terminalProgress } from '../progress.js';

export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .summary('rebuild the projections (case phase history, evidence standing) from the event log')
    .description('Throws away the projections and replays every stream from the event log, in one transaction. Nothing in the\nevent log changes; reports and case lists read the rebuilt projection afterwards.')
    .action(async (_options, command: Command) => {
      const context = contextOf(command);
      const progress = terminalProgress();
      try {
        const result = await context.withStore((db) => rebuildProjections(db, (streams) => progress.update(streams, undefined, 'replaying streams')));
        progress.stop();
        process.stderr.write(`Rebuilt the projections: ${result.streams} streams, ${result.segments} phase segments, ${result.evidenceItems} evidence items with ${result.elementLinks} element links.\n`);
      } finally {
        progress.stop();
      }
    });
}
