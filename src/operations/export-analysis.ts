/**
 * The pseudonymised analysis data for researchers and the ministry (docs/retention.md, "Pseudonymised analysis"):
 * the per-case facts by pseudonym, brought up to date first, and the trend figures computed from them alone.
 * No direct identifier leaves: no registry id, name, date of birth, nationality or free text.
 */
import { trendsFromFacts, type AnalysisFacts, type AnalysisTrendYear } from '../reports/analysis-facts.js';
import type { Queryable } from '../store/db.js';
import { analysisFreshness, readAnalysisRows, type AnalysisRow } from '../store/analysis-store.js';
import { referenceDatesFor } from '../reports/reference-dates.js';
import { refreshAnalysis } from './record-analysis.js';
import { FIRST_TREND_YEAR } from './report-trends.js';

export async function exportAnalysis(tx: Queryable, key: Buffer, now: Date): Promise<AnalysisRow[]> {
  await refreshAnalysis(tx, key, now);
  return readAnalysisRows(tx);
}

/** The trend figures of every year since FIRST_TREND_YEAR up to today's (or `to`), from the analysis facts. */
export async function analysisTrends(tx: Queryable, today: string, to?: number): Promise<AnalysisTrendYear[]> {
  const rows = await readAnalysisRows(tx);
  const years: number[] = [];
  const last = Math.min(to ?? Number(today.slice(0, 4)), Number(today.slice(0, 4)));
  for (let year = FIRST_TREND_YEAR; year <= last; year += 1) years.push(year);
  return trendsFromFacts(rows.map((row) => ({ kind: row.kind, facts: row.facts as unknown as AnalysisFacts })), years, today);
}

export interface AnalysisTrends {
  /** The recording time of the last event the facts include ("bijgewerkt tot"); null before the first refresh. */
  updatedTo: string | null;
  /** Whether the facts include every event the log holds now (false while a refresh is pending). */
  upToDate: boolean;
  referenceDates: Record<string, string>;
  years: AnalysisTrendYear[];
}

/**
 * The trend charts of the web application (GET /api/reports/trends): the figures of every year since 2014 from the
 * pseudonymised analysis facts, which outlive an erasure, with how far those facts follow the log. Only reads: the
 * server refreshes the facts after writes (src/server/analysis-refresher.ts).
 */
export async function readAnalysisTrends(tx: Queryable, today: string, to?: number): Promise<AnalysisTrends> {
  const freshness = await analysisFreshness(tx);
  const years = await analysisTrends(tx, today, to);
  const referenceDates: Record<string, string> = {};
  for (const { year } of years) referenceDates[String(year)] = referenceDatesFor(year, today)[String(year)]!;
  return { updatedTo: freshness.updatedTo, upToDate: freshness.position >= freshness.logPosition, referenceDates, years };
}
