import { Option, type Command } from 'commander';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { authorisationOf, judgeAuthorisationEvent, listAuthorisations } from '../../policy/judge-authorisations.js';
import { contextOf } from '../context.js';

export function registerAuthorisations(program: Command): void {
  const authorisation = program
    .command('authorisation')
    .summary('authorisations of the investigating judge (R3): register and list');

  authorisation
    .command('register')
    .description("Records the written authorisation of the investigating judge for the OM to demand a suspect's 1F file (R3), as the\n"
      + 'event criminal.judge-authorisation on the criminal case it was given in. The case must be open with the person as its\n'
      + 'suspect; the validity runs from the decision on, capped by config/rules.json (durations.judgeAuthorisationMaxMonths).\n'
      + 'Retract it like any event (a `retracted` event on the case). Over the API only the OM may record it.')
    .requiredOption('--decision <reference>', "the judge's decision reference, e.g. 'RC 26/0077'")
    .requiredOption('--court <court>', "the investigating judge's court, e.g. 'Rechtbank Den Haag'")
    .requiredOption('--person <id>', 'the person, the suspect of the criminal case, e.g. P-0042')
    .requiredOption('--criminal-case <id>', 'the criminal case it was given in')
    .option('--exclusion-case <id>', 'the 1F file (exclusion case id); default every 1F file of the person')
    .requiredOption('--from <date>', 'valid from, YYYY-MM-DD')
    .requiredOption('--until <date>', 'valid until (inclusive), YYYY-MM-DD')
    .option('--decided-on <date>', "the day of the judge's decision (default today)")
    .action(async (options: { decision: string; court: string; person: string; criminalCase: string; exclusionCase?: string; from: string; until: string; decidedOn?: string }, command: Command) => {
      const context = contextOf(command);
      const event = judgeAuthorisationEvent({
        decisionReference: options.decision, court: options.court, personId: options.person, criminalCase: options.criminalCase,
        exclusionCase: options.exclusionCase, validFrom: options.from, validUntil: options.until,
        decidedOn: options.decidedOn ?? context.now().toISOString().slice(0, 10),
      });
      await context.withStore((db) => importEvents(db, [textSource('authorisation register', JSON.stringify(event))], { now: context.now }));
      const registered = authorisationOf({ ...event, recordedAt: context.now().toISOString() });
      context.stdout.write(`Registered authorisation ${registered.id}: ${registered.decisionReference} (${registered.court}) in ${registered.criminalCase} for ${registered.personId} (${registered.exclusionCase ?? 'every 1F file'}), valid ${registered.validFrom} to ${registered.validUntil}.\n`);
    });

  authorisation
    .command('list')
    .description('Lists the authorisations of the investigating judge as the registry knows them now (retracted ones left out).')
    .option('--person <id>', 'only those about this person')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { person?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const rows = await context.withStore((db) => listAuthorisations(db, { personId: options.person, limit: 10_000, recordedAsOf: context.now() }));
      const items = rows.map(({ seq: _seq, ...row }) => row);
      context.stdout.write(options.format === 'json'
        ? `${JSON.stringify(items, null, 2)}\n`
        : items.length === 0 ? 'No authorisations registered.\n'
          : `${items.map((row) => `${row.id}  ${row.decisionReference}  ${row.court}  ${row.criminalCase}  ${row.personId}  ${row.exclusionCase ?? '(every 1F file)'}  ${row.validFrom}..${row.validUntil}`).join('\n')}\n`);
    });
}
