/**
 * The tables of the yearly report to parliament (docs/domain.md §6): their fixed ids, their rows and what each row counts.
 * Table and row ids are a contract (other programs read the JSON); labels are Dutch first, English second.
 * This file is the one place where a report row is defined: the engine, `--explain` and the renderers read it.
 */
import type { CaseKind } from '../domain/event.js';
import type { Language, TableId } from './report.js';

type Labels = Record<Language, string>;

/** A stock row counts cases in a state at the reference date (peildatum). */
export interface StockRow {
  id: string;
  label: Labels;
  measure: 'stock';
  kind: CaseKind;
  phases: readonly string[];
  /** Only cases whose state has this attribute value (e.g. departure dossiers with an Article 3 barrier). */
  attribute?: { name: string; value: boolean };
}

/** A flow row counts events dated inside the column's year, both ends included. */
export interface FlowRow {
  id: string;
  label: Labels;
  measure: 'flow';
  kind: CaseKind;
  eventType: string;
  /** Only events whose data field has this value. */
  where: { field: string; value: string };
}

/** A total row sums the other rows of its table. */
export interface TotalRow {
  id: 'total';
  label: Labels;
  measure: 'total';
}

export type RowDefinition = StockRow | FlowRow | TotalRow;

export interface TableDefinition {
  id: TableId;
  title: Labels;
  rows: readonly RowDefinition[];
}

const total: TotalRow = { id: 'total', label: { nl: 'Totaal', en: 'Total' }, measure: 'total' };

const criminalPhase = (id: string, nl: string, en: string): StockRow => ({
  id, label: { nl, en }, measure: 'stock', kind: 'criminal', phases: [id],
});
const extraditionPhase = (id: string, nl: string, en: string): StockRow => ({
  id, label: { nl, en }, measure: 'stock', kind: 'extradition', phases: [id],
});
const flow = (kind: CaseKind, eventType: string, field: string, id: string, nl: string, en: string): FlowRow => ({
  id, label: { nl, en }, measure: 'flow', kind, eventType, where: { field, value: id },
});
const dossiers = (id: string, present: boolean, nl: string, en: string): StockRow => ({
  id, label: { nl, en }, measure: 'stock', kind: 'departure', phases: ['open'], attribute: { name: 'article3Barrier', value: present },
});

export const REPORT_TABLES: readonly TableDefinition[] = [
  {
    id: 'criminal-investigations',
    title: { nl: 'Strafrechtelijke onderzoeken', en: 'Criminal investigations' },
    rows: [
      criminalPhase('investigation', 'In de onderzoeksfase', 'In the investigation phase'),
      criminalPhase('first-instance', 'In eerste aanleg', 'At first instance'),
      criminalPhase('appeal', 'In hoger beroep', 'On appeal'),
      criminalPhase('cassation', 'In cassatie', 'In cassation'),
      total,
    ],
  },
  {
    id: 'extraditions',
    title: { nl: 'Uitleveringszaken', en: 'Extradition cases' },
    rows: [
      extraditionPhase('court-first', 'Bij de uitleveringskamer van de rechtbank', 'Before the extradition chamber of the district court'),
      extraditionPhase('court-cassation', 'In cassatie bij de Hoge Raad', 'In cassation before the Supreme Court'),
      extraditionPhase('minister', 'Ter beslissing bij de minister', 'Awaiting the minister\'s decision'),
      extraditionPhase('civil-first', 'Kort geding in eerste aanleg', 'Civil proceedings at first instance'),
      extraditionPhase('civil-appeal', 'Kort geding in hoger beroep', 'Civil proceedings on appeal'),
      extraditionPhase('civil-cassation', 'Kort geding in cassatie', 'Civil proceedings in cassation'),
      flow('extradition', 'extradition.concluded', 'outcome', 'extradited', 'Uitgeleverd', 'Extradited'),
      flow('extradition', 'extradition.concluded', 'outcome', 'refused', 'Uitlevering geweigerd', 'Extradition refused'),
      total,
    ],
  },
  {
    id: 'exclusion-decisions',
    title: { nl: 'Beslissingen 1F', en: 'Article 1F decisions' },
    rows: [
      flow('exclusion', 'exclusion.decided', 'outcome', 'applied', '1F tegengeworpen', 'Article 1F applied'),
      flow('exclusion', 'exclusion.decided', 'outcome', 'not-applied', '1F niet tegengeworpen', 'Article 1F not applied'),
      total,
    ],
  },
  {
    id: 'departure-dossiers',
    title: { nl: 'Lopende 1F-dossiers bij DT&V', en: 'Open Article 1F dossiers at DT&V' },
    rows: [
      dossiers('with-article3', true, 'Met art. 3 EVRM-beletsel', 'With an Article 3 ECHR barrier'),
      dossiers('without-article3', false, 'Zonder art. 3 EVRM-beletsel', 'Without an Article 3 ECHR barrier'),
      total,
    ],
  },
  {
    id: 'departures',
    title: { nl: 'Vertrek van 1F-vreemdelingen', en: 'Departures of Article 1F aliens' },
    rows: [
      flow('departure', 'departure.departed', 'mode', 'forced', 'Gedwongen vertrek', 'Forced departure'),
      flow('departure', 'departure.departed', 'mode', 'voluntary-supervised', 'Zelfstandig vertrek met toezicht', 'Voluntary departure under supervision'),
      flow('departure', 'departure.departed', 'mode', 'voluntary-unsupervised', 'Zelfstandig vertrek zonder toezicht', 'Voluntary departure without supervision'),
      total,
    ],
  },
];

export function findTable(id: string): TableDefinition | undefined {
  return REPORT_TABLES.find((table) => table.id === id);
}
