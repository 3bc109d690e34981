/**
 * The SQL of hits, their review decisions and the screening state (migration 011). A hit's status is derived: its
 * last review decision when that decision was made on the hit's current data hashes, otherwise `open`.
 */
import type { Queryable } from '../store/db.js';

export type HitSource = 'watchlist' | 'registry';
export const DECISIONS = ['confirmed', 'rejected', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];
export type HitStatus = 'open' | Decision;

export interface HitRow extends FoundHit {
  id: number;
  source: HitSource;
  watchlistId: number | null;
  /** The list's name (watchlist hits). */
  list: string | null;
  listVersion: number | null;
  firstFoundAt: string;
  lastFoundAt: string;
  current: boolean;
  status: HitStatus;
  /** The last decision, also when it was made on data that has changed since (then status is open). */
  lastDecision: { decision: Decision; reason: string; reviewedBy: string; reviewedAt: string; onCurrentData: boolean } | null;
}

export interface ReviewRow {
  seq: number;
  hitId: number;
  decision: Decision;
  reason: string;
  reviewedBy: string;
  reviewedAt: string;
  personHash: string;
  counterpartHash: string;
}

interface RawHit extends Omit<HitRow, 'status' | 'lastDecision'> {
  decision: Decision | null;
  reason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  onCurrentData: boolean | null;
}

const HIT_SELECT = `
  SELECT h.id, h.source, h.watchlist_id AS "watchlistId", w.name AS list, h.counterpart, h.person_id AS "personId", h.score,
         h.explanation, h.person_hash AS "personHash", h.counterpart_hash AS "counterpartHash", h.list_version AS "listVersion",
         h.first_found_at AS "firstFoundAt", h.last_found_at AS "lastFoundAt", h.current,
         r.decision, r.reason, r.reviewed_by AS "reviewedBy", r.reviewed_at AS "reviewedAt",
         (r.person_hash = h.person_hash AND r.counterpart_hash = h.counterpart_hash) AS "onCurrentData"
  FROM screening_hits h
  LEFT JOIN watchlists w ON w.id = h.watchlist_id
  LEFT JOIN LATERAL (SELECT * FROM hit_reviews x WHERE x.hit_id = h.id ORDER BY x.seq DESC LIMIT 1) r ON true`;

function toHit(raw: RawHit): HitRow {
  const { decision, reason, reviewedBy, reviewedAt, onCurrentData, ...hit } = raw;
  const lastDecision = decision ? { decision, reason: reason ?? '', reviewedBy: reviewedBy ?? '', reviewedAt: reviewedAt ?? '', onCurrentData: onCurrentData === true } : null;
  return { ...hit, status: lastDecision?.onCurrentData ? lastDecision.decision : 'open', lastDecision };
}

export interface HitFilter {
  source?: HitSource;
  watchlistId?: number;
  ids?: readonly number[];
  /** Hits where this person is either side. */
  person?: string;
  /** Only hits still found by the latest screening (default true). */
  currentOnly?: boolean;
  statuses?: readonly HitStatus[];
  limit?: number;
}

export async function findHits(tx: Queryable, filter: HitFilter = {}): Promise<HitRow[]> {
  const rows = await tx.query<RawHit>(
    `SELECT * FROM (${HIT_SELECT}
       WHERE ($1::text IS NULL OR h.source = $1)
         AND ($2::bigint IS NULL OR h.watchlist_id = $2)
         AND ($3::bigint[] IS NULL OR h.id = ANY($3::bigint[]))
         AND ($4::text IS NULL OR h.person_id = $4 OR (h.source = 'registry' AND h.counterpart = $4))
         AND (NOT $5::boolean OR h.current)) hits
     ORDER BY hits.score DESC, hits.id`,
    [filter.source ?? null, filter.watchlistId ?? null, filter.ids ?? null, filter.person ?? null, filter.currentOnly ?? true],
  );
  const hits = rows.map(toHit).filter((hit) => !filter.statuses || filter.statuses.includes(hit.status));
  return filter.limit === undefined ? hits : hits.slice(0, filter.limit);
}

export async function findHit(tx: Queryable, id: number): Promise<HitRow | undefined> {
  return (await findHits(tx, { ids: [id], currentOnly: false }))[0];
}

/** The identity and data hashes of the stored hits of a source, keyed `counterpart\u0000person`. */
export async function hitKeys(tx: Queryable, source: HitSource, watchlistId: number | null): Promise<Map<string, { id: number; personHash: string; counterpartHash: string; current: boolean; personId: string; counterpart: string }>> {
  const rows = await tx.query<{ id: number; personHash: string; counterpartHash: string; current: boolean; personId: string; counterpart: string }>(
    `SELECT id, person_hash AS "personHash", counterpart_hash AS "counterpartHash", current, person_id AS "personId", counterpart
     FROM screening_hits WHERE source = $1 AND coalesce(watchlist_id, 0) = $2`,
    [source, watchlistId ?? 0],
  );
  return new Map(rows.map((row) => [hitKey(row.counterpart, row.personId), row]));
}

export function hitKey(counterpart: string, personId: string): string {
  return `${counterpart}\u0000${personId}`;
}

export interface FoundHit {
  counterpart: string;
  personId: string;
  score: number;
  explanation: unknown;
  personHash: string;
  counterpartHash: string;
}

