/**
 * The pseudonymised analysis data for researchers and the ministry (docs/retention.md, "Pseudonymised analysis"):
 * the per-case facts by pseudonym, brought up to date first, and the trend figures computed from them alone.
 * No direct identifier leaves: no registry id, name, date of birth, nationality or free text.
 */
import { trendsFromFacts, type AnalysisFacts, type AnalysisTrendYear } from '../reports/analysis-facts.js';
import type { Queryable } from '../store/db.js';
import { readAnalysisRows, type AnalysisRow } from '../store/analysis-store.js';
import { refreshAnalysis } from './record-analysis.js';
import { FIRST_TREND_YEAR } from './report-trends.js';

export async function exportAnalysis(tx: Queryable, key: Buffer, now: Date): Promise<AnalysisRow[]> {
  await refreshAnalysis(tx, key, now);
  return readAnalysisRows(tx);
}

/** The trend figures of every year since FIRST_TREND_YEAR up to today's, from the analysis facts. */
export async function analysisTrends(tx: Queryable, today: string): Promise<AnalysisTrendYear[]> {
  const rows = await readAnalysisRows(tx);
  const years: number[] = [];
  for (let year = FIRST_TREND_YEAR; year <= Number(today.slice(0, 4)); year += 1) years.push(year);
  return trendsFromFacts(rows.map((row) => ({ kind: row.kind, facts: row.facts as unknown as AnalysisFacts })), years, today);
}
