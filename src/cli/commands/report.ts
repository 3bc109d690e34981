import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ImketenError, InvalidField } from '../../domain/errors.js';
import { computeReport } from '../../reports/compute-report.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../reports/render/render-report.js';
import type { Language } from '../../reports/report.js';
import { contextOf, type CliContext } from '../context.js';
import { renderDiff, renderExplanation } from '../render/report-extras.js';

interface ReportOptions {
  referenceDate?: string;
  asRecordedAt?: string;
  format: ReportFormat;
  lang: Language;
  output?: string;
  explain?: string;
}

const langOption = () => new Option('--lang <lang>', 'language of labels').choices(['nl', 'en']).default('nl');
// Checked by requiredYear, not by commander: `report publish --year Y` hands --year to `report`, and a mandatory
// option of `report` would be demanded of `publish` and `diff` as well.
const yearOption = () => new Option('--year <year>', 'the report year Y: columns Y−1 and Y (required)');

/** The --year of the command or, as commander gives it there, of `report`. */
function requiredYear(command: Command): number {
  const { year } = command.optsWithGlobals<{ year?: string }>();
  if (year === undefined) command.error("error: required option '--year <year>' not specified");
  return parseYear(year);
}

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .summary('the yearly report to parliament: five tables for Y−1 and Y')
    .description(
      'Prints the five tables of the yearly report for the years Y−1 and Y. Stock rows count cases in a phase on the\n'
      + 'reference date (31 December, or today while the year is not over); flow rows count events dated in the year.\n'
      + 'Every figure can be computed as the registry knew it at an earlier time (--as-recorded-at).',
    )
    .addOption(yearOption())
    .option('--reference-date <date>', 'reference date (peildatum) of year Y, YYYY-MM-DD; Y−1 takes the same day a year earlier')
    .option('--as-recorded-at <time>', 'compute as the registry knew it at this time (ISO 8601, or a date: end of that day)')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file (required for docx on a terminal)')
    .option('--explain <table.row>', 'list, per column, the cases behind one figure, e.g. criminal-investigations.appeal')
    .addHelpText('after', [
      '',
      'Examples:',
      '  imketen report --year 2025',
      '  imketen report --year 2025 --format docx --output rapportage-2025.docx',
      '  imketen report --year 2025 --as-recorded-at 2026-01-15 --format json',
      '  imketen report --year 2025 --explain departures.forced',
      '  imketen report publish --year 2025',
      '  imketen report diff --year 2025',
    ].join('\n'))
    .action(async (options: ReportOptions, command: Command) => {
      const context = contextOf(command);
      const year = requiredYear(command);
      await context.withStore(async (db) => {
        if (options.explain) {
          const { explainFigure } = await import('../../operations/explain-figure.js');
          const explanation = await explainFigure(db, { year, row: options.explain, referenceDate: options.referenceDate, asRecordedAt: options.asRecordedAt, lang: options.lang }, context);
          await emit(context, options, options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation, options.lang));
          return;
        }
        const computed = await computeReport(db, { year, referenceDate: options.referenceDate, asRecordedAt: options.asRecordedAt, lang: options.lang }, context);
        await emit(context, options, await renderReport(computed, options.format, options.lang));
      });
    });

  report
    .command('publish')
    .description('freeze the report of a year: its figures, the time they were computed as of, and a SHA-256 of its JSON')
    .addOption(yearOption())
    .option('--reference-date <date>', 'reference date of year Y, YYYY-MM-DD')
    .action(async (options: { referenceDate?: string }, command: Command) => {
      const context = contextOf(command);
      const { publishReport } = await import('../../reports/publish.js');
      const publication = await context.withStore((db) => publishReport(db, requiredYear(command), context, options.referenceDate));
      context.stdout.write(`Published the report for ${publication.year} as recorded at ${publication.asRecordedAt}.\nSHA-256: ${publication.sha256}\n`);
    });

  report
    .command('diff')
    .description('show which figures changed since the report of a year was published, and the records that explain each change')
    .addOption(yearOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (options: { format: 'text' | 'json'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      const { diffWithPublication } = await import('../../reports/publish.js');
      const diff = await context.withStore((db) => diffWithPublication(db, requiredYear(command), context));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff, options.lang));
    });
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InvalidField('year', 'a year such as 2025', text);
  return Number(text);
}

async function emit(context: CliContext, options: { output?: string; format: string }, content: string | Buffer): Promise<void> {
  if (options.output) {
    writeFileSync(options.output, content);
    process.stderr.write(`Wrote ${options.output}\n`);
    return;
  }
  if (Buffer.isBuffer(content) && process.stdout.isTTY) {
    throw new ImketenError('INVALID_INPUT', `The ${options.format} format is binary: give --output FILE (e.g. --output rapportage.${options.format}).`);
  }
  context.stdout.write(content);
}
