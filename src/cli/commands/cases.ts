import { Option, type Command } from 'commander';
import { CASE_KINDS, type CaseKind } from '../../domain/event.js';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf } from '../../domain/as-of.js';
import { deriveCase } from '../../operations/case-timeline.js';
import { listCases } from '../../operations/list-cases.js';
import { findStream } from '../../registry/find-stream.js';
import type { CaseAt } from '../../store/segments.js';
import { contextOf } from '../context.js';
import { renderCaseList, renderStreamView } from '../render/cases.js';

export function registerCases(program: Command): void {
  program
    .command('cases')
    .summary('list cases by kind and phase at a date')
    .description('Lists the cases of each kind (or one kind) with their phase on a date, as the registry knew it at a time.')
    .addOption(new Option('--kind <kind>', 'only this case kind').choices([...CASE_KINDS]))
    .option('--phase <phase>', 'only cases in this phase, e.g. investigation, appeal, open')
    .option('--date <date>', 'the date to look at, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen cases --kind criminal\n  imketen cases --kind departure --phase open --date 2024-12-31')
    .action(async (options: { kind?: CaseKind; phase?: string; date?: string; asRecordedAt?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const asOf = parseAsOf(options, context.now());
      const kinds = options.kind ? [options.kind] : CASE_KINDS;
      const lists = await context.withStore(async (db) => {
        const result: { kind: CaseKind; cases: CaseAt[] }[] = [];
        for (const kind of kinds) result.push({ kind, cases: await listCases(db, { kind, asOf, phase: options.phase }) });
        return result;
      });
      context.stdout.write(options.format === 'json'
        ? `${JSON.stringify({ date: asOf.date, asRecordedAt: asOf.recordedAt, kinds: lists }, null, 2)}\n`
        : renderCaseList(lists, asOf.date));
    });

  program
    .command('case')
    .summary("one person's or case's full timeline and what the rules derive")
    .description('Shows the timeline of a case or person — legal date and recorded time of every event, retractions — with its phase\nand what the law derives from it (e.g. the consequences of a 1F decision).')
    .argument('<id>', 'a stream name (criminal/SZ-2023-004) or a bare id (SZ-2023-004, P-0042)')
    .option('--date <date>', 'the state on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .action(async (id: string, options: { date?: string; asRecordedAt?: string; format: 'text' | 'json'; lang: 'nl' | 'en' }, command: Command) => {
      const context = contextOf(command);
      const asOf = parseAsOf(options, context.now());
      const { view, derived } = await context.withStore(async (db) => deriveCase(db, { stream: await findStream(db, id), asOf }, ruleConfig()));
      context.stdout.write(options.format === 'json'
        ? `${JSON.stringify({ ...view, derived }, null, 2)}\n`
        : renderStreamView(view, options.lang, derived.sentences.map((sentence) => sentence[options.lang])));
    });
}