/** Inserts new hits in multi-row batches; returns their ids in the order given. */
export async function insertHits(tx: Queryable, source: HitSource, watchlistId: number | null, listVersion: number | null, hits: readonly FoundHit[], at: string): Promise<number[]> {
  const ids: number[] = [];
  const chunk = 1000;
  for (let start = 0; start < hits.length; start += chunk) {
    const part = hits.slice(start, start + chunk);
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO screening_hits (source, watchlist_id, counterpart, person_id, score, explanation, person_hash, counterpart_hash, list_version, first_found_at, last_found_at, current)
       SELECT $1, $2, counterpart, person_id, score, explanation, person_hash, counterpart_hash, $3, $4, $4, true
       FROM unnest($5::text[], $6::text[], $7::double precision[], $8::jsonb[], $9::text[], $10::text[]) WITH ORDINALITY
            AS batch (counterpart, person_id, score, explanation, person_hash, counterpart_hash, n)
       ORDER BY n
       RETURNING id`,
      [source, watchlistId, listVersion, at, ...hitColumns(part)],
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** Refreshes hits found again (score, explanation, data hashes), in batches. */
export async function updateHits(tx: Queryable, updates: ReadonlyArray<{ id: number; hit: FoundHit }>, listVersion: number | null, at: string): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < updates.length; start += chunk) {
    const part = updates.slice(start, start + chunk);
    const [, , score, explanation, personHash, counterpartHash] = hitColumns(part.map((update) => update.hit));
    await tx.query(
      `UPDATE screening_hits h SET score = b.score, explanation = b.explanation, person_hash = b.person_hash, counterpart_hash = b.counterpart_hash,
              list_version = $1, last_found_at = $2, current = true
       FROM unnest($3::bigint[], $4::double precision[], $5::jsonb[], $6::text[], $7::text[]) AS b (id, score, explanation, person_hash, counterpart_hash)
       WHERE h.id = b.id`,
      [listVersion, at, part.map((update) => update.id), score, explanation, personHash, counterpartHash],
    );
  }
}

function hitColumns(hits: readonly FoundHit[]): [string[], string[], number[], string[], string[], string[]] {
  return [
    hits.map((hit) => hit.counterpart), hits.map((hit) => hit.personId), hits.map((hit) => hit.score),
    hits.map((hit) => JSON.stringify(hit.explanation)), hits.map((hit) => hit.personHash), hits.map((hit) => hit.counterpartHash),
  ];
}

export async function markNotCurrent(tx: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await tx.query('UPDATE screening_hits SET current = false WHERE id = ANY($1::bigint[])', [ids]);
}

export async function insertReview(tx: Queryable, review: Omit<ReviewRow, 'seq'>): Promise<ReviewRow> {
  const [row] = await tx.query<ReviewRow>(
    `INSERT INTO hit_reviews (hit_id, decision, reason, reviewed_by, reviewed_at, person_hash, counterpart_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING seq, hit_id AS "hitId", decision, reason, reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt",
               person_hash AS "personHash", counterpart_hash AS "counterpartHash"`,
    [review.hitId, review.decision, review.reason, review.reviewedBy, review.reviewedAt, review.personHash, review.counterpartHash],
  );
  return row!;
}

export async function reviewsOf(tx: Queryable, hitId: number): Promise<ReviewRow[]> {
  return tx.query<ReviewRow>(
    `SELECT seq, hit_id AS "hitId", decision, reason, reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt",
            person_hash AS "personHash", counterpart_hash AS "counterpartHash"
     FROM hit_reviews WHERE hit_id = $1 ORDER BY seq`,
    [hitId],
  );
}

export interface ScreeningStateRow {
  personId: string;
  personHash: string;
  listVersion: number;
  threshold: number;
}

/** The last screening of each person against a source (of only these persons, when given: a re-screening of a few). */
export async function screeningState(tx: Queryable, source: HitSource, watchlistId: number | null, persons?: readonly string[]): Promise<Map<string, ScreeningStateRow>> {
  const rows = await tx.query<ScreeningStateRow>(
    `SELECT person_id AS "personId", person_hash AS "personHash", list_version AS "listVersion", threshold
     FROM screening_state WHERE source = $1 AND watchlist_id = $2${persons ? ' AND person_id = ANY($3::text[])' : ''}`,
    persons ? [source, watchlistId ?? 0, [...persons]] : [source, watchlistId ?? 0],
  );
  return new Map(rows.map((row) => [row.personId, row]));
}

export async function saveScreeningState(tx: Queryable, source: HitSource, watchlistId: number | null, rows: readonly ScreeningStateRow[], at: string): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await tx.query(
      `INSERT INTO screening_state (source, watchlist_id, person_id, person_hash, list_version, threshold, screened_at)
       SELECT $1, $2, person_id, person_hash, list_version, threshold, $3
       FROM unnest($4::text[], $5::text[], $6::integer[], $7::double precision[]) AS batch (person_id, person_hash, list_version, threshold)
       ON CONFLICT (source, watchlist_id, person_id) DO UPDATE
         SET person_hash = excluded.person_hash, list_version = excluded.list_version, threshold = excluded.threshold, screened_at = excluded.screened_at`,
      [source, watchlistId ?? 0, at, part.map((row) => row.personId), part.map((row) => row.personHash), part.map((row) => row.listVersion), part.map((row) => row.threshold)],
    );
  }
}

export interface RunRow {
  source: HitSource;
  watchlistId: number | null;
  listVersion: number | null;
  startedAt: string;
  startedBy: string;
  scope: Record<string, unknown>;
  threshold: number;
  personsInScope: number;
  personsFull: number;
  personsDelta: number;
  hitsFound: number;
  hitsRaised: number;
}

export async function insertRun(tx: Queryable, run: RunRow): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO screening_runs (source, watchlist_id, list_version, started_at, started_by, scope, threshold, persons_in_scope, persons_full, persons_delta, hits_found, hits_raised)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [run.source, run.watchlistId, run.listVersion, run.startedAt, run.startedBy, JSON.stringify(run.scope), run.threshold, run.personsInScope, run.personsFull, run.personsDelta, run.hitsFound, run.hitsRaised],
  );
  return row!.id;
}
