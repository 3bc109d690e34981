/**
 * The cases behind one figure of the yearly report, per column (src/reports/explain.ts).
 */
import { resolveRequest, type ReportContext } from '../reports/compute-report.js';
import { explainRow, type Explanation } from '../reports/explain.js';
import { findPublication, type Publication } from '../reports/publish.js';
import type { Language } from '../reports/report.js';
import type { Queryable } from '../store/db.js';

export interface ExplainFigureRequest {
  year: number;
  /** table.row, e.g. departures.forced */
  row: string;
  referenceDate?: string;
  asRecordedAt?: string;
  lang: Language;
}

export async function explainFigure(tx: Queryable, request: ExplainFigureRequest, context: ReportContext): Promise<Explanation> {
  const resolved = resolveRequest({ year: request.year, referenceDate: request.referenceDate, asRecordedAt: request.asRecordedAt }, context);
  const explanation = await explainRow(tx, request.row, resolved, request.lang);
  return withErasedCounts(explanation, await findPublication(tx, request.year));
}

/**
 * A figure of a published report, explained as of its publication: the cases still in the registry, and the cases
 * erased since as a count (docs/retention.md, "Published reports"). The published figure itself never changes.
 */
export function withErasedCounts(explanation: Explanation, publication: Publication | undefined): Explanation {
  if (!publication || publication.asRecordedAt !== explanation.asRecordedAt) return explanation;
  const row = publication.report.tables.find((table) => table.id === explanation.table)?.rows.find((candidate) => candidate.id === explanation.row);
  if (!row) return explanation;
  return {
    ...explanation,
    columns: explanation.columns.map((column) => {
      const published = row.values[String(column.year)];
      if (published === undefined || published <= column.items.length) return column;
      return { ...column, value: published, erased: published - column.items.length };
    }),
  };
}
