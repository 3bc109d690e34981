import { Option, type Command } from 'commander';
import { queryAccessLog, type AccessLogRow } from '../../access-log/access-log.js';
import { ImketenError } from '../../domain/errors.js';
import { contextOf } from '../context.js';

export function registerAccessLog(program: Command): void {
  program
    .command('access-log')
    .summary("the auditor's view: every access to one person's data, or every access one user made")
    .description('Lists entries of the hash-chained access log (who, when, what, purpose, legal basis, outcome) for one person or one user.\nThe API offers the same to the auditor role (GET /api/access-log).')
    .option('--person <id>', 'a person id, e.g. P-0042')
    .option('--user <username>', 'a username, e.g. om.demo (API tokens: token:<id>:<name>)')
    .option('--limit <n>', 'at most this many entries', '1000')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen access-log --person P-0042\n  imketen access-log --user om.demo --format json')
    .action(async (options: { person?: string; user?: string; limit: string; format: 'text' | 'json' }, command: Command) => {
      if (!options.person && !options.user) throw new ImketenError('INVALID_INPUT', 'Give --person ID or --user NAME: the access log is read per person or per user.');
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ImketenError('INVALID_INPUT', `--limit must be a positive whole number, got '${options.limit}'.`);
      const context = contextOf(command);
      const rows = await context.withStore((db) => queryAccessLog(db, { person: options.person, username: options.user, limit }));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : renderRows(rows));
    });
}

function renderRows(rows: AccessLogRow[]): string {
  if (rows.length === 0) return 'No accesses recorded.\n';
  return `${rows.map((row) => [
    `${row.at}  ${row.outcome.toUpperCase().padEnd(7)} ${row.username} (${row.role}, ${row.organisation})  ${row.action} ${row.resource}`,
    `    persons: ${row.persons.join(', ') || '—'}; purpose: ${row.purpose}`,
    `    ${row.outcome === 'allowed' ? `legal basis: ${row.legalBasis}` : `refused: ${row.reason}`}`,
  ].join('\n')).join('\n')}\n`;
}
