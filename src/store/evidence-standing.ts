/**
 * The SQL of the evidence standing projection (migration 036; README, "What each case rests on"): each evidence
 * item's standing as R8 needs it (conditions, consent, availability, verification, source) and its standing element
 * links, as the registry knows them now. Computed by the same SQL that replays them from the log for any moment
 * (./proof-reads.ts), run over every event of the items: refreshed for the items an import touches, in its
 * transaction; removed with an erasure (./erasure-store.ts); rebuilt by ./rebuild-projections.ts and when migration
 * 036 is applied (./migrate.ts).
 */
import type { Queryable } from './db.js';
import { EVIDENCE_STANDING_COLUMNS, EVIDENCE_STANDING_JOINS, evidenceStandingCtes } from './proof-reads.js';

/** The projection's tables, e.g. for an erasure's rewrite of what it touched. */
export const EVIDENCE_STANDING_TABLES = ['evidence_standing', 'evidence_element_links'] as const;

/**
 * Recomputes the projection rows of `streams` (evidence/<id>) from all their events, or of every item when `streams`
 * is 'all'. An item whose events were all erased has no rows.
 */
export async function refreshEvidenceStanding(tx: Queryable, streams: readonly string[] | 'all'): Promise<void> {
  const scoped = streams !== 'all';
  if (scoped && streams.length === 0) return;
  const params = scoped ? [[...streams]] : [];
  const scope = scoped ? '$1::text[]' : undefined;
  if (scoped) {
    await tx.query('DELETE FROM evidence_element_links WHERE stream = ANY($1::text[])', params);
    await tx.query('DELETE FROM evidence_standing WHERE stream = ANY($1::text[])', params);
  } else {
    await tx.exec('DELETE FROM evidence_element_links; DELETE FROM evidence_standing;');
  }
  // Every event of the items counts (any legal date, every retraction known): the projection is of now. One
  // statement, so the log is read once for both tables.
  await tx.query(
    `WITH ${evidenceStandingCtes("'infinity'::date", "'infinity'::timestamptz", scope)},
     items AS (
       SELECT stream, max(date) AS latest_date FROM events
       WHERE kind = 'evidence' AND data IS NOT NULL AND type <> 'retention.erased'${scope ? ` AND stream = ANY(${scope})` : ''}
       GROUP BY stream
     ),
     standing AS (
       INSERT INTO evidence_standing (stream, title, source_type, originator, available, unavailable_since, unavailable_reason, conditions, consent, verification, latest_date)
       SELECT stream, ${EVIDENCE_STANDING_COLUMNS}, items.latest_date FROM items ${EVIDENCE_STANDING_JOINS}
     )
     INSERT INTO evidence_element_links (stream, case_stream, offence, element, relation)
     SELECT stream, case_stream, offence, element, relation FROM links`,
    params,
  );
}

/** Rebuilds the whole projection from the log; returns how many items and element links it holds. */
export async function rebuildEvidenceStanding(tx: Queryable): Promise<{ items: number; links: number }> {
  await refreshEvidenceStanding(tx, 'all');
  const [counts] = await tx.query<{ items: number; links: number }>(
    'SELECT (SELECT count(*) FROM evidence_standing)::int AS items, (SELECT count(*) FROM evidence_element_links)::int AS links',
  );
  return counts!;
}

/** Recomputes the rows of the evidence items an import added events to (retractions of their events included). */
export async function refreshEvidenceStandingOfImport(tx: Queryable, importId: number): Promise<void> {
  const streams = await tx.query<{ stream: string }>("SELECT DISTINCT stream FROM events WHERE import_id = $1 AND kind = 'evidence'", [importId]);
  if (streams.length > 0) await refreshEvidenceStanding(tx, streams.map((row) => row.stream));
}

/** Removes the rows of erased items (their events' data is gone). */
export async function removeEvidenceStanding(tx: Queryable, streams: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM evidence_element_links WHERE stream = ANY($1::text[])', [[...streams]]);
  await tx.query('DELETE FROM evidence_standing WHERE stream = ANY($1::text[])', [[...streams]]);
}

/**
 * Whether the projection answers for legal date `date` (as the registry knows it now): when no item has an event
 * dated after it. An event dated ahead would count in the projection before its date.
 */
export async function evidenceStandingCovers(tx: Queryable, date: string): Promise<boolean> {
  const [row] = await tx.query<{ covers: boolean }>('SELECT coalesce(max(latest_date) <= $1::date, true) AS covers FROM evidence_standing', [date]);
  return row?.covers ?? true;
}
