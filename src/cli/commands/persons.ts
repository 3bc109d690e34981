import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { loadPolicy } from '../../policy/policy.js';
import { crossReferenceRegistry } from '../../screening/cross-reference-registry.js';
import { describeHits } from '../../screening/describe-hits.js';
import { mergePersons, undoMerge } from '../../screening/merge-persons.js';
import { checkScreenOptions } from '../../screening/screen-queries.js';
import { SEARCH_THRESHOLD, searchPersons, type PersonMatch } from '../../screening/search-persons.js';
import { contextOf } from '../context.js';
import { explainInOneLine, numberOption, renderHitLine } from './screen.js';

export function registerPersons(program: Command): void {
  const persons = program
    .command('persons')
    .summary("the registry's persons by name: search, cross-reference across partners, merge and undo a merge");

  persons
    .command('search')
    .description(
      'Finds persons by name with the screening matcher: any script and transliteration ("Mohamad El Hassan" finds\n'
      + '"Mohammed al-Hassan" and "محمد الحسن"), aliases and the names of persons merged into another. Best first.',
    )
    .argument('<name>', 'a name or part of one')
    .option('--limit <k>', 'at most this many persons (default 20)')
    .option('--threshold <score>', `only matches scoring at least this, 0–1 (default ${SEARCH_THRESHOLD}: lower than screening's, for parts of names)`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen persons search "Mohamad El Hassan"\n  imketen persons search "محمد الحسن" --limit 5 --format json')
    .action(async (name: string, options: { limit?: string; threshold?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const checked = checkScreenOptions(numberOption('--threshold', options.threshold), numberOption('--limit', options.limit));
      const matches = await context.withStore((db) => searchPersons(db, name, { limit: checked.limit ?? 20, ...(checked.threshold !== undefined ? { threshold: checked.threshold } : {}) }));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(matches, null, 2)}\n` : renderMatches(name, matches));
    });

  persons
    .command('cross-reference')
    .description(
      'Compares every person of the registry with every other and stores, for review (`imketen hits list --registry`),\n'
      + 'the pairs that probably are the same person and are known to different partners: the police and OM through\n'
      + 'criminal cases, intakes, legal assistance and extraditions; the IND through 1F files; DT&V through departure\n'
      + "dossiers (who reads which kind is config/policy.json's). Through the API a partner learns only that a possible\n"
      + "match exists in another partner's files (hit/no-hit), unless the policy gives it a legal basis to see more.",
    )
    .option('--threshold <score>', 'pairs scoring at least this, 0–1 (default the screening threshold)')
    .option('--by <name>', 'who runs it (recorded; default the system user)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { threshold?: string; by?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const checked = checkScreenOptions(numberOption('--threshold', options.threshold), undefined);
      const { summary, raised } = await context.withStore(async (db) => {
        const run = await crossReferenceRegistry(db, { policy: loadPolicy(), ...checked, by: options.by ?? userInfo().username, now: context.now });
        return { summary: run, raised: await describeHits(db, run.raised) };
      });
      if (options.format === 'json') {
        context.stdout.write(`${JSON.stringify({ ...summary, raised }, null, 2)}\n`);
        return;
      }
      context.stdout.write([
        `Compared ${summary.persons} persons (threshold ${summary.threshold}): ${summary.pairsFound} pair${summary.pairsFound === 1 ? '' : 's'} known to different partners, ${summary.pairsGone} no longer found, ${raised.length} raised for review${raised.length ? ':' : '.'}`,
        ...raised.map(renderHitLine),
      ].join('\n') + '\n');
    });

  persons
    .command('merge')
    .description(
      'Merges a person into another after a confirmed cross-reference hit between them: records person.merged on the\n'
      + "absorbed person's stream (an extension of the interchange format). The absorbed person's history stays; it shows\n"
      + 'where the person went, and its names count for the other person in search and screening.',
    )
    .argument('<id>', 'the person absorbed, e.g. P-0107')
    .requiredOption('--into <id>', 'the person that lives on, e.g. P-0042')
    .requiredOption('--reason <text>', 'why (recorded in the event)')
    .addHelpText('after', '\nExample:\n  imketen persons merge P-0107 --into P-0042 --reason "confirmed match, hit 12: same passport number"')
    .action(async (id: string, options: { into: string; reason: string }, command: Command) => {
      const context = contextOf(command);
      const { eventId } = await context.withStore((db) => mergePersons(db, { person: id, into: options.into, reason: options.reason, now: context.now }));
      context.stdout.write(`Merged ${id} into ${options.into} (event ${eventId}). Undo with \`imketen persons unmerge ${id} --reason ...\`.\n`);
    });

  persons
    .command('unmerge')
    .description('Undoes the merge of a person by retracting its person.merged event; the history keeps both.')
    .argument('<id>', 'the person that was merged')
    .requiredOption('--reason <text>', 'why (recorded in the retraction)')
    .action(async (id: string, options: { reason: string }, command: Command) => {
      const context = contextOf(command);
      const result = await context.withStore((db) => undoMerge(db, { person: id, reason: options.reason, now: context.now }));
      context.stdout.write(`${id} is no longer merged into ${result.wasMergedInto} (retracted ${result.retracted} with ${result.eventId}).\n`);
    });
}

function renderMatches(name: string, matches: readonly PersonMatch[]): string {
  if (matches.length === 0) return `No person matches "${name}".\n`;
  return `${matches.map((match) => {
    const { person } = match;
    const details = [person.birthDate ? `born ${person.birthDate}` : '', person.nationalities.join(', '), person.absorbed.length ? `merged in: ${person.absorbed.join(', ')}` : ''].filter(Boolean).join('; ');
    return `${match.score.toFixed(2)}  ${person.id.padEnd(10)} ${person.names.join(' / ')}${details ? ` (${details})` : ''}\n        ${explainInOneLine(match.explanation)}`;
  }).join('\n')}\n`;
}
