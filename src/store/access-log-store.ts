/**
 * The SQL of the access log (table access_log): append rows already chained, read the newest hash, read
 * pages. The chain itself (what a row's hash covers, the lock) is src/access-log/access-log.ts and src/audit.
 */
import type { Queryable } from './db.js';

export interface AccessEntry {
  /** When, ISO 8601 UTC with milliseconds. */
  at: string;
  /** A signed-in user, an API token, or the operator at the server's command line (`imketen account …`, an import). */
  principalKind: 'user' | 'token' | 'operator';
  accountId: number | null;
  tokenId: number | null;
  username: string;
  organisation: string;
  role: string;
  /** The policy action, e.g. stream.read, events.append. */
  action: string;
  /** A stream (exclusion/IF-2023-017), or what was listed (cases:criminal, persons, export). */
  resource: string;
  /** The person ids concerned. */
  persons: string[];
  purpose: string;
  /** The legal basis the policy gave; null when refused. */
  legalBasis: string | null;
  outcome: 'allowed' | 'denied';
  /** Why it was refused, or what failed. */
  reason: string | null;
  requestId: string | null;
}

export interface AccessLogRow extends AccessEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash of the newest row, if any: what the next row chains onto. */
export async function lastAccessHash(tx: Queryable): Promise<string | undefined> {
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1');
  return last?.hash;
}

/** Inserts chained rows in one statement, in order; returns their sequence numbers. */
export async function insertAccessRows(tx: Queryable, entries: readonly AccessEntry[], prevs: readonly string[], hashes: readonly string[]): Promise<number[]> {
  const rows = await tx.query<{ seq: number }>(
    `INSERT INTO access_log (at, principal_kind, account_id, token_id, username, organisation, role, action, resource, persons,
                             purpose, legal_basis, outcome, reason, request_id, prev_hash, hash)
     SELECT at, principal_kind, account_id, token_id, username, organisation, role, action, resource,
            ARRAY(SELECT jsonb_array_elements_text(persons)),
            purpose, legal_basis, outcome, reason, request_id, prev_hash, hash
     FROM unnest($1::timestamptz[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
          WITH ORDINALITY AS batch (at, principal_kind, account_id, token_id, username, organisation, role, action, resource, persons,
                                    purpose, legal_basis, outcome, reason, request_id, prev_hash, hash, n)
     ORDER BY n
     RETURNING seq`,
    [
      entries.map((e) => e.at), entries.map((e) => e.principalKind), entries.map((e) => e.accountId), entries.map((e) => e.tokenId),
      entries.map((e) => e.username), entries.map((e) => e.organisation), entries.map((e) => e.role), entries.map((e) => e.action),
      entries.map((e) => e.resource),
      // Each row's persons as a JSON array: ids may hold any character but '/', so no separator is safe.
      entries.map((e) => JSON.stringify(e.persons)),
      entries.map((e) => e.purpose), entries.map((e) => e.legalBasis), entries.map((e) => e.outcome), entries.map((e) => e.reason),
      entries.map((e) => e.requestId), prevs, hashes,
    ],
  );
  return rows.map((row) => row.seq);
}

const COLUMNS = `seq, at, principal_kind AS "principalKind", account_id AS "accountId", token_id AS "tokenId", username, organisation,
  role, action, resource, persons, purpose, legal_basis AS "legalBasis", outcome, reason, request_id AS "requestId",
  prev_hash AS "prevHash", hash`;

/** The whole log in sequence order, a page at a time (for `imketen verify`). */
export async function readAccessLog(tx: Queryable, options: { afterSeq?: number; limit?: number } = {}): Promise<AccessLogRow[]> {
  return tx.query<AccessLogRow>(`SELECT ${COLUMNS} FROM access_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [options.afterSeq ?? 0, options.limit ?? 1000]);
}

/** What the auditor asks the access log: any of person, user, case (a stream's id) and a time range. */
export interface AccessLogFilter {
  person?: string;
  username?: string;
  /** A case id (SZ-2026-002) or a whole resource (criminal/SZ-2026-002): the accesses to that case. */
  resource?: string;
  /** Instants, ISO 8601 UTC: entries at or after `from`, before `until`. */
  from?: string;
  until?: string;
  /** 'oldest' first (the default, in sequence order) or 'newest' first. */
  order?: 'oldest' | 'newest';
  /** The cursor: the last seq of the previous page (in the chosen order). */
  afterSeq?: number;
  limit: number;
}

/**
 * The auditor's questions: the accesses to one person's data, by one user, to one case, in a time range — a page
 * at a time, oldest or newest first, paged by sequence number in the store (never the whole log in memory).
 */
export async function queryAccessLog(tx: Queryable, filter: AccessLogFilter): Promise<AccessLogRow[]> {
  const newest = filter.order === 'newest';
  const cursor = filter.afterSeq === undefined || filter.afterSeq === 0 ? null : filter.afterSeq;
  return tx.query<AccessLogRow>(
    `SELECT ${COLUMNS} FROM access_log
     WHERE ($1::text IS NULL OR persons @> ARRAY[$1]::text[]) AND ($2::text IS NULL OR username = $2)
       AND ($3::text IS NULL OR resource = $3 OR right(resource, length($3) + 1) = '/' || $3)
       AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)
       AND ($6::bigint IS NULL OR ${newest ? 'seq < $6' : 'seq > $6'})
     ORDER BY seq ${newest ? 'DESC' : 'ASC'} LIMIT $7`,
    [filter.person ?? null, filter.username ?? null, filter.resource ?? null, filter.from ?? null, filter.until ?? null, cursor, filter.limit],
  );
}
