/**
 * What one version of a watchlist changed against the version before it: the entries added, removed and changed
 * (with their names before and after), for the watchlists page of the web app. The counts come from the version's
 * own row (written at import); the entries listed are at most `limit`.
 */
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from '../store/db.js';
import { findVersion, requireWatchlist, versionChanges } from '../store/watchlist-store.js';

export interface EntrySummary {
  names: string[];
  kind: string | null;
  birthDates: string[];
  nationalities: string[];
}

export interface VersionChange {
  entryId: string;
  change: 'added' | 'removed' | 'changed';
  before: EntrySummary | null;
  after: EntrySummary | null;
}

export interface VersionChanges {
  list: string;
  version: number;
  importedAt: string;
  added: number;
  removed: number;
  changed: number;
  entries: VersionChange[];
  /** More changes than listed. */
  truncated: boolean;
}

function summary(entry: { names?: readonly string[]; kind?: string; birthDates?: readonly string[]; nationalities?: readonly string[] } | null): EntrySummary | null {
  if (!entry) return null;
  return { names: [...(entry.names ?? [])].slice(0, 5), kind: entry.kind ?? null, birthDates: [...(entry.birthDates ?? [])], nationalities: [...(entry.nationalities ?? [])] };
}

export async function listVersionChanges(tx: Queryable, name: string, version: number, limit = 200): Promise<VersionChanges> {
  const list = await requireWatchlist(tx, name);
  const row = await findVersion(tx, list.id, version);
  if (!row) throw new ImketenError('WATCHLIST_NOT_FOUND', `The watchlist '${name}' has no version ${version}.`);
  const rows = await versionChanges(tx, list.id, version, limit + 1);
  const entries = rows.slice(0, limit).map((change): VersionChange => ({
    entryId: change.entryId,
    change: change.before && change.after ? 'changed' : change.after ? 'added' : 'removed',
    before: summary(change.before),
    after: summary(change.after),
  }));
  return { list: list.name, version, importedAt: new Date(row.importedAt).toISOString(), added: row.added, removed: row.removed, changed: row.changed, entries, truncated: rows.length > limit };
}
