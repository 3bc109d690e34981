/**
 * SQL of the evidence register: what was derived from each stored file (migration 026), the evidence items a case's
 * events name, the files the events attach. docs/operations.md: SQL lives in src/store.
 */
import type { Queryable } from './db.js';

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
