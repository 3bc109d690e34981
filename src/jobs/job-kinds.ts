/**
 * What runs in the background, one entry per kind of job: its queue, how often it is retried, and its work.
 * Screening after a list update screens every person against the new version (incrementally: persons and entries
 * unchanged since their last screening are skipped); re-screening after a change screens the changed persons against
 * every list. Sending the due e-mail digests runs every hour (a pg-boss schedule, kept in the store: it survives a
 * restart, and one job per hour is queued however many servers keep time) on the servers that have SMTP configured.
 */
import { hostname } from 'node:os';
import type { MailConfig } from '../config/mail-config.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { sendDueDigests } from '../notifications/send-digests.js';
import type { Policy } from '../policy/policy.js';
import { listWatchlists } from '../screening/list-watchlists.js';
import { screenRegistry } from '../screening/screen-registry.js';
import type { Db } from '../store/db.js';

/** What sending the digests needs beside the store (README, "Notifications"): given to servers with SMTP configured. */
export interface NotificationSettings {
  mail: MailConfig;
  policy: Policy;
  rules: RuleConfig;
}

export interface JobContext {
  db: Db;
  now: () => Date;
  notifications?: NotificationSettings;
  progress(progress: { done: number; total?: number; note?: string }): Promise<void>;
}

interface JobKindDefinition<Data> {
  queue: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer (its server died) is given up and retried. */
  expireInSeconds: number;
  run(data: Data, context: JobContext): Promise<void>;
}

/** Who the screening runs of background jobs are recorded as. */
export const JOB_SCREENER = 'imketen (background job)';

export const JOB_KINDS = {
  'screen-registry': {
    queue: 'screen-registry', retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 3600,
    async run(data: { list: string }, context: JobContext) {
      await context.progress({ done: 0, total: 1, note: `screening the registry against ${data.list}` });
      const summary = await screenRegistry(context.db, { list: data.list, by: JOB_SCREENER, now: context.now });
      await context.progress({ done: 1, total: 1, note: `${data.list} version ${summary.version}: ${summary.personsInScope} persons, ${summary.raised.length} hits raised for review` });
    },
  } satisfies JobKindDefinition<{ list: string }>,
  'rescreen-persons': {
    queue: 'rescreen-persons', retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 3600,
    async run(data: { persons: string[] }, context: JobContext) {
      const lists = (await listWatchlists(context.db)).map((list) => list.name);
      const total = lists.length * data.persons.length;
      let done = 0;
      let raised = 0;
      await context.progress({ done, total, note: `re-screening ${data.persons.length} changed persons against ${lists.length} lists` });
      for (const list of lists) {
        for (const person of data.persons) {
          raised += (await screenRegistry(context.db, { list, scope: { person }, by: JOB_SCREENER, now: context.now })).raised.length;
          done += 1;
          await context.progress({ done });
        }
      }
      await context.progress({ done, total, note: `${data.persons.length} persons against ${lists.length} lists: ${raised} hits raised for review` });
    },
  } satisfies JobKindDefinition<{ persons: string[] }>,
  'send-digests': {
    queue: 'send-digests', retryLimit: 2, retryDelaySeconds: 300, expireInSeconds: 1800,
    async run(_data: Record<string, never>, context: JobContext) {
      if (!context.notifications) throw new Error('this server has no SMTP configured (IMKETEN_SMTP_HOST): it cannot send digests');
      const outcomes = await sendDueDigests(context.db, { ...context.notifications, now: context.now, by: `${hostname()}:${process.pid}` });
      const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
      await context.progress({ done: outcomes.length, total: outcomes.length, note: `${count('sent')} digests sent, ${count('empty')} with nothing waiting, ${count('already-done')} done before, ${count('not-due')} not yet due, ${count('failed')} failed` });
      const failed = outcomes.filter((outcome) => outcome.status === 'failed');
      // retried later: the digests sent stay claimed, only the failed ones are tried again
      if (failed.length > 0) throw new Error(`${failed.length} digests could not be sent: ${failed[0]!.error}`);
    },
  } satisfies JobKindDefinition<Record<string, never>>,
};

/** When the due digests are sent: every hour at five past, Dutch time (a digest is due from its send hour on). */
export const DIGEST_SCHEDULE = { cron: '5 * * * *', timeZone: 'Europe/Amsterdam' };

export type JobKind = keyof typeof JOB_KINDS;
