/**
 * Computes the yearly report (docs/domain.md §6) for year Y: the five tables for the columns Y−1 and Y, each figure as the
 * registry knew it at `asRecordedAt`. Given a figure cache (figure-cache.ts), asking again for the same report does
 * not rescan anything until the log grows; a report is a read and never writes the store.
 */
import type { CaseKind } from '../domain/event.js';
import { InvalidField } from '../domain/errors.js';
import { parseRecordedAt } from '../domain/as-of.js';
import type { Queryable } from '../store/db.js';
import type { FigureCache } from './figure-cache.js';
import { REPORT_TABLES, type RowDefinition, type StockRow } from './definitions.js';
import { countFlow, countStock, type Period } from './figures.js';
import { referenceDatesFor } from './reference-dates.js';
import type { Language, Report } from './report.js';

export interface ReportRequest {
  year: number;
  /** The reference date of the report year's column (YYYY-MM-DD); default 31 December, or today. */
  referenceDate?: string;
  /** Compute as the registry knew it at this time (ISO 8601); default now. */
  asRecordedAt?: string;
  lang?: Language;
}

/** tableId → rowId → column year → figure. */
export type Figures = Record<string, Record<string, Record<string, number>>>;

export interface ReportContext {
  now: () => Date;
  /** Remembers figures until the log grows (the server keeps one); without it every report is computed. */
  figures?: FigureCache;
}

export function resolveRequest(request: ReportRequest, context: ReportContext): { columns: number[]; referenceDates: Record<string, string>; asRecordedAt: string } {
  if (!Number.isInteger(request.year) || request.year < 1900 || request.year > 2999) {
    throw new InvalidField('year', 'a year such as 2025', String(request.year));
  }
  const now = context.now();
  const asRecordedAt = request.asRecordedAt === undefined ? now.toISOString() : parseRecordedAt(request.asRecordedAt);
  const today = now.toISOString().slice(0, 10);
  return {
    columns: [request.year - 1, request.year],
    referenceDates: referenceDatesFor(request.year, today, request.referenceDate),
    asRecordedAt,
  };
}

export function periodOf(column: number, referenceDates: Record<string, string>, asRecordedAt: string): Period {
  return { from: `${column}-01-01`, until: referenceDates[String(column)]!, asRecordedAt };
}

export async function computeReport(tx: Queryable, request: ReportRequest, context: ReportContext): Promise<Report> {
  const resolved = resolveRequest(request, context);
  const figures = await figuresOf(tx, resolved, request.asRecordedAt === undefined, context.figures);
  return assembleReport(request.year, resolved, figures, request.lang ?? 'nl');
}

export function assembleReport(
  year: number, resolved: { columns: number[]; referenceDates: Record<string, string>; asRecordedAt: string }, figures: Figures, lang: Language,
): Report {
  return {
    year,
    columns: resolved.columns,
    referenceDates: resolved.referenceDates,
    asRecordedAt: resolved.asRecordedAt,
    tables: REPORT_TABLES.map((table) => ({
      id: table.id,
      title: table.title[lang],
      rows: table.rows.map((row) => ({ id: row.id, label: row.label[lang], values: figures[table.id]![row.id]! })),
    })),
  };
}

/** The figures of the resolved columns, from the cache when it has them for the log as it is. */
export async function figuresOf(
  tx: Queryable, resolved: ReturnType<typeof resolveRequest>, asOfNow: boolean, cache: FigureCache | undefined,
): Promise<Figures> {
  const compute = () => computeFigures(tx, resolved.columns, resolved.referenceDates, resolved.asRecordedAt);
  if (!cache) return compute();
  // As of now the answer changes only when the log grows, whatever the clock says: one key for every "now".
  const key = JSON.stringify({ columns: resolved.columns, referenceDates: resolved.referenceDates, asRecordedAt: asOfNow ? 'now' : resolved.asRecordedAt });
  return cache.get(tx, key, compute);
}

export async function computeFigures(tx: Queryable, columns: number[], referenceDates: Record<string, string>, asRecordedAt: string): Promise<Figures> {
  const figures: Figures = {};
  for (const table of REPORT_TABLES) {
    figures[table.id] = Object.fromEntries(table.rows.map((row) => [row.id, {} as Record<string, number>]));
  }
  for (const column of columns) {
    const period = periodOf(column, referenceDates, asRecordedAt);
    const stockCounters = new Map<string, (row: StockRow) => number>();
    const flowCounts = new Map<string, Map<string, number>>();
    for (const table of REPORT_TABLES) {
      let sum = 0;
      for (const row of table.rows) {
        const value = await figureOf(tx, row, period, stockCounters, flowCounts, sum);
        if (row.measure !== 'total') sum += value;
        figures[table.id]![row.id]![String(column)] = value;
      }
    }
  }
  return figures;
}

async function figureOf(
  tx: Queryable, row: RowDefinition, period: Period,
  stockCounters: Map<string, (row: StockRow) => number>, flowCounts: Map<string, Map<string, number>>, sumSoFar: number,
): Promise<number> {
  switch (row.measure) {
    case 'stock': {
      const key = `${row.kind}:${row.attribute?.name ?? ''}`;
      let counter = stockCounters.get(key);
      if (!counter) {
        counter = await countStock(tx, row.kind as CaseKind, stockPhasesOf(row.kind, row.attribute?.name), row.attribute?.name, period);
        stockCounters.set(key, counter);
      }
      return counter(row);
    }
    case 'flow': {
      const key = `${row.eventType}:${row.where.field}`;
      let counts = flowCounts.get(key);
      if (!counts) {
        counts = await countFlow(tx, row.eventType, row.where.field, period);
        flowCounts.set(key, counts);
      }
      return counts.get(row.where.value) ?? 0;
    }
    case 'total':
      return sumSoFar;
    default: {
      const unreachable: never = row;
      return unreachable;
    }
  }
}

/** Every phase a stock row of this kind (and attribute) counts: one query serves all those rows. */
function stockPhasesOf(kind: CaseKind, attribute: string | undefined): string[] {
  const rows = REPORT_TABLES.flatMap((table) => table.rows)
    .filter((row): row is StockRow => row.measure === 'stock' && row.kind === kind && row.attribute?.name === attribute);
  return [...new Set(rows.flatMap((row) => row.phases))];
}
