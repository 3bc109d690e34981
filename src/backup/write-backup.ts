/**
 * `imketen backup`: the whole store as one consistent snapshot (a REPEATABLE READ, READ ONLY transaction; the
 * server keeps running — on PostgreSQL beside it, on the embedded store between its queries), table by table
 * through a cursor, so no table is held in memory whole. The lines go to `write`, which compresses them.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupAnalysisKey, type BackupHeader, type BackupSummary, type BackupTrailer, type TableEnd, type TableStart } from './format.js';
import { ident, listTables } from './tables.js';

const FETCH_ROWS = 2000;

/** `analysisKey`: the key of the analysis pseudonyms, written after the header so that a restore keeps them. */
export async function writeBackup(db: Db, write: (text: string) => Promise<void>, now: () => Date, analysisKey?: Buffer): Promise<BackupSummary> {
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const whole = createHash('sha256');
    const emit = async (line: string) => {
      whole.update(line);
      await write(line);
    };
    const migrations = await tx.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now().toISOString(), engine: db.engine, migrations };
    await emit(`${JSON.stringify(header)}\n`);
    if (analysisKey) await emit(`${JSON.stringify({ secret: 'analysis-hmac-key', hex: analysisKey.toString('hex') } satisfies BackupAnalysisKey)}\n`);
    const summary: BackupSummary = { tables: [], rows: 0, sha256: '' };
    for (const table of await listTables(tx)) {
      await emit(`${JSON.stringify({ table: table.name, columns: table.columns } satisfies TableStart)}\n`);
      const rowsHash = createHash('sha256');
      let rows = 0;
      await tx.exec(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${ident(table.name)} t ORDER BY ${table.key.map((column) => `t.${ident(column)}`).join(', ')}`);
      for (;;) {
        const page = await tx.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        if (page.length === 0) break;
        const text = page.map((item) => `{"row":${item.row}}\n`).join('');
        rowsHash.update(text);
        await emit(text);
        rows += page.length;
      }
      await tx.exec('CLOSE backup_rows');
      await emit(`${JSON.stringify({ end: table.name, rows, sha256: rowsHash.digest('hex') } satisfies TableEnd)}\n`);
      summary.tables.push({ name: table.name, rows });
      summary.rows += rows;
    }
    summary.sha256 = whole.digest('hex');
    await write(`${JSON.stringify({ end: BACKUP_FORMAT, tables: summary.tables.length, rows: summary.rows, sha256: summary.sha256 } satisfies BackupTrailer)}\n`);
    return summary;
  });
}
