import { hostname, userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { ruleConfig } from '../../config/rules.js';
import { ImketenError } from '../../domain/errors.js';
import { DIGEST_KINDS } from '../../notifications/digest-kinds.js';
import { sendDueDigests, type DigestOutcome } from '../../notifications/send-digests.js';
import { loadPolicy } from '../../policy/policy.js';
import { contextOf } from '../context.js';

export function registerNotifications(program: Command): void {
  const notifications = program
    .command('notifications')
    .summary('e-mail digests of waiting work: send the ones that are due (README, "Notifications")');
  notifications
    .command('send')
    .description(
      'Sends the e-mail digests that are due now: to every user who turned the digest on (preference page in the web\n'
      + 'app), once per day or ISO week, from the send hour on (IMKETEN_DIGEST_HOUR, default 7, Dutch time), with the\n'
      + 'counts of their waiting work and links — no names or case numbers. A digest already sent for the period (by a\n'
      + 'server\'s hourly job or an earlier run) is not sent again; nothing waiting means no mail. Needs SMTP settings\n'
      + '(IMKETEN_SMTP_HOST, IMKETEN_SMTP_FROM, IMKETEN_PUBLIC_URL, …). The reads for each digest are logged as the user\'s.',
    )
    .option('--dry-run', 'say what would be sent, and send nothing (the counts are still read, and logged)')
    .option('--policy <file>', 'the access policy file (default config/policy.json; use the servers\' own)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  imketen notifications send --dry-run\n  IMKETEN_SMTP_HOST=smtp.example.org IMKETEN_SMTP_FROM=imketen@example.org IMKETEN_PUBLIC_URL=https://imketen.example.org imketen notifications send')
    .action(async (options: { dryRun?: boolean; policy?: string; format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const mail = context.config.mail;
      if (!mail) throw new ImketenError('CONFIG_INVALID', 'E-mail is off: set IMKETEN_SMTP_HOST (with IMKETEN_SMTP_FROM and IMKETEN_PUBLIC_URL) to send digests. See README, "Notifications".');
      const policy = loadPolicy(options.policy);
      const outcomes = await context.withStore((db) => sendDueDigests(db, {
        mail, policy, rules: ruleConfig(), now: context.now, dryRun: options.dryRun === true, by: `${hostname()}:${userInfo().username}:imketen notifications send`,
      }));
      context.stdout.write(options.format === 'json' ? `${JSON.stringify(outcomes, null, 2)}\n` : renderOutcomes(outcomes, options.dryRun === true));
      const failed = outcomes.filter((outcome) => outcome.status === 'failed');
      if (failed.length > 0) throw new ImketenError('MAIL_FAILED', `${failed.length} of the digests could not be sent (the first: ${failed[0]!.error}); they are tried again on the next run.`);
    });
}

const STATUS_WORDS: Record<DigestOutcome['status'], string> = {
  sent: 'sent', empty: 'nothing waiting, no mail', 'already-done': 'done before for this period', 'not-due': 'not due yet', 'would-send': 'would be sent', failed: 'FAILED',
};

function renderOutcomes(outcomes: readonly DigestOutcome[], dryRun: boolean): string {
  if (outcomes.length === 0) return 'No user has turned the e-mail digest on.\n';
  const lines = outcomes.map((outcome) => {
    const counts = outcome.counts ? DIGEST_KINDS.filter((kind) => outcome.counts![kind]).map((kind) => `${kind} ${outcome.counts![kind]!.count}`).join(', ') : '';
    return `${outcome.username.padEnd(20)} ${outcome.period.padEnd(18)} ${STATUS_WORDS[outcome.status]}${counts ? ` (${counts})` : ''}${outcome.error ? `: ${outcome.error}` : ''}`;
  });
  return `${lines.join('\n')}\n${dryRun ? 'Dry run: nothing was sent or recorded.\n' : ''}`;
}
