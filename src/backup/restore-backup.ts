/**
 * `imketen restore`: a backup (./format.ts) into an empty store — or, when told, in place of what the store holds —
 * in one transaction that is committed only when every line is as the backup's hashes say, the store's migrations
 * are the backup's, and the hash chains and checkpoints of the restored logs verify. Anything less leaves the store
 * as it was.
 */
import { createHash } from 'node:crypto';
import { verifyStore, type StoreVerification } from '../audit/verify-store.js';
import { ImketenError } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupAnalysisKey, type BackupHeader, type BackupSummary, type BackupTrailer, type TableEnd, type TableStart } from './format.js';
import { STORE_LOGS } from './store-logs.js';
import { ident, listTables, NOT_BACKED_UP, SEEDED_BY_MIGRATIONS, type TableInfo } from './tables.js';

const INSERT_ROWS = 1000;

export interface RestoreOptions {
  /** Replace what the store holds (else a store with any row is refused). */
  replace?: boolean;
  /** How the backup is named in messages (its file). */
  source: string;
}

export interface RestoreSummary extends BackupSummary {
  createdAt: string;
  /** The key of the analysis pseudonyms the backup holds (a backup of a store with one). */
  analysisKey?: Buffer;
  verification: StoreVerification;
}

export async function restoreBackup(db: Db, lines: AsyncIterable<string>, options: RestoreOptions): Promise<RestoreSummary> {
  return db.transaction(async (tx) => {
    const reader = new BackupReader(lines, options.source);
    const header = await reader.header();
    const tables = await listTables(tx);
    await checkMigrations(tx, header, options.source);
    await makeRoom(tx, tables, options.replace === true);
    const summary = await reader.rows(tables, (table, rows) => insertRows(tx, table, rows));
    for (const table of tables) await moveIdentities(tx, table);
    const verification = await verifyStore(tx, STORE_LOGS);
    if (!verification.ok) {
      const broken = [
        ...verification.logs.filter((log) => log.broken).map((log) => `${log.log}: broken at seq ${log.broken!.seq}: ${log.broken!.message}`),
        ...verification.checkpoints.filter((check) => !check.ok).map((check) => check.message),
        ...verification.sequence.map((check) => check.message),
      ];
      throw new ImketenError('TAMPER_DETECTED', `The backup ${options.source} does not verify, so nothing was restored: ${broken.join('; ')}.`);
    }
    return { ...summary, createdAt: header.createdAt, verification, ...(reader.analysisKey ? { analysisKey: reader.analysisKey } : {}) };
  });
}

async function checkMigrations(tx: Queryable, header: BackupHeader, source: string): Promise<void> {
  const here = (await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);
  const there = header.migrations.map((migration) => migration.version);
  if (here.join() !== there.join()) {
    throw new ImketenError('INVALID_INPUT', `The backup ${source} was made of a store at migration ${there.at(-1) ?? 'none'} (${there.length} migrations); this store is at ${here.at(-1) ?? 'none'} (${here.length}). Restore it with the imketen version that made it, then upgrade.`);
  }
}

/** Refuses a store that holds anything, unless told to replace it: then empties every table, triggers off. */
async function makeRoom(tx: Queryable, tables: readonly TableInfo[], replace: boolean): Promise<void> {
  const all = [...tables.map((table) => table.name), ...NOT_BACKED_UP.filter((name) => name !== 'schema_migrations')];
  const filled: string[] = [];
  for (const name of all) {
    if (SEEDED_BY_MIGRATIONS.includes(name)) continue;
    const [row] = await tx.query<{ filled: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(name)}) AS filled`);
    if (row?.filled) filled.push(name);
  }
  if (filled.length > 0 && !replace) {
    throw new ImketenError('INVALID_INPUT', `The store is not empty (${filled.join(', ')} hold rows): restore into an empty store, or give --replace to replace everything it holds.`);
  }
  // an empty store still holds what the migrations seeded: the backup's rows take its place
  const emptied = filled.length > 0 ? all : all.filter((name) => SEEDED_BY_MIGRATIONS.includes(name));
  if (emptied.length === 0) return;
  const list = emptied.map(ident).join(', ');
  for (const name of emptied) await tx.exec(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
  await tx.exec(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  for (const name of emptied) await tx.exec(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
}

async function insertRows(tx: Queryable, table: TableInfo, rows: readonly string[]): Promise<void> {
  const columns = table.columns.map(ident).join(', ');
  await tx.query(
    `INSERT INTO ${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM jsonb_populate_recordset(NULL::${ident(table.name)}, $1::jsonb)`,
    [`[${rows.join(',')}]`],
  );
}

/** Identity columns go on after the highest value restored. */
async function moveIdentities(tx: Queryable, table: TableInfo): Promise<void> {
  for (const column of table.identity) {
    await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(max(${ident(column)}), 0) + 1, false) FROM ${ident(table.name)}`, [ident(table.name), column]);
  }
}

