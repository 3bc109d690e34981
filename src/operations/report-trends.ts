/**
 * The report's figures for every year since 2014 — cases before a court, 1F decisions, departures by mode — as
 * recorded at a moment: the trend charts of the report page. Remembered in the figure cache of the caller.
 */
import { figuresOf, type ReportContext } from '../reports/compute-report.js';
import { referenceDatesFor } from '../reports/reference-dates.js';
import type { Queryable } from '../store/db.js';
import type { AsOf } from '../domain/as-of.js';

/** The first year of the report's trend charts: the year the ministers' series starts. */
export const FIRST_TREND_YEAR = 2014;

export interface TrendYear {
  year: number;
  beforeCourt: number;
  investigation: number;
  decisionsApplied: number;
  decisionsNotApplied: number;
  departuresForced: number;
  departuresVoluntarySupervised: number;
  departuresVoluntaryUnsupervised: number;
}

export interface Trends {
  asRecordedAt: string;
  referenceDates: Record<string, string>;
  years: TrendYear[];
}

/** `asOf.date` is today (the last year's reference date while it runs); `to` the last year shown. */
export async function reportTrends(tx: Queryable, request: { asOf: AsOf; to?: number }, context: ReportContext): Promise<Trends> {
  const today = request.asOf.date;
  const last = Math.min(request.to ?? Number(today.slice(0, 4)), Number(today.slice(0, 4)));
  const columns: number[] = [];
  const referenceDates: Record<string, string> = {};
  for (let year = FIRST_TREND_YEAR; year <= last; year += 1) {
    columns.push(year);
    referenceDates[String(year)] = referenceDatesFor(year, today)[String(year)]!;
  }
  const asRecordedAt = request.asOf.recordedAt;
  const figures = await figuresOf(tx, { columns, referenceDates, asRecordedAt }, !request.asOf.recordedAtGiven, context.figures);
  const value = (table: string, row: string, year: number) => figures[table]?.[row]?.[String(year)] ?? 0;
  return {
    asRecordedAt, referenceDates,
    years: columns.map((year) => ({
      year,
      beforeCourt: value('criminal-investigations', 'first-instance', year) + value('criminal-investigations', 'appeal', year) + value('criminal-investigations', 'cassation', year),
      investigation: value('criminal-investigations', 'investigation', year),
      decisionsApplied: value('exclusion-decisions', 'applied', year),
      decisionsNotApplied: value('exclusion-decisions', 'not-applied', year),
      departuresForced: value('departures', 'forced', year),
      departuresVoluntarySupervised: value('departures', 'voluntary-supervised', year),
      departuresVoluntaryUnsupervised: value('departures', 'voluntary-unsupervised', year),
    })),
  };
}
