/**
 * Plain-text forms of the R1, R7 and R5 lists for the terminal.
 */
import type { VictimInformationStatus } from '../../domain/rules/victim-information.js';
import type { CaseVictims } from '../../operations/list-victims.js';
import type { ReassessmentGroup } from '../../operations/list-article3-reassessment.js';
import type { UnprosecutableEntry } from '../../operations/list-unprosecutable.js';
import type { PersonSummary } from '../../registry/stream-view.js';
import type { Language } from '../../reports/report.js';

const words = {
  nl: {
    unprosecutable: (n: number, date: string) => `Personen met een 1F-tegenwerping wier feiten vóór de strafbaarstelling in Nederland liggen (R1), ${date}: ${n}`,
    reassessment: (n: number, date: string) => `Lopende vertrekdossiers met een art. 3 EVRM-beletsel, per nationaliteit (R7), ${date}: ${n}`,
    overdue: (n: number, date: string) => `Slachtoffers die te laat zijn geïnformeerd (R5), ${date}: ${n}`,
    decided: 'besluit', since: 'beletsel sinds', assessed: 'beoordeeld', dueSince: 'herbeoordeling nodig sinds', current: 'geen herbeoordeling nodig', certain: 'zeker', uncertain: 'onzeker', none: '(geen)',
  },
  en: {
    unprosecutable: (n: number, date: string) => `Persons with a 1F exclusion whose acts predate their punishability in the Netherlands (R1), ${date}: ${n}`,
    reassessment: (n: number, date: string) => `Open departure dossiers with an Article 3 barrier, by nationality (R7), ${date}: ${n}`,
    overdue: (n: number, date: string) => `Victims overdue for information (R5), ${date}: ${n}`,
    decided: 'decided', since: 'barrier since', assessed: 'assessed', dueSince: 'reassessment due since', current: 'no reassessment due', certain: 'certain', uncertain: 'uncertain', none: '(none)',
  },
} as const;

function personText(person: PersonSummary | undefined): string {
  if (!person) return '?';
  return `${person.id} ${person.names[0] ?? ''}${person.nationalities.length ? ` (${person.nationalities.join(', ')})` : ''}`;
}

export function renderUnprosecutable(entries: UnprosecutableEntry[], date: string, lang: Language): string {
  const w = words[lang];
  const lines = [w.unprosecutable(entries.length, date)];
  if (entries.length === 0) lines.push(`  ${w.none}`);
  for (const entry of entries) {
    const certainty = entry.assessment.cannotBeProsecuted === 'yes' ? w.certain : w.uncertain;
    lines.push(`  ${entry.exclusionCase.padEnd(28)} ${personText(entry.person)}  ${w.decided} ${entry.decidedOn}  [${certainty}] ${entry.assessment.reason[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line per overdue victim: the command line's shape of R5 (`--format json` too). */
export interface OverdueVictim {
  criminalCase: string;
  victim: PersonSummary | undefined;
  status: VictimInformationStatus;
}

export function overdueVictimLines(cases: CaseVictims[]): OverdueVictim[] {
  return cases.flatMap((item) => item.victims.map((victim) => ({ criminalCase: item.case, victim: victim.person, status: victim.status })));
}

export function renderReassessment(groups: ReassessmentGroup[], date: string, lang: Language): string {
  const w = words[lang];
  const total = groups.reduce((sum, group) => sum + group.dossiers.length, 0);
  const lines = [w.reassessment(total, date)];
  if (groups.length === 0) lines.push(`  ${w.none}`);
  for (const group of groups) {
    lines.push(`  ${group.nationality}: ${group.dossiers.length}`);
    for (const dossier of group.dossiers) {
      const status = dossier.status === 'due' ? `${w.dueSince} ${dossier.dueDate}` : w.current;
      lines.push(`    ${dossier.dossier.padEnd(28)} ${personText(dossier.person)}  ${w.since} ${dossier.barrierSince}, ${w.assessed} ${dossier.lastAssessment}: ${status}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderOverdueVictims(victims: OverdueVictim[], date: string, lang: Language): string {
  const w = words[lang];
  const lines = [w.overdue(victims.length, date)];
  if (victims.length === 0) lines.push(`  ${w.none}`);
  for (const entry of victims) {
    lines.push(`  ${entry.criminalCase.padEnd(28)} ${personText(entry.victim)}`);
    for (const reason of entry.status.reasons) lines.push(`      ${reason.explanation[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}
