/**
 * Background jobs in the store itself, with pg-boss (README, "Background jobs"): the same code on both engines —
 * pg-boss runs its SQL through the store's own connection (`executeSql` below), so on the embedded store the queue
 * lives in the PGlite database and is worked in the server's process, and on PostgreSQL every server shares one
 * queue (rows taken with SKIP LOCKED, so each job runs once). Jobs are rows: they survive a restart of every server;
 * a job whose server died is expired and retried by pg-boss's maintenance.
 */
import PgBoss from 'pg-boss';
import type { Db } from '../store/db.js';
import { DIGEST_SCHEDULE, JOB_KINDS, type JobContext, type JobKind, type NotificationSettings } from './job-kinds.js';
import { recordProgress } from './job-store.js';

export interface JobQueueOptions {
  /** Work the jobs here (a server); a command that only sends jobs leaves this off. */
  work: boolean;
  now: () => Date;
  /** How often an idle worker looks for new jobs (seconds, at least 0.5). */
  pollSeconds?: number;
  /** Told of failures of pg-boss's own upkeep (the server logs them). */
  onError?: (error: Error) => void;
  /**
   * SMTP is configured (README, "Notifications"): this worker sends the e-mail digests, and keeps pg-boss's clock so
   * that the hourly schedule queues them.
   */
  notifications?: NotificationSettings;
}

export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  static async open(db: Db, options: JobQueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => runSql(db, text, values) },
      schedule: options.work && options.notifications !== undefined,
      supervise: options.work,
      migrate: true,
    });
    boss.on('error', (error: Error) => options.onError?.(error));
    await boss.start();
    for (const kind of Object.values(JOB_KINDS)) {
      if (!(await boss.getQueue(kind.queue))) {
        await boss.createQueue(kind.queue, { name: kind.queue, retryLimit: kind.retryLimit, retryDelay: kind.retryDelaySeconds, retryBackoff: true, expireInSeconds: kind.expireInSeconds })
          .catch(async (error: Error) => { if (!(await boss.getQueue(kind.queue))) throw error; });
      }
    }
    if (options.work && options.notifications) {
      await boss.schedule(JOB_KINDS['send-digests'].queue, DIGEST_SCHEDULE.cron, {}, { tz: DIGEST_SCHEDULE.timeZone });
    }
    const queue = new JobQueue(boss);
    if (options.work) {
      for (const kind of Object.values(JOB_KINDS)) {
        await boss.work(kind.queue, { pollingIntervalSeconds: options.pollSeconds ?? 2 }, async ([job]) => {
          const context: JobContext = {
            db, now: options.now,
            ...(options.notifications ? { notifications: options.notifications } : {}),
            progress: (progress) => recordProgress(db, job!.id, kind.queue, progress),
          };
          await kind.run(job!.data as never, context);
        });
      }
    }
    return queue;
  }

  /** Queues a job; returns its id. */
  async send<K extends JobKind>(kind: K, data: Parameters<(typeof JOB_KINDS)[K]['run']>[0], retry?: { limit: number; delaySeconds: number }): Promise<string> {
    const options = retry ? { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: false } : {};
    const id = await this.boss.send(JOB_KINDS[kind].queue, data as object, options);
    if (!id) throw new Error(`pg-boss did not queue the ${kind} job`);
    return id;
  }

  /** Stops taking jobs and waits for the running ones to finish (a graceful shutdown drains them). */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false });
  }
}

/**
 * pg-boss's statements through the store. Its schema comes as several statements without parameters, which
 * PGlite's query (a prepared statement) refuses with 42601: those run as one exec.
 */
async function runSql(db: Db, text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
  if (values && values.length > 0) return { rows: await db.query(text, values) };
  try {
    return { rows: (await db.query(text)) ?? [] };
  } catch (error) {
    if ((error as { code?: string }).code !== '42601') throw error;
    await db.exec(text);
    return { rows: [] };
  }
}
