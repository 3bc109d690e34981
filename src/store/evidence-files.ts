/**
 * SQL of the evidence register: what was derived from each stored file (migration 026), the evidence items a case's
 * events name, the files the events attach. docs/operations.md: SQL lives in src/store.
 */
import type { Db, Queryable } from './db.js';

export interface EvidenceFileRow {
  sha256: string;
  size: number;
  mediaType: string;
  perceptualHash: string | null;
  metadata: Record<string, unknown>;
  firstStoredAt: string;
}

/** Records what was derived from a file's bytes, once: the first upload of the bytes wins, a later one changes nothing. */
export async function recordEvidenceFile(tx: Queryable, row: EvidenceFileRow): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_files (sha256, size, media_type, perceptual_hash, metadata, first_stored_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (sha256) DO NOTHING`,
    [row.sha256, row.size, row.mediaType, row.perceptualHash, JSON.stringify(row.metadata), row.firstStoredAt],
  );
}

const COLUMNS = `sha256, size, media_type AS "mediaType", perceptual_hash AS "perceptualHash", metadata, first_stored_at AS "firstStoredAt"`;

export async function evidenceFiles(tx: Queryable, sha256s: readonly string[]): Promise<Map<string, EvidenceFileRow>> {
  if (sha256s.length === 0) return new Map();
  const rows = await tx.query<EvidenceFileRow>(`SELECT ${COLUMNS} FROM evidence_files WHERE sha256 = ANY($1::text[])`, [sha256s]);
  return new Map(rows.map((row) => [row.sha256, { ...row, size: Number(row.size) }]));
}

/** Every perceptual hash with the evidence streams whose events attach that file (as recorded now). */
export async function perceptualHashesWithStreams(tx: Queryable): Promise<{ sha256: string; perceptualHash: string; stream: string }[]> {
  return tx.query(
    `SELECT DISTINCT f.sha256, f.perceptual_hash AS "perceptualHash", e.stream
     FROM evidence_files f JOIN events e ON e.type = 'evidence.file-attached' AND e.data ->> 'sha256' = f.sha256
     WHERE f.perceptual_hash IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = e.stream AND r.data ->> 'event' = e.id)
     ORDER BY f.sha256, e.stream`,
  );
}

/** The evidence streams whose events name a case stream (registered with it or linked to it at some time). */
export async function evidenceStreamsNaming(tx: Queryable, caseStream: string): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>(
    "SELECT DISTINCT stream FROM events WHERE kind = 'evidence' AND refs @> ARRAY[$1]::text[] ORDER BY stream",
    [caseStream],
  );
  return rows.map((row) => row.stream);
}

/** Every file the event log attaches to an evidence item (retracted or not: the bytes are kept either way), with one item and name. */
export async function attachedFiles(tx: Queryable): Promise<{ sha256: string; size: number; stream: string; fileName: string }[]> {
  const rows = await tx.query<{ sha256: string; size: string | number; stream: string; fileName: string }>(
    `SELECT DISTINCT ON (data ->> 'sha256') data ->> 'sha256' AS sha256, (data ->> 'size')::bigint AS size, stream, data ->> 'fileName' AS "fileName"
     FROM events WHERE type = 'evidence.file-attached' ORDER BY data ->> 'sha256', seq`,
  );
  return rows.map((row) => ({ ...row, size: Number(row.size) }));
}

/** Advisory lock key space of one stored file: claims and removals of the same bytes take turns. */
async function lockFile(tx: Queryable, sha256: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(7210100, hashtext($1))", [sha256]);
}

/** Marks an upload of these bytes as under way (before the bytes get their hash name), so no removal takes them. */
export async function claimUpload(db: Db, sha256: string, claim: string, at: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockFile(tx, sha256);
    await tx.query('INSERT INTO evidence_upload_claims (sha256, claim, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sha256, claim, at]);
  });
}

/** The upload's event was accepted: the event now keeps the bytes. */
export async function releaseUpload(db: Db, sha256: string, claim: string): Promise<void> {
  await db.query('DELETE FROM evidence_upload_claims WHERE sha256 = $1 AND claim = $2', [sha256, claim]);
}

/**
 * The upload's event was refused: its claim ends, and when no event attaches the bytes and no other upload of them is
 * under way, `remove` runs (still under the file's lock, so no new claim slips in between) and what was derived from
 * the bytes is forgotten. True when the bytes were removed.
 */
export async function abandonUpload(db: Db, sha256: string, claim: string, remove: () => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockFile(tx, sha256);
    await tx.query('DELETE FROM evidence_upload_claims WHERE sha256 = $1 AND claim = $2', [sha256, claim]);
    const [kept] = await tx.query<{ kept: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM events WHERE type = 'evidence.file-attached' AND data ->> 'sha256' = $1)
           OR EXISTS (SELECT 1 FROM evidence_upload_claims WHERE sha256 = $1) AS kept`,
      [sha256],
    );
    if (kept?.kept) return false;
    await remove();
    await tx.query('DELETE FROM evidence_files WHERE sha256 = $1', [sha256]);
    return true;
  });
}

/** Of these stored hashes, those that no event attaches and no upload under way claims. */
export async function unreferencedFiles(tx: Queryable, sha256s: readonly string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = await tx.query<{ sha256: string }>(
    `SELECT h AS sha256 FROM unnest($1::text[]) AS h
     WHERE NOT EXISTS (SELECT 1 FROM events WHERE type = 'evidence.file-attached' AND data ->> 'sha256' = h)
       AND NOT EXISTS (SELECT 1 FROM evidence_upload_claims c WHERE c.sha256 = h)
     ORDER BY h`,
    [sha256s],
  );
  return rows.map((row) => row.sha256);
}
