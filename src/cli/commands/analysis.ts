import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadAnalysisKey } from '../../config/analysis-key.js';
import { analysisTrends, exportAnalysis } from '../../operations/export-analysis.js';
import { refreshAnalysis } from '../../operations/record-analysis.js';
import { contextOf } from '../context.js';

export function registerAnalysis(program: Command): void {
  const analysis = program.command('analysis').summary('the pseudonymised analysis data: per-case facts by pseudonym, for the trend figures and researchers');
  analysis
    .command('refresh')
    .summary('record the analysis facts of every case changed since the last refresh')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      const key = loadAnalysisKey(context.config.analysisKeyFile);
      const recorded = await context.withStore((db) => db.transaction((tx) => refreshAnalysis(tx, key, context.now())));
      context.stdout.write(`Analysis facts recorded for ${recorded} case(s).\n`);
    });
  analysis
    .command('export')
    .summary('the analysis facts as JSON Lines, one case a line, by pseudonym: no registry id, name, date of birth or free text')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  imketen analysis export -o analysis.jsonl')
    .action(async (options: { output?: string }, command: Command) => {
      const context = contextOf(command);
      const key = loadAnalysisKey(context.config.analysisKeyFile);
      const rows = await context.withStore((db) => db.transaction((tx) => exportAnalysis(tx, key, context.now())));
      const text = rows.map((row) => JSON.stringify({ case: row.casePseudonym, person: row.personPseudonym, kind: row.kind, ...row.facts })).join('\n') + (rows.length > 0 ? '\n' : '');
      if (options.output) {
        await writeFile(options.output, text);
        context.stdout.write(`Written ${options.output}: ${rows.length} case(s).\n`);
      } else {
        context.stdout.write(text);
      }
    });
  analysis
    .command('trends')
    .summary('the trend figures (cases before a court, 1F decisions, departures) computed from the analysis facts alone')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      const key = loadAnalysisKey(context.config.analysisKeyFile);
      const today = context.now().toISOString().slice(0, 10);
      const years = await context.withStore((db) => db.transaction(async (tx) => {
        await refreshAnalysis(tx, key, context.now());
        return analysisTrends(tx, today);
      }));
      context.stdout.write(`${JSON.stringify(years, null, 2)}\n`);
    });
}
