/**
 * The tables a backup holds, read from the database's own catalogue so that a table a later migration adds is
 * backed up without a change here: every table of the schema but schema_migrations (which the backup records as its
 * header) and the transient ones (NOT_BACKED_UP), parents before the tables that refer to them, each with its key (the order rows are written in), its
 * columns (generated ones aside) and its identity columns (whose sequences a restore moves on).
 */
import type { Queryable } from '../store/db.js';

/** Sign-ins end with a restore (sessions, the throttle's failures), so does the progress of background jobs; the migrations are the backup's header. */
export const NOT_BACKED_UP: readonly string[] = ['schema_migrations', 'sessions', 'job_progress', 'sign_in_failures'];

/**
 * Reference data that the migrations themselves put in every new store (the default vocabularies, migration 037): an
 * empty store holds it, so it does not count as data in the way of a restore, and a restore replaces it with the
 * backup's own rows.
 */
export const SEEDED_BY_MIGRATIONS: readonly string[] = ['vocabulary_entries'];

export interface TableInfo {
  name: string;
  columns: string[];
  /** The primary key's columns, or every column when there is none. */
  key: string[];
  identity: string[];
}

export async function listTables(tx: Queryable): Promise<TableInfo[]> {
  const tables = await tx.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT (c.relname = ANY($1))
    ORDER BY c.relname`, [NOT_BACKED_UP]);
  const columns = await tx.query<{ table: string; column: string; identity: boolean; generated: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`);
  const keys = await tx.query<{ table: string; column: string }>(`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND i.indisprimary ORDER BY c.relname, k.position`);
  const references = await tx.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint f JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE f.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`);
  const infos = new Map<string, TableInfo>(tables.map((table) => [table.name, { name: table.name, columns: [], key: [], identity: [] }]));
  for (const column of columns) {
    const info = infos.get(column.table);
    if (!info || column.generated) continue;
    info.columns.push(column.column);
    if (column.identity) info.identity.push(column.column);
  }
  for (const key of keys) infos.get(key.table)?.key.push(key.column);
  for (const info of infos.values()) if (info.key.length === 0) info.key = [...info.columns];
  return parentsFirst([...infos.values()], references);
}

/** Orders the tables so that a table comes after every table it refers to (references among them form no cycle). */
function parentsFirst(tables: TableInfo[], references: readonly { child: string; parent: string }[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((table) => [table.name, table]));
  const visit = (table: TableInfo) => {
    if (placed.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const reference of references) {
      const parent = reference.child === table.name ? byName.get(reference.parent) : undefined;
      if (parent) visit(parent);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** A name quoted as an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
