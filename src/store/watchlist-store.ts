/**
 * The SQL of the watchlists (migration 011): lists, their versions, and their entries versioned by list entry id
 * and content hash. Rows in, rows out; the services decide what they mean.
 */
import type { WatchlistEntry } from '../matching/api.js';
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from '../store/db.js';

export interface WatchlistRow {
  id: number;
  name: string;
  createdAt: string;
}

export interface WatchlistVersionRow {
  watchlistId: number;
  version: number;
  importedAt: string;
  format: string;
  sources: string[];
  sourceHashes: string[];
  entries: number;
  added: number;
  removed: number;
  changed: number;
}

export interface StoredEntry {
  entryId: string;
  contentHash: string;
  entry: WatchlistEntry;
  validFromVersion: number;
}

const VERSION_COLUMNS = `watchlist_id AS "watchlistId", version, imported_at AS "importedAt", format, sources,
  source_hashes AS "sourceHashes", entries, added, removed, changed`;

/** The list of this name, created if it does not exist yet, locked until the transaction ends (one import at a time). */
export async function lockOrCreateWatchlist(tx: Queryable, name: string, now: string): Promise<WatchlistRow> {
  await tx.query('INSERT INTO watchlists (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, now]);
  const [row] = await tx.query<WatchlistRow>('SELECT id, name, created_at AS "createdAt" FROM watchlists WHERE name = $1 FOR UPDATE', [name]);
  return row!;
}

export async function findWatchlist(tx: Queryable, name: string): Promise<WatchlistRow | undefined> {
  const [row] = await tx.query<WatchlistRow>('SELECT id, name, created_at AS "createdAt" FROM watchlists WHERE name = $1', [name]);
  return row;
}

/** The list of this name, or WATCHLIST_NOT_FOUND naming the lists there are. */
export async function requireWatchlist(tx: Queryable, name: string): Promise<WatchlistRow> {
  const found = await findWatchlist(tx, name);
  if (found) return found;
  const names = (await tx.query<{ name: string }>('SELECT name FROM watchlists ORDER BY name')).map((row) => row.name);
  throw new ImketenError(
    'WATCHLIST_NOT_FOUND',
    `No watchlist named '${name}'. ${names.length ? `The lists are: ${names.join(', ')}.` : 'No list has been imported yet: run `imketen watchlist import FILE... --name NAME` first.'}`,
  );
}

export async function latestVersion(tx: Queryable, watchlistId: number): Promise<WatchlistVersionRow | undefined> {
  const [row] = await tx.query<WatchlistVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM watchlist_versions WHERE watchlist_id = $1 ORDER BY version DESC LIMIT 1`,
    [watchlistId],
  );
  return row;
}

/** Every list with all its versions, newest version first. */
export async function listVersions(tx: Queryable): Promise<Array<WatchlistRow & { versions: WatchlistVersionRow[] }>> {
  const lists = await tx.query<WatchlistRow>('SELECT id, name, created_at AS "createdAt" FROM watchlists ORDER BY name');
  const versions = await tx.query<WatchlistVersionRow>(`SELECT ${VERSION_COLUMNS} FROM watchlist_versions ORDER BY watchlist_id, version DESC`);
  return lists.map((list) => ({ ...list, versions: versions.filter((version) => version.watchlistId === list.id) }));
}

/** The ids and content hashes of the current entries. */
export async function currentEntryHashes(tx: Queryable, watchlistId: number): Promise<Map<string, string>> {
  const rows = await tx.query<{ entryId: string; contentHash: string }>(
    'SELECT entry_id AS "entryId", content_hash AS "contentHash" FROM watchlist_entries WHERE watchlist_id = $1 AND valid_until_version IS NULL',
    [watchlistId],
  );
  return new Map(rows.map((row) => [row.entryId, row.contentHash]));
}

/** The current entries; with `since`, only those added or changed after that version. */
export async function currentEntries(tx: Queryable, watchlistId: number, since?: number): Promise<StoredEntry[]> {
  return tx.query<StoredEntry>(
    `SELECT entry_id AS "entryId", content_hash AS "contentHash", entry, valid_from_version AS "validFromVersion"
     FROM watchlist_entries
     WHERE watchlist_id = $1 AND valid_until_version IS NULL AND ($2::integer IS NULL OR valid_from_version > $2::integer)
     ORDER BY entry_id`,
    [watchlistId, since ?? null],
  );
}

/** The entries of a version (an older version too: rows closed after it still count). */
export async function entriesAtVersion(tx: Queryable, watchlistId: number, version: number): Promise<StoredEntry[]> {
  return tx.query<StoredEntry>(
    `SELECT entry_id AS "entryId", content_hash AS "contentHash", entry, valid_from_version AS "validFromVersion"
     FROM watchlist_entries
     WHERE watchlist_id = $1 AND valid_from_version <= $2 AND (valid_until_version IS NULL OR valid_until_version > $2)
     ORDER BY entry_id`,
    [watchlistId, version],
  );
}

/** The ids of entries changed or removed after `since` (their rows of that time were closed since). */
export async function entriesClosedSince(tx: Queryable, watchlistId: number, since: number): Promise<Set<string>> {
  const rows = await tx.query<{ entryId: string }>(
    'SELECT DISTINCT entry_id AS "entryId" FROM watchlist_entries WHERE watchlist_id = $1 AND valid_until_version > $2',
    [watchlistId, since],
  );
  return new Set(rows.map((row) => row.entryId));
}

/** Closes the current rows of these entries as of `version` (changed or removed in it). */
export async function closeEntries(tx: Queryable, watchlistId: number, entryIds: readonly string[], version: number): Promise<void> {
  const chunk = 5000;
  for (let start = 0; start < entryIds.length; start += chunk) {
    await tx.query(
      'UPDATE watchlist_entries SET valid_until_version = $3 WHERE watchlist_id = $1 AND entry_id = ANY($2::text[]) AND valid_until_version IS NULL',
      [watchlistId, entryIds.slice(start, start + chunk), version],
    );
  }
}

/** Inserts entry rows valid from `version`, in multi-row batches (docs/architecture.md, stack traps). */
export async function insertEntries(
  tx: Queryable, watchlistId: number, version: number, rows: ReadonlyArray<{ entry: WatchlistEntry; contentHash: string }>,
): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await tx.query(
      `INSERT INTO watchlist_entries (watchlist_id, entry_id, content_hash, entry, valid_from_version)
       SELECT $1, entry_id, content_hash, entry, $2 FROM unnest($3::text[], $4::text[], $5::jsonb[]) AS batch (entry_id, content_hash, entry)`,
      [watchlistId, version, part.map((row) => row.entry.id), part.map((row) => row.contentHash), part.map((row) => JSON.stringify(row.entry))],
    );
  }
}

export async function insertVersion(tx: Queryable, row: WatchlistVersionRow): Promise<void> {
  await tx.query(
    `INSERT INTO watchlist_versions (watchlist_id, version, imported_at, format, sources, source_hashes, entries, added, removed, changed)
     VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7, $8, $9, $10)`,
    [row.watchlistId, row.version, row.importedAt, row.format, row.sources, row.sourceHashes, row.entries, row.added, row.removed, row.changed],
  );
}

export interface EntryChangeRow {
  entryId: string;
  /** The entry before the version (changed, removed), or null (added). */
  before: WatchlistEntry | null;
  /** The entry in the version (added, changed), or null (removed). */
  after: WatchlistEntry | null;
}

/**
 * What `version` changed against the version before it, by entry id: rows that start at the version (added, or
 * changed when a row of the same id ends there) and rows that end at it (removed, when none starts there).
 */
export async function versionChanges(tx: Queryable, watchlistId: number, version: number, limit: number): Promise<EntryChangeRow[]> {
  return tx.query<EntryChangeRow>(
    `SELECT coalesce(a.entry_id, b.entry_id) AS "entryId", b.entry AS before, a.entry AS after
     FROM (SELECT entry_id, entry FROM watchlist_entries WHERE watchlist_id = $1 AND valid_from_version = $2) a
     FULL JOIN (SELECT entry_id, entry FROM watchlist_entries WHERE watchlist_id = $1 AND valid_until_version = $2) b ON a.entry_id = b.entry_id
     ORDER BY 1 LIMIT $3`,
    [watchlistId, version, limit],
  );
}

export async function findVersion(tx: Queryable, watchlistId: number, version: number): Promise<WatchlistVersionRow | undefined> {
  const [row] = await tx.query<WatchlistVersionRow>(`SELECT ${VERSION_COLUMNS} FROM watchlist_versions WHERE watchlist_id = $1 AND version = $2`, [watchlistId, version]);
  return row;
}
