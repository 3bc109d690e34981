import { Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf, parseDate } from '../../domain/as-of.js';
import { dateInWords } from '../../domain/dates.js';
import { ImketenError } from '../../domain/errors.js';
import { listWaitingWork, type WaitingWork } from '../../operations/list-waiting-work.js';
import { loadPolicy } from '../../policy/policy.js';
import type { Principal } from '../../policy/principal.js';
import { findAccountByUsername } from '../../store/accounts-store.js';
import { contextOf } from '../context.js';

type Language = 'nl' | 'en';

export function registerInbox(program: Command): void {
  program
    .command('inbox')
    .summary("what waits for a user: victims to inform, Article 3 reassessments, hearings, hits, cross-references, expiring authorisations")
    .description(
      "The task inbox of one account (README, Task inbox), as that account's role may see it under the access policy:\n"
      + 'what waits, overdue first, then by due date, with who of the organisation took it and whether it was marked done.\n'
      + 'A legal duty (R5, informing a victim) stays listed, marked done or not, until the victim-informed event is recorded.\n'
      + 'Assigning and marking done is done in the web app or over the API (POST /api/inbox/tasks/…), as the user.',
    )
    .requiredOption('--user <username>', 'the account whose inbox to show, e.g. om.demo')
    .option('--on <date>', 'on this date, YYYY-MM-DD (default today)')
    .option('--mine', 'only the tasks assigned to the user')
    .option('--include-done', 'also the tasks marked done (legal duties are always listed)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'language').choices(['nl', 'en']).default('nl'))
    .addHelpText('after', '\nExamples:\n  imketen inbox --user om.demo\n  imketen inbox --user dtv.demo --lang en --format json')
    .action(async (options: { user: string; on?: string; mine?: boolean; includeDone?: boolean; format: 'text' | 'json'; lang: Language }, command: Command) => {
      const context = contextOf(command);
      const asOf = { ...parseAsOf({}, context.now()), date: parseDate(options.on, context.now(), 'on') };
      const policy = loadPolicy();
      const work = await context.withStore(async (db) => {
        const account = await findAccountByUsername(db, options.user);
        if (!account) throw new ImketenError('ACCOUNT_NOT_FOUND', `No account '${options.user}' (imketen account list shows them).`);
        const principal: Principal = { kind: 'user', accountId: account.id, username: account.username, organisation: account.organisation, role: account.role };
        return listWaitingWork(db, { principal, asOf, includeDone: options.includeDone === true, ...(options.mine ? { assignee: account.username } : {}) }, { policy, rules: ruleConfig() });
      });
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(work.items, null, 2)}\n` : renderInbox(work, options.user, options.lang));
    });
}

const WORDS = {
  nl: { empty: 'Er wacht niets op', title: 'Wat wacht op', overdue: 'TE LAAT', due: 'uiterlijk', assigned: 'toegewezen aan', done: 'afgehandeld door', stillOpen: 'wettelijke plicht nog open' },
  en: { empty: 'Nothing waits for', title: 'What waits for', overdue: 'OVERDUE', due: 'due', assigned: 'assigned to', done: 'marked done by', stillOpen: 'legal duty still open' },
} as const;

export function renderInbox(work: WaitingWork, user: string, lang: Language): string {
  const words = WORDS[lang];
  if (work.items.length === 0) return `${words.empty} ${user} (${dateInWords(work.date, lang)}).\n`;
  const lines = [`${words.title} ${user} (${dateInWords(work.date, lang)}): ${work.items.length}`, ''];
  for (const item of work.items) {
    const flags = [
      item.assignee ? `${words.assigned} ${item.assignee.username}` : '',
      item.done ? `${words.done} ${item.done.by}${item.done.stillOpen ? ` — ${words.stillOpen}` : ''}` : '',
    ].filter(Boolean);
    lines.push(`${item.overdue ? `${words.overdue} ` : ''}${words.due} ${dateInWords(item.dueDate, lang)}  ${item.subject.text[lang]}${flags.length ? `\n    ${flags.join('; ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
