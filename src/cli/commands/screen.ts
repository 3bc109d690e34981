import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { CASE_KINDS, type CaseKind } from '../../domain/event.js';
import { ImketenError, formatProblem } from '../../domain/errors.js';
import { fileSource, readLines, streamSource } from '../../import/sources.js';
import { DEFAULT_THRESHOLD, type HitExplanation } from '../../matching/api.js';
import { describeHits, type HitView } from '../../screening/describe-hits.js';
import { checkScreenOptions, openList, screenQueryLines, type QueryResult } from '../../screening/screen-queries.js';
import { screenRegistry, type RegistryScreeningSummary } from '../../screening/screen-registry.js';
import { contextOf, write } from '../context.js';

interface ScreenOptions {
  list: string;
  registry?: boolean;
  kind?: CaseKind;
  phase?: string;
  person?: string;
  threshold?: string;
  limit?: string;
  by?: string;
  format: 'text' | 'json';
}

export function registerScreen(program: Command): void {
  program
    .command('screen')
    .summary('screen names against a watchlist: a file of queries, or the persons of the registry')
    .description(
      'With a query file: screens each line {"id": "...", "name": "...", "birthDate"?: "...", "nationality"?: "..."}\n'
      + 'against the list and prints, per query, the hits at or above the threshold, best first, each with the\n'
      + 'explanation of its score. With --format json one line per query, in the order of the file:\n'
      + '  {"query": "<query id>", "hits": [{"id": "<list entry id>", "score": 0.93, "explanation": {...}}]}\n'
      + 'The file streams through line by line. A bad line is reported on standard error (file, line, field) and\n'
      + 'gets no output line; the other lines are screened, and the command then exits with code 2.\n\n'
      + 'With --registry: screens the persons of the registry (all names and aliases, birth date, nationalities), or\n'
      + 'those of one case kind and phase, and stores the hits for review (`imketen hits`). Only what changed is\n'
      + 'screened again: after a list update, the entries added or changed; a person whose data changed, against the\n'
      + 'whole list. A hit reviewed on unchanged data is not raised again.\n\n'
      + `Matching is a signal for a person, never a decision. The default threshold is ${DEFAULT_THRESHOLD}.`,
    )
    .argument('[queries]', "a JSON Lines file of queries, or '-' for standard input")
    .requiredOption('--list <name>', 'the watchlist (see `imketen watchlist list`)')
    .option('--registry', 'screen the persons of the registry instead of a query file')
    .addOption(new Option('--kind <kind>', 'with --registry: only the persons cases of this kind are about').choices([...CASE_KINDS]))
    .option('--phase <phase>', 'with --kind: only cases in this phase today, e.g. open')
    .option('--person <id>', 'with --registry: only this person')
    .option('--threshold <score>', `report hits scoring at least this, 0–1 (default ${DEFAULT_THRESHOLD})`)
    .option('--limit <k>', 'at most this many hits per query or person (default 10)')
    .option('--by <name>', 'with --registry: who runs the screening (recorded; default the system user)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', [
      '',
      'Examples:',
      '  imketen screen --list un-sc queries.jsonl --format json',
      '  imketen screen --list un-sc queries.jsonl --threshold 0.8 --limit 3',
      '  imketen screen --list un-sc --registry --kind exclusion --phase open     # every open 1F investigation',
      '  imketen screen --list ofac-sdn --registry',
    ].join('\n'))
    .action(async (queries: string | undefined, options: ScreenOptions, command: Command) => {
      const context = contextOf(command);
      const screenOptions = checkScreenOptions(numberOption('--threshold', options.threshold), numberOption('--limit', options.limit));
      if (options.registry) {
        if (queries !== undefined) throw new ImketenError('INVALID_INPUT', 'Give either a query file or --registry, not both.');
        if (options.phase && !options.kind) throw new ImketenError('INVALID_INPUT', '--phase belongs to a case kind: give --kind too (e.g. --kind exclusion --phase open).');
        const result = await context.withStore(async (db) => {
          const summary = await screenRegistry(db, {
            list: options.list, scope: { ...(options.kind ? { kind: options.kind } : {}), ...(options.phase ? { phase: options.phase } : {}), ...(options.person ? { person: options.person } : {}) },
            ...screenOptions, by: options.by ?? userInfo().username, now: context.now,
          });
          return { summary, raised: await describeHits(db, summary.raised) };
        });
        context.stdout.write(options.format === 'json'
          ? `${JSON.stringify({ ...result.summary, raised: result.raised }, null, 2)}\n`
          : renderRegistryRun(result.summary, result.raised, options));
        return;
      }
      if (queries === undefined) throw new ImketenError('INVALID_INPUT', "Give a query file (or '-' for standard input), or --registry to screen the registry's persons.");
      if (options.kind || options.phase || options.person) throw new ImketenError('INVALID_INPUT', '--kind, --phase and --person go with --registry.');
      const source = queries === '-' ? streamSource('<stdin>', process.stdin) : fileSource(queries);
      let bad = 0;
      let screened = 0;
      await context.withStore(async (db) => {
        const { index } = await openList(db, options.list);
        for await (const outcome of screenQueryLines(index, readLines(source), source.name, screenOptions)) {
          if ('problems' in outcome) {
            bad++;
            for (const problem of outcome.problems) process.stderr.write(`imketen: ${formatProblem(problem)}\n`);
            continue;
          }
          screened++;
          await write(context.stdout, options.format === 'json' ? `${JSON.stringify(outcome.result)}\n` : renderQueryResult(outcome.result));
        }
      });
      if (bad > 0) {
        throw new ImketenError('INVALID_INPUT', `${bad} of ${bad + screened} query line${bad + screened === 1 ? '' : 's'} in ${source.name} could not be screened (see above)${screened ? '; the others were' : ''}.`);
      }
    });
}

