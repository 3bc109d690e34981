/**
 * The backup file (README, "Backup and restore"): gzip-compressed JSON Lines. A header (format, version, when, the
 * engine, the migrations of the store), then per table a line naming it and its columns, one line per row (the row
 * as PostgreSQL's to_jsonb gives it) and a line with the count and the SHA-256 of those row lines; last, a trailer
 * with the SHA-256 of every line before it. After the header, the key of the analysis pseudonyms (docs/retention.md,
 * "Pseudonymised analysis") when the store has one: restored with the store, the pseudonyms stay the same. A file cut short or changed is refused on restore before anything is
 * kept; a file whose hashes were recomputed after a change is refused by the hash chains of the logs.
 */
export const BACKUP_FORMAT = 'imketen-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: string;
  migrations: { version: number; name: string }[];
}

export interface TableStart {
  table: string;
  columns: string[];
}

export interface TableEnd {
  end: string;
  rows: number;
  sha256: string;
}

export interface BackupTrailer {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
  sha256: string;
}

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  sha256: string;
}

/** The analysis key's line (after the header): the key is as secret as the registry the backup holds. */
export interface BackupAnalysisKey {
  secret: 'analysis-hmac-key';
  hex: string;
}
