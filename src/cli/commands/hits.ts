import { Option, type Command } from 'commander';
import { ImketenError } from '../../domain/errors.js';
import type { HitExplanation } from '../../matching/api.js';
import { describeHits, type HitView } from '../../screening/describe-hits.js';
import { findHit, findHits, reviewsOf, type Decision, type HitStatus } from '../../store/hits-store.js';
import { reviewHit } from '../../screening/review-hit.js';
import { requireWatchlist } from '../../store/watchlist-store.js';
import { contextOf } from '../context.js';
import { explainInOneLine, renderHitLine } from './screen.js';

const STATUSES = ['open', 'unsure', 'confirmed', 'rejected', 'review', 'all'] as const;
type StatusChoice = (typeof STATUSES)[number];

export function registerHits(program: Command): void {
  const hits = program
    .command('hits')
    .summary('review the hits of screening and cross-referencing: list, show, confirm, reject, unsure');

  hits
    .command('list')
    .description(
      'Lists hits, best first. By default those waiting for review: open (new, or the data of a side changed since the\n'
      + 'last decision) and unsure. A hit reviewed on data that has not changed keeps its decision.',
    )
    .option('--list <name>', 'only hits on this watchlist')
    .option('--registry', 'only cross-reference hits (pairs of registry persons)')
    .option('--person <id>', 'only hits about this person')
    .addOption(new Option('--status <status>', "which hits: 'review' = open and unsure").choices([...STATUSES]).default('review'))
    .option('--include-gone', 'also hits no longer found by the latest screening')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen hits list\n  imketen hits list --list un-sc --status confirmed\n  imketen hits list --registry')
    .action(async (options: { list?: string; registry?: boolean; person?: string; status: StatusChoice; includeGone?: boolean; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      if (options.list && options.registry) throw new ImketenError('INVALID_INPUT', 'Give --list or --registry, not both.');
      const statuses: HitStatus[] | undefined = options.status === 'all' ? undefined : options.status === 'review' ? ['open', 'unsure'] : [options.status];
      const views = await context.withStore(async (db) => {
        const watchlistId = options.list ? (await requireWatchlist(db, options.list)).id : undefined;
        const found = await findHits(db, {
          ...(options.registry ? { source: 'registry' as const } : options.list ? { source: 'watchlist' as const, watchlistId } : {}),
          ...(options.person ? { person: options.person } : {}), ...(statuses ? { statuses } : {}), currentOnly: !options.includeGone,
        });
        return describeHits(db, found);
      });
      if (options.format === 'json') {
        context.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
        return;
      }
      context.stdout.write(views.length === 0 ? 'No hits.\n' : `${views.map(renderHitLine).join('\n')}\n`);
    });

  hits
    .command('show')
    .description('Shows one hit: both sides, the explanation of the score, and every review decision.')
    .argument('<id>', 'the hit number (from `imketen hits list`)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, options: { format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const hitId = hitNumber(id);
      const { view, reviews } = await context.withStore(async (db) => {
        const hit = await findHit(db, hitId);
        if (!hit) throw new ImketenError('CASE_NOT_FOUND', `No hit ${hitId}. \`imketen hits list\` shows the hits waiting for review.`);
        return { view: (await describeHits(db, [hit]))[0]!, reviews: await reviewsOf(db, hitId) };
      });
      context.stdout.write(options.format === 'json' ? `${JSON.stringify({ ...view, reviews }, null, 2)}\n` : renderHit(view, reviews));
    });

  const decisions: Array<[command: string, decision: Decision, summary: string]> = [
    ['confirm', 'confirmed', 'the pair is the same person'],
    ['reject', 'rejected', 'the pair is not the same person: not raised again unless the data change'],
    ['unsure', 'unsure', 'cannot tell yet: stays on the review list'],
  ];
  for (const [name, decision, summary] of decisions) {
    hits
      .command(name)
      .description(`Records the decision '${decision}' on a hit — ${summary}. Decisions are logged (who, when, why) and never changed;\na later decision takes over.`)
      .argument('<id>', 'the hit number (from `imketen hits list`)')
      .requiredOption('--reason <text>', 'why (logged with the decision)')
      .requiredOption('--by <name>', 'who decides (logged with the decision)')
      .addHelpText('after', `\nExample:\n  imketen hits ${name} 12 --reason "${decision === 'rejected' ? 'born 1952 in Homs; the list entry 1976 in Baghdad' : 'same father\'s name and birth date as in the 1F file'}" --by j.jansen`)
      .action(async (id: string, options: { reason: string; by: string }, command: Command) => {
        const context = contextOf(command);
        const { hit } = await context.withStore((db) => reviewHit(db, { hitId: hitNumber(id), decision, reason: options.reason, by: options.by, now: context.now }));
        context.stdout.write(`Hit ${hit.id} (${hit.personId} ~ ${hit.counterpart}) is now ${hit.status}.\n`);
      });
  }
}

function hitNumber(text: string): number {
  const id = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) throw new ImketenError('INVALID_INPUT', `A hit is named by its number, e.g. 12; got '${text}'.`);
  return id;
}

function renderHit(hit: HitView, reviews: Awaited<ReturnType<typeof reviewsOf>>): string {
  const person = (summary: { id: string; names: string[]; birthDate: string | null; nationalities: string[] }) =>
    `${summary.id}: ${summary.names.join(' / ')}${summary.birthDate ? `, born ${summary.birthDate}` : ''}${summary.nationalities.length ? `, ${summary.nationalities.join(', ')}` : ''}`;
  const explanation = hit.explanation as HitExplanation;
  const lines = [
    `Hit #${hit.id}: ${hit.status}${hit.current ? '' : ' (no longer found by the latest screening)'}, score ${hit.score.toFixed(2)}`,
    `  registry person   ${person(hit.person)}`,
    hit.source === 'registry'
      ? `  other person      ${hit.otherPerson ? person(hit.otherPerson) : hit.counterpart}`
      : `  list entry        ${hit.list} version ${hit.listVersion}, ${hit.counterpart}: ${hit.entry?.names.join(' / ') ?? ''}${hit.entry?.birthDates?.length ? `, born ${hit.entry.birthDates.join(' or ')}` : ''}${hit.entry?.nationalities?.length ? `, ${hit.entry.nationalities.join(', ')}` : ''}`,
    `  why               ${explainInOneLine(explanation)}`,
    ...explanation.name.parts.map((part) => `                    ${part.query} ~ ${part.entry}: ${part.how} ${part.similarity.toFixed(2)}${part.detail ? ` (${part.detail})` : ''}`),
    `  found             ${hit.firstFoundAt}${hit.lastFoundAt !== hit.firstFoundAt ? `, last ${hit.lastFoundAt}` : ''}`,
    reviews.length ? '  decisions' : '  decisions         none yet',
    ...reviews.map((review) => `    ${review.reviewedAt}  ${review.decision.padEnd(9)} by ${review.reviewedBy}: ${review.reason}${review.personHash === hit.personHash && review.counterpartHash === hit.counterpartHash ? '' : '  [on earlier data]'}`),
  ];
  return `${lines.join('\n')}\n`;
}
