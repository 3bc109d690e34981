import { Option, type Command } from 'commander';
import { listAuthorisations, registerAuthorisation } from '../../policy/judge-authorisations.js';
import { contextOf } from '../context.js';

export function registerAuthorisations(program: Command): void {
  const authorisation = program
    .command('authorisation')
    .summary('authorisations of the investigating judge (R3): register and list');

  authorisation
    .command('register')
    .description("Registers the written authorisation of the investigating judge for the OM to demand a suspect's 1F file (R3):\nthe decision reference, its scope (person, and one 1F file or all of them) and its validity.")
    .requiredOption('--decision <reference>', "the judge's decision reference, e.g. 'RC 26/0077'")
    .requiredOption('--person <id>', 'the person, e.g. P-0042')
    .option('--exclusion-case <id>', 'the 1F file (exclusion case id); default every 1F file of the person')
    .option('--criminal-case <id>', 'the criminal case it was given in')
    .requiredOption('--from <date>', 'valid from, YYYY-MM-DD')
    .requiredOption('--until <date>', 'valid until (inclusive), YYYY-MM-DD')
    .requiredOption('--by <name>', 'who registers it (recorded)')
    .action(async (options: { decision: string; person: string; exclusionCase?: string; criminalCase?: string; from: string; until: string; by: string }, command: Command) => {
      const context = contextOf(command);
      const registered = await context.withStore((db) => registerAuthorisation(db, {
        decisionReference: options.decision, personId: options.person, exclusionCase: options.exclusionCase, criminalCase: options.criminalCase,
        validFrom: options.from, validUntil: options.until,
      }, options.by, context.now()));
      context.stdout.write(`Registered authorisation ${registered.id}: ${registered.decisionReference} for ${registered.personId} (${registered.exclusionCase ?? 'every 1F file'}), valid ${registered.validFrom} to ${registered.validUntil}.\n`);
    });

  authorisation
    .command('list')
    .description('Lists the registered authorisations of the investigating judge.')
    .option('--person <id>', 'only those about this person')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { person?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const rows = await context.withStore((db) => listAuthorisations(db, { personId: options.person, limit: 10_000 }));
      context.stdout.write(options.format === 'json'
        ? `${JSON.stringify(rows, null, 2)}\n`
        : rows.length === 0 ? 'No authorisations registered.\n'
          : `${rows.map((row) => `${row.id}  ${row.decisionReference}  ${row.personId}  ${row.exclusionCase ?? '(every 1F file)'}  ${row.validFrom}..${row.validUntil}  by ${row.registeredBy}`).join('\n')}\n`);
    });
}