/** Reads the lines of a backup in order, checking each table's and the whole file's SHA-256 as it goes. */
class BackupReader {
  private readonly iterator: AsyncIterator<string>;
  private readonly whole = createHash('sha256');
  private line = 0;
  /** The analysis key's line, if the backup has one (covered by the whole file's checksum). */
  analysisKey: Buffer | undefined;

  constructor(lines: AsyncIterable<string>, private readonly source: string) {
    this.iterator = lines[Symbol.asyncIterator]();
  }

  private damaged(message: string): ImketenError {
    return new ImketenError('INVALID_INPUT', `The backup ${this.source} is damaged at line ${this.line}: ${message}. Nothing was restored.`);
  }

  private async next(): Promise<string | undefined> {
    const { value, done } = await this.iterator.next();
    if (done) return undefined;
    this.line += 1;
    return value;
  }

  private parse<T>(text: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw this.damaged('not a JSON line');
    }
  }

  async header(): Promise<BackupHeader> {
    const text = await this.next();
    const header = text === undefined ? undefined : this.parse<Partial<BackupHeader>>(text);
    if (header?.format !== BACKUP_FORMAT) throw new ImketenError('INVALID_INPUT', `${this.source} is not an imketen backup (made by \`imketen backup -o FILE\`).`);
    if (header.version !== BACKUP_VERSION) throw new ImketenError('INVALID_INPUT', `The backup ${this.source} has format version ${header.version}; this imketen reads version ${BACKUP_VERSION}.`);
    this.whole.update(`${text}\n`);
    return header as BackupHeader;
  }

  /** Hands the rows of each table to `insert` in batches; returns what was restored once the trailer checks out. */
  async rows(tables: readonly TableInfo[], insert: (table: TableInfo, rows: string[]) => Promise<void>): Promise<BackupSummary> {
    const known = new Map(tables.map((table) => [table.name, table]));
    const summary: BackupSummary = { tables: [], rows: 0, sha256: '' };
    for (;;) {
      const text = await this.next();
      if (text === undefined) throw this.damaged('the file ends before its last line (cut short?)');
      const item = this.parse<Partial<TableStart & BackupTrailer>>(text);
      if (item.end === BACKUP_FORMAT) {
        const sha256 = this.whole.digest('hex');
        if (item.sha256 !== sha256 || item.rows !== summary.rows || item.tables !== summary.tables.length) throw this.damaged('its content does not match the checksum in its last line');
        if ((await this.next()) !== undefined) throw this.damaged('there are lines after the last one');
        summary.sha256 = sha256;
        return summary;
      }
      this.whole.update(`${text}\n`);
      const secret = item as Partial<BackupAnalysisKey>;
      if (secret.secret !== undefined) {
        if (secret.secret !== 'analysis-hmac-key' || typeof secret.hex !== 'string' || !/^(?:[0-9a-f]{2}){32,}$/.test(secret.hex) || this.analysisKey || summary.tables.length > 0) throw this.damaged('an unknown or misplaced key line');
        this.analysisKey = Buffer.from(secret.hex, 'hex');
        continue;
      }
      const table = item.table === undefined ? undefined : known.get(item.table);
      if (!table) throw this.damaged(item.table === undefined ? 'a table was expected' : `this store has no table ${item.table}`);
      if ([...(item.columns ?? [])].sort().join() !== [...table.columns].sort().join()) throw this.damaged(`the columns of ${table.name} differ from this store's`);
      summary.tables.push({ name: table.name, rows: await this.table(table, insert) });
      summary.rows += summary.tables.at(-1)!.rows;
    }
  }

  private async table(table: TableInfo, insert: (table: TableInfo, rows: string[]) => Promise<void>): Promise<number> {
    const hash = createHash('sha256');
    let batch: string[] = [];
    let rows = 0;
    for (;;) {
      const text = await this.next();
      if (text === undefined) throw this.damaged(`the file ends inside table ${table.name} (cut short?)`);
      this.whole.update(`${text}\n`);
      if (text.startsWith('{"row":') && text.endsWith('}')) {
        hash.update(`${text}\n`);
        batch.push(text.slice('{"row":'.length, -1));
        rows += 1;
        if (batch.length >= INSERT_ROWS) {
          await this.insert(insert, table, batch);
          batch = [];
        }
        continue;
      }
      const end = this.parse<Partial<TableEnd>>(text);
      if (end.end !== table.name) throw this.damaged(`a row or the end of ${table.name} was expected`);
      if (end.rows !== rows || end.sha256 !== hash.digest('hex')) throw this.damaged(`the rows of ${table.name} do not match their checksum`);
      if (batch.length > 0) await this.insert(insert, table, batch);
      return rows;
    }
  }

  private async insert(insert: (table: TableInfo, rows: string[]) => Promise<void>, table: TableInfo, rows: string[]): Promise<void> {
    try {
      await insert(table, rows);
    } catch (error) {
      throw this.damaged(`rows of ${table.name} before this line cannot be restored (${(error as Error).message})`);
    }
  }
}
