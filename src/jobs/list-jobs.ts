/** `imketen jobs` and GET /api/jobs: the newest background jobs with their state and progress. */
import type { Queryable } from '../store/db.js';
import { listJobRows, type JobRow } from './job-store.js';

export type { JobRow } from './job-store.js';

export async function listJobs(tx: Queryable, options: { limit?: number; queue?: string } = {}): Promise<JobRow[]> {
  return listJobRows(tx, { limit: options.limit ?? 50, queue: options.queue });
}
