import { Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf, parseDate } from '../../domain/as-of.js';
import { RETENTION_PARTNERS } from '../../domain/rules/retention-config.js';
import type { RetentionPartner } from '../../domain/rules/retention-config.js';
import { listRetentionDue } from '../../operations/list-retention-due.js';
import type { Language } from '../../reports/report.js';
import { contextOf } from '../context.js';
import { renderRetentionCsv, renderRetentionTable } from '../render/retention.js';

export function registerRetention(program: Command): void {
  const retention = program.command('retention').summary('retention of personal data: what is due for removal, and what holds it');
  retention
    .command('due')
    .summary('the data past its retention term on a date: due for removal, or held (open case, appeal, legal hold, entry ban)')
    .addOption(new Option('--partner <partner>', 'only this partner\'s rules (chain: the identity records of persons)').choices([...RETENTION_PARTNERS]))
    .option('--on <date>', 'on this date, YYYY-MM-DD (default today)')
    .option('--as-recorded-at <time>', 'as the registry knew it at this time (ISO 8601)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen retention due --partner ind\n  imketen retention due --on 2030-01-01 --format csv > due.csv\n  imketen retention due --format json')
    .action(async (options: { partner?: RetentionPartner; on?: string; asRecordedAt?: string; format: 'table' | 'json' | 'csv'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      // --on, not --date: an error names the option typed.
      const asOf = { ...parseAsOf({ asRecordedAt: options.asRecordedAt }, context.now()), date: parseDate(options.on, context.now(), 'on') };
      const entries = await context.withStore((db) => listRetentionDue(db, { asOf, partner: options.partner }, ruleConfig()));
      const output = options.format === 'json' ? `${JSON.stringify(entries, null, 2)}\n`
        : options.format === 'csv' ? renderRetentionCsv(entries, options.lang)
          : renderRetentionTable(entries, asOf.date, options.lang);
      context.stdout.write(output);
    });
}
