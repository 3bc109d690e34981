/**
 * The yearly report as data: the JSON shape of docs/domain.md §6 (a contract other programs read — change it only by
 * adding fields). Every renderer (text, Markdown, CSV, DOCX) takes this shape.
 */
export type TableId =
  | 'criminal-investigations'
  | 'extraditions'
  | 'exclusion-decisions'
  | 'departure-dossiers'
  | 'departures';

export interface ReportRow {
  id: string;
  label: string;
  /** Keyed by the column's year as a string, e.g. { "2024": 3, "2025": 5 }. */
  values: Record<string, number>;
}

export interface ReportTable {
  id: TableId;
  title: string;
  rows: ReportRow[];
}

export interface Report {
  year: number;
  columns: number[];
  /** Per column year, the reference date (peildatum) of its stock rows, YYYY-MM-DD. */
  referenceDates: Record<string, string>;
  /** The transaction time the figures were computed as of: ISO 8601 in UTC. */
  asRecordedAt: string;
  tables: ReportTable[];
}

export type Language = 'nl' | 'en';