export function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new ImketenError('INVALID_INPUT', `${name} must be a number, got '${text}'.`);
  return value;
}

/** One line saying why a hit scored what it did: the closest names, then what birth date and nationality did. */
export function explainInOneLine(explanation: HitExplanation): string {
  const effect = (value: number) => (value === 0 ? '' : ` ${value > 0 ? '+' : ''}${value.toFixed(2)}`);
  return `"${explanation.name.queryName}" ~ "${explanation.name.entryName}": name ${explanation.nameScore.toFixed(2)}, `
    + `birth date ${explanation.birthDate.outcome}${explanation.birthDate.confirmsName ? ' (confirms the name)' : ''}${effect(explanation.birthDate.effect)}, nationality ${explanation.nationality.outcome}${effect(explanation.nationality.effect)}`;
}

function renderQueryResult(result: QueryResult): string {
  if (result.hits.length === 0) return `${result.query}: no hits\n`;
  const lines = [`${result.query}: ${result.hits.length} hit${result.hits.length === 1 ? '' : 's'}`];
  for (const hit of result.hits) lines.push(`  ${hit.score.toFixed(2)}  ${hit.id.padEnd(12)} ${explainInOneLine(hit.explanation)}`);
  return `${lines.join('\n')}\n`;
}

/** A hit in one line: its number (for `imketen hits`), status, score, the person and the counterpart. */
export function renderHitLine(hit: HitView): string {
  const other = hit.source === 'registry'
    ? `${hit.counterpart} ${hit.otherPerson?.names[0] ?? ''}`
    : `${hit.list}:${hit.counterpart} ${hit.entry?.names[0] ?? ''}`;
  return `  #${String(hit.id).padEnd(5)} ${hit.status.padEnd(9)} ${hit.score.toFixed(2)}  ${hit.personId} ${hit.person.names[0] ?? ''}  ~  ${other}${hit.current ? '' : '  (no longer found)'}`;
}

function renderRegistryRun(summary: RegistryScreeningSummary, raised: readonly HitView[], options: ScreenOptions): string {
  const scope = options.person ? `person ${options.person}` : options.kind ? `the persons of ${options.phase ? `${options.phase} ` : ''}${options.kind} cases` : 'every person';
  const lines = [
    `Screened ${scope} (${summary.personsInScope}) against ${summary.list} version ${summary.version}, threshold ${summary.threshold}:`,
    `  ${summary.personsFull} against the whole list, ${summary.personsDelta} against the entries changed since their last screening, ${summary.personsSkipped} unchanged on both sides.`,
    `  ${summary.hitsFound} hit${summary.hitsFound === 1 ? '' : 's'} found, ${summary.hitsGone} no longer found, ${raised.length} raised for review${raised.length ? ':' : '.'}`,
    ...raised.map(renderHitLine),
  ];
  if (raised.length) lines.push('', 'Review them with `imketen hits show ID` and `imketen hits confirm|reject|unsure ID --reason ... --by ...`.');
  return `${lines.join('\n')}\n`;
}
