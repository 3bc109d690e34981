/**
 * What runs in the background, one entry per kind of job: its queue, how often it is retried, and its work.
 * Screening after a list update screens every person against the new version (incrementally: persons and entries
 * unchanged since their last screening are skipped); re-screening after a change screens the changed persons against
 * every list.
 */
import { listWatchlists } from '../screening/list-watchlists.js';
import { screenRegistry } from '../screening/screen-registry.js';
import type { Db } from '../store/db.js';

export interface JobContext {
  db: Db;
  now: () => Date;
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
};

export type JobKind = keyof typeof JOB_KINDS;
