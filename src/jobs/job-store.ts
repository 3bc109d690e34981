/**
 * The rows behind `imketen jobs` and GET /api/jobs: pg-boss's own job table (schema pgboss, created by pg-boss when a
 * queue first starts) beside the progress this program records per job (job_progress, migration 033).
 */
import type { Queryable } from '../store/db.js';

export interface JobRow {
  id: string;
  queue: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  retryLimit: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  done: number;
  total: number | null;
  note: string | null;
  /** The error of a failed attempt, as pg-boss kept it. */
  error: string | null;
}

export async function recordProgress(tx: Queryable, jobId: string, queue: string, progress: { done: number; total?: number; note?: string }): Promise<void> {
  await tx.query(
    `INSERT INTO job_progress (job_id, queue, done, total, note, updated_at) VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (job_id) DO UPDATE SET done = EXCLUDED.done, total = COALESCE(EXCLUDED.total, job_progress.total), note = COALESCE(EXCLUDED.note, job_progress.note), updated_at = now()`,
    [jobId, queue, progress.done, progress.total ?? null, progress.note ?? null],
  );
}

/** The newest jobs, newest first (those pg-boss has not yet archived: the last 12 hours and every unfinished one). */
export async function listJobRows(tx: Queryable, options: { limit: number; queue?: string }): Promise<JobRow[]> {
  const [known] = await tx.query<{ exists: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS exists");
  if (!known?.exists) return [];
  return tx.query<JobRow>(
    `SELECT j.id::text AS id, j.name AS queue, j.state::text AS state, j.retry_count AS "retryCount", j.retry_limit AS "retryLimit",
            j.created_on AS "createdAt", j.started_on AS "startedAt", j.completed_on AS "completedAt",
            COALESCE(p.done, 0) AS done, p.total, p.note,
            CASE WHEN j.state IN ('failed', 'retry') THEN j.output->>'message' END AS error
     FROM pgboss.job j LEFT JOIN job_progress p ON p.job_id = j.id
     WHERE ($2::text IS NULL OR j.name = $2) AND j.name NOT LIKE '\\_\\_%'
     ORDER BY j.created_on DESC, j.id LIMIT $1`,
    [options.limit, options.queue ?? null],
  );
}

/** Jobs waiting or running, per queue and state (the metrics' queue depth). */
export async function countOpenJobs(tx: Queryable): Promise<{ queue: string; state: string; count: number }[]> {
  const [known] = await tx.query<{ exists: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS exists");
  if (!known?.exists) return [];
  return tx.query(
    `SELECT name AS queue, state::text AS state, count(*)::int AS count FROM pgboss.job
     WHERE state IN ('created', 'retry', 'active') AND name NOT LIKE '\\_\\_%' GROUP BY name, state`,
  );
}
