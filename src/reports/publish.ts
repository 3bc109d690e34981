/**
 * Publishing freezes a year's report: its figures, the transaction time they were computed as of, and a SHA-256 of
 * its JSON. Because the store is bitemporal, the published figures can always be recomputed exactly
 * (`--as-recorded-at` the publication time), and `diff` can say which figures have changed since and which
 * records — late registrations, retractions — explain each change.
 */
import { ImketenError } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import { eventsRecordedBetween } from '../store/event-store.js';
import { insertPublication, selectPublication } from '../store/publications.js';
import { computeReport, type ReportContext } from './compute-report.js';
import { explainRow, type ExplainedItem } from './explain.js';
import type { Report } from './report.js';

export interface Publication {
  year: number;
  publishedAt: string;
  asRecordedAt: string;
  sha256: string;
  report: Report;
}

export function reportHash(report: Report): string {
  return sha256Hex(canonicalJson(report));
}

export async function publishReport(db: Db, year: number, context: ReportContext, referenceDate?: string): Promise<Publication> {
  const existing = await findPublication(db, year);
  if (existing) {
    throw new ImketenError('REPORT_ALREADY_PUBLISHED', `The report for ${year} was published on ${existing.publishedAt} (SHA-256 ${existing.sha256}); a publication is never replaced. Use 'imketen report diff --year ${year}' to see what changed since.`, [], { key: 'reportAlreadyPublished', params: { year, publishedAt: existing.publishedAt } });
  }
  const publishedAt = context.now().toISOString();
  // Freeze "now" explicitly, so the stored report names the exact transaction time it stands for.
  const report = await computeReport(db, { year, referenceDate, asRecordedAt: publishedAt, lang: 'nl' }, context);
  const sha256 = reportHash(report);
  await insertPublication(db, { year, publishedAt, asRecordedAt: report.asRecordedAt, sha256, report });
  return { year, publishedAt, asRecordedAt: report.asRecordedAt, sha256, report };
}

export async function findPublication(tx: Queryable, year: number): Promise<Publication | undefined> {
  return selectPublication<Report>(tx, year);
}

export interface ChangeCause {
  eventId: string;
  type: string;
  date: string;
  recordedAt: string;
  /** For a retraction: the event it took back, and why. */
  retracts?: { eventId: string; reason: string };
}

export interface ChangedCase {
  case: string;
  change: 'added' | 'removed';
  causes: ChangeCause[];
}

export interface FigureChange {
  table: string;
  row: string;
  label: string;
  year: number;
  published: number;
  current: number;
  cases: ChangedCase[];
}

export interface ReportDiff {
  year: number;
  publishedAt: string;
  publishedAsRecordedAt: string;
  sha256: string;
  /** Whether the stored report still hashes to its SHA-256: a check that the publication itself is intact. */
  intact: boolean;
  asRecordedAt: string;
  changes: FigureChange[];
}

export async function diffWithPublication(db: Db, year: number, context: ReportContext): Promise<ReportDiff> {
  const publication = await findPublication(db, year);
  if (!publication) {
    throw new ImketenError('REPORT_NOT_PUBLISHED', `No report for ${year} has been published yet: run 'imketen report publish --year ${year}' first.`, [], { key: 'reportNotPublished', params: { year } });
  }
  const published = publication.report;
  const referenceDate = published.referenceDates[String(year)];
  const current = await computeReport(db, { year, referenceDate, lang: 'nl' }, context);
  const changes: FigureChange[] = [];
  for (const table of current.tables) {
    for (const row of table.rows) {
      const before = published.tables.find((t) => t.id === table.id)?.rows.find((r) => r.id === row.id);
      for (const column of current.columns) {
        const was = before?.values[String(column)] ?? 0;
        const now = row.values[String(column)] ?? 0;
        if (was === now) continue;
        const cases = await explainChange(db, `${table.id}.${row.id}`, column, published, current);
        changes.push({ table: table.id, row: row.id, label: row.label, year: column, published: was, current: now, cases });
      }
    }
  }
  return {
    year,
    publishedAt: publication.publishedAt,
    publishedAsRecordedAt: publication.asRecordedAt,
    sha256: publication.sha256,
    intact: reportHash(published) === publication.sha256,
    asRecordedAt: current.asRecordedAt,
    changes,
  };
}

/** The cases that entered or left a figure between publication and now, with the records learned since. */
async function explainChange(db: Db, reference: string, column: number, published: Report, current: Report): Promise<ChangedCase[]> {
  const itemsAt = async (report: Report) => {
    const explanation = await explainRow(db, reference, { columns: [column], referenceDates: report.referenceDates, asRecordedAt: report.asRecordedAt });
    return explanation.columns[0]!.items;
  };
  const key = (item: ExplainedItem) => `${item.row}|${item.case}|${item.eventId}`;
  const before = new Map((await itemsAt(published)).map((item) => [key(item), item]));
  const after = new Map((await itemsAt(current)).map((item) => [key(item), item]));
  const changed: { item: ExplainedItem; change: ChangedCase['change'] }[] = [
    ...[...after].filter(([k]) => !before.has(k)).map(([, item]) => ({ item, change: 'added' as const })),
    ...[...before].filter(([k]) => !after.has(k)).map(([, item]) => ({ item, change: 'removed' as const })),
  ];
  const result: ChangedCase[] = [];
  for (const { item, change } of changed) {
    result.push({ case: item.case, change, causes: await recordedSince(db, item.case, published.asRecordedAt, current.asRecordedAt) });
  }
  return result;
}

async function recordedSince(tx: Queryable, stream: string, since: string, until: string): Promise<ChangeCause[]> {
  const rows = await eventsRecordedBetween(tx, stream, since, until);
  return rows.map(({ data, ...row }) => row.type === 'retracted'
    ? { ...row, retracts: { eventId: String(data.event), reason: String(data.reason ?? '') } }
    : row);
}

