/**
 * The words the renderers add around the report's own labels: headings, notes and column headings. The labels
 * inside a Report (table titles, row labels) are already in the requested language and come from
 * ../definitions.ts; only what a renderer writes itself lives here. Dutch first, English second.
 */
import type { Language } from '../report.js';

export const LABELS = {
  /** The document title, followed by the span of the report's column years: "Bijlage — Cijfers ... 2024–2025". */
  documentTitle: { nl: 'Bijlage — Cijfers internationale misdrijven', en: 'Annex — Figures on international crimes' },
  /** Precedes a table's number: "Tabel 1. Strafrechtelijke onderzoeken". */
  table: { nl: 'Tabel', en: 'Table' },
  /** Peildatum: the date at which a stock row counts the cases in a state (docs/domain.md §6). */
  referenceDate: { nl: 'Peildatum', en: 'Reference date' },
  referenceDates: { nl: 'Peildata', en: 'Reference dates' },
  /** In a table that mixes stock and flow rows (extraditions), the reference dates apply to the open cases only. */
  referenceDateOpenCases: { nl: 'Peildatum lopende zaken', en: 'Reference date for open cases' },
  referenceDatesOpenCases: { nl: 'Peildata lopende zaken', en: 'Reference dates for open cases' },
  /** Joins the last two reference dates: "31 december 2024 en 31 december 2025". */
  and: { nl: 'en', en: 'and' },
  /** Flow rows count events dated inside the column's year, both ends included (docs/domain.md §6). */
  flowNote: { nl: 'Aantallen per kalenderjaar.', en: 'Numbers per calendar year.' },
  mixedFlowNote: { nl: 'Overige rijen: aantallen per kalenderjaar.', en: 'Other rows: numbers per calendar year.' },
  /** The transaction time the figures were computed as of. */
  asRecordedAt: { nl: 'Stand van de registratie per', en: 'As recorded at' },
  /** After a clock time: Dutch writes "11:00 uur"; empty means "name the time zone" (English: "11:00 CET"). */
  timeSuffix: { nl: 'uur', en: '' },
  /** Column headings of the CSV file. The year columns are headed by the year itself. */
  csvTableId: { nl: 'tabel_id', en: 'table_id' },
  csvTable: { nl: 'tabel', en: 'table' },
  csvRowId: { nl: 'rij_id', en: 'row_id' },
  csvRow: { nl: 'omschrijving', en: 'description' },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

/** The word for `key` in `lang`, e.g. `label('referenceDate', 'nl')` is "Peildatum". */
export function label(key: LabelKey, lang: Language): string {
  return LABELS[key][lang];
}
