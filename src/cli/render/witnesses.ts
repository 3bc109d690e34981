/**
 * The witness lists as text and CSV (README, "Witnesses"), in Dutch or English. The operator at the command line
 * reads every identity; `--pseudonymise` shows only the pseudonyms (for a list that leaves the registry).
 */
import type { WitnessSummary } from '../../operations/list-case-witnesses.js';
import type { PotentialWitness } from '../../operations/list-potential-witnesses.js';
import type { CaseAtRisk } from '../../operations/list-witnesses-at-risk.js';
import type { Language } from '../../reports/report.js';

const WORDS = {
  nl: {
    none: 'Geen getuigen.', noRisk: 'Geen zaken met getuigen in gevaar.', noPotential: 'Geen mogelijke nieuwe getuigen.',
    withheld: 'identiteit afgeschermd', statements: 'verklaringen', since: 'sinds', elements: 'elementen', notWired: 'nog niet gekoppeld aan de bewijsmatrix',
    unavailable: 'niet meer beschikbaar', 'country-situation-changed': 'situatie in het land veranderd', unwillingSince: 'onwillig sinds', changed: 'veranderd op',
  },
  en: {
    none: 'No witnesses.', noRisk: 'No cases with witnesses at risk.', noPotential: 'No potential new witnesses.',
    withheld: 'identity withheld', statements: 'statements', since: 'since', elements: 'elements', notWired: 'not yet linked to the proof matrix',
    unavailable: 'no longer available', 'country-situation-changed': "country's situation changed", unwillingSince: 'unwilling since', changed: 'changed on',
  },
} as const;

function who(witness: WitnessSummary, language: Language): string {
  const label = witness.pseudonym[language];
  if (witness.withheld) return `${label} (${WORDS[language].withheld})`;
  const identity = [witness.name, witness.person].filter(Boolean).join(', ');
  return identity ? `${label}: ${identity}` : label;
}

function line(witness: WitnessSummary, language: Language): string {
  const words = WORDS[language];
  const country = witness.availability.country ? ` ${witness.availability.country}` : '';
  return `${witness.id}  ${who(witness, language)}  [${witness.protection}]  ${witness.availability.status}${country} ${words.since} ${witness.availability.since ?? '—'}  ${words.statements}: ${witness.statements.join(', ') || '—'}`;
}

export function renderWitnesses(items: readonly WitnessSummary[], language: Language): string {
  if (items.length === 0) return `${WORDS[language].none}\n`;
  return `${items.map((item) => line(item, language)).join('\n')}\n`;
}

export function renderWitnessesAtRisk(cases: readonly CaseAtRisk[], language: Language): string {
  const words = WORDS[language];
  if (cases.length === 0) return `${words.noRisk}\n`;
  const out: string[] = [];
  for (const entry of cases) {
    out.push(`${entry.case}  ${words.statements}: ${entry.evidence.join(', ')}  ${words.elements}: ${entry.elements === null ? words.notWired : entry.elements.map((element) => `${element.offence}/${element.element}`).join(', ') || '—'}`);
    for (const witness of entry.witnesses) out.push(`  ${line(witness, language)}  — ${witness.reasons.map((reason) => words[reason]).join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderPotentialWitnesses(items: readonly PotentialWitness[], language: Language): string {
  const words = WORDS[language];
  if (items.length === 0) return `${words.noPotential}\n`;
  return `${items.map((item) => `${item.case}  ${who(item, language)}  ${item.availability.country ?? '—'}  ${words.unwillingSince} ${item.unwillingSince}; ${words.changed} ${item.changed.date}: ${item.changed.change[language]}`).join('\n')}\n`;
}

/** RFC 4180 CSV of a witness list: one row per witness, the identity empty where withheld. */
export function witnessesCsv(items: readonly WitnessSummary[]): string {
  const cell = (value: string | null) => (value === null ? '' : /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = [['id', 'case', 'pseudonym', 'person', 'name', 'protection', 'availability', 'since', 'country', 'statements']];
  for (const item of items) {
    rows.push([item.id, item.case, item.pseudonym.nl, item.person, item.name, item.protection, item.availability.status, item.availability.since, item.availability.country, item.statements.join(' ')] as string[]);
  }
  return `${rows.map((row) => row.map((value) => cell(value)).join(',')).join('\r\n')}\r\n`;
}
