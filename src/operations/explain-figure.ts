/**
 * The cases behind one figure of the yearly report, per column (src/reports/explain.ts).
 */
import { resolveRequest, type ReportContext } from '../reports/compute-report.js';
import { explainRow, type Explanation } from '../reports/explain.js';
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
  return explainRow(tx, request.row, resolved, request.lang);
}
