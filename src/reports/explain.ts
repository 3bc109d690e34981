/**
 * `--explain TABLE.ROW`: the records behind a published figure. For each column, the cases that make up the
 * figure, each with the event that put it there: for a stock row the event that brought the case into its phase,
 * for a flow row the counted event itself. A total lists the items of its table's other rows.
 */
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from '../store/db.js';
import { findTable, REPORT_TABLES, type RowDefinition } from './definitions.js';
import { flowEvents, stockCases, type Period } from './figures.js';
import { periodOf } from './compute-report.js';
import type { Language } from './report.js';

export interface ExplainedItem {
  /** The case: its stream, e.g. criminal/SZ-2023-004. */
  case: string;
  /** The row the item counts in (differs from the explained row only for totals). */
  row: string;
  /** The event that put the case there, and its legal date. */
  eventId: string;
  date: string;
  phase?: string;
}

export interface ExplainedColumn {
  year: number;
  referenceDate: string;
  value: number;
  items: ExplainedItem[];
  /**
   * Of a published figure: how many of the cases behind it were erased since (docs/retention.md, "Published
   * reports"). `value` stays the published figure; `items` lists the cases still there; the erased ones are a count.
   */
  erased?: number;
}

export interface Explanation {
  table: string;
  row: string;
  label: string;
  measure: RowDefinition['measure'];
  asRecordedAt: string;
  columns: ExplainedColumn[];
}

export function parseRowReference(reference: string): { tableId: string; rowId: string } {
  const dot = reference.lastIndexOf('.');
  const tableId = reference.slice(0, dot);
  const rowId = reference.slice(dot + 1);
  const table = findTable(tableId);
  if (dot <= 0 || !table || !table.rows.some((row) => row.id === rowId)) {
    const known = REPORT_TABLES.flatMap((t) => t.rows.map((row) => `${t.id}.${row.id}`));
    throw new ImketenError('UNKNOWN_REPORT_ROW', `Unknown report row '${reference}'. Known rows: ${known.join(', ')}.`);
  }
  return { tableId, rowId };
}

export async function explainRow(
  tx: Queryable, reference: string,
  resolved: { columns: number[]; referenceDates: Record<string, string>; asRecordedAt: string }, lang: Language = 'nl',
): Promise<Explanation> {
  const { tableId, rowId } = parseRowReference(reference);
  const table = findTable(tableId)!;
  const row = table.rows.find((candidate) => candidate.id === rowId)!;
  const rows = row.measure === 'total' ? table.rows.filter((candidate) => candidate.measure !== 'total') : [row];
  const columns: ExplainedColumn[] = [];
  for (const year of resolved.columns) {
    const period = periodOf(year, resolved.referenceDates, resolved.asRecordedAt);
    const items: ExplainedItem[] = [];
    for (const part of rows) items.push(...await itemsOf(tx, part, period));
    columns.push({ year, referenceDate: period.until, value: items.length, items });
  }
  return { table: tableId, row: rowId, label: row.label[lang], measure: row.measure, asRecordedAt: resolved.asRecordedAt, columns };
}

async function itemsOf(tx: Queryable, row: RowDefinition, period: Period): Promise<ExplainedItem[]> {
  switch (row.measure) {
    case 'stock':
      return (await stockCases(tx, row, period)).map((item) => ({ case: item.stream, row: row.id, eventId: item.sinceEvent, date: item.since, phase: item.phase }));
    case 'flow':
      return (await flowEvents(tx, row, period)).map((event) => ({ case: event.stream, row: row.id, eventId: event.eventId, date: event.date }));
    case 'total':
      return [];
    default: {
      const unreachable: never = row;
      return unreachable;
    }
  }
}
