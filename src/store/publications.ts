/**
 * The SQL of published reports: written once per year, never replaced (the table refuses updates).
 */
import type { Queryable } from './db.js';

export interface PublicationRow<R> {
  year: number;
  publishedAt: string;
  asRecordedAt: string;
  sha256: string;
  report: R;
}

export async function insertPublication<R>(tx: Queryable, publication: PublicationRow<R>): Promise<void> {
  await tx.query(
    'INSERT INTO published_reports (year, published_at, as_recorded_at, report, sha256) VALUES ($1, $2, $3, $4, $5)',
    [publication.year, publication.publishedAt, publication.asRecordedAt, JSON.stringify(publication.report), publication.sha256],
  );
}

export async function selectPublication<R>(tx: Queryable, year: number): Promise<PublicationRow<R> | undefined> {
  const [row] = await tx.query<PublicationRow<R>>(
    `SELECT year, published_at AS "publishedAt", as_recorded_at AS "asRecordedAt", sha256, report
     FROM published_reports WHERE year = $1`,
    [year],
  );
  return row;
}
