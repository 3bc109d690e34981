import type { Command } from 'commander';
import { computeReport } from '../../reports/compute-report.js';
import { renderReport } from '../../reports/render/index.js';
import { contextOf } from '../context.js';
import { loadDemoIfEmpty } from './demo.js';

const DEFAULT_YEAR = 2025;

export function registerStart(program: Command): void {
  program
    .command('start')
    .summary('the main job: open the registry (loading the demo when it is empty) and print the yearly report')
    .description(`Opens the registry — the embedded database in the data directory unless DATABASE_URL names a PostgreSQL server —,\nloads the fictional demo registry when it is empty, and prints the yearly report for ${DEFAULT_YEAR}.`)
    .action(async (_options, command: Command) => {
      const context = contextOf(command);
      await context.withStore(async (db) => {
        const where = context.config.store.databaseUrl ? 'PostgreSQL' : `the embedded database in ${context.config.store.dataDir}`;
        if (await loadDemoIfEmpty(db, context.now)) process.stderr.write(`Loaded the demo registry into ${where}.\n`);
        else process.stderr.write(`Using ${where}.\n`);
        const report = await computeReport(db, { year: DEFAULT_YEAR }, context);
        context.stdout.write(await renderReport(report, 'text', 'nl'));
      });
    });
}
