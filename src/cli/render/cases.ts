/**
 * Plain-text forms of `cases` and `case` for the terminal.
 */
import type { CaseKind } from '../../domain/event.js';
import type { CaseAt } from '../../store/segments.js';
import type { StreamView } from '../../registry/stream-view.js';
import type { Language } from '../../reports/report.js';

export function renderCaseList(lists: { kind: CaseKind; cases: CaseAt[] }[], date: string): string {
  const lines: string[] = [];
  for (const { kind, cases } of lists) {
    const byPhase = new Map<string, number>();
    for (const item of cases) byPhase.set(item.phase, (byPhase.get(item.phase) ?? 0) + 1);
    const summary = [...byPhase].map(([phase, count]) => `${phase} ${count}`).join(', ');
    lines.push(`${kind} on ${date}: ${cases.length}${summary ? ` (${summary})` : ''}`);
    for (const item of cases) {
      lines.push(`  ${item.stream.padEnd(32)} ${item.phase.padEnd(16)} since ${item.validFrom}${attributeText(item.attributes)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function attributeText(attributes: Record<string, unknown>): string {
  const shown = Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined && value !== false);
  return shown.length === 0 ? '' : `  ${shown.map(([name, value]) => (value === true ? name : `${name}=${String(value)}`)).join(' ')}`;
}

const words = {
  nl: { phase: 'Fase', on: 'op', asRecorded: 'zoals geregistreerd per', persons: 'Personen', timeline: 'Tijdlijn (juridische datum · geregistreerd op · gebeurtenis)', retracted: 'ingetrokken', cases: 'Zaken', derived: 'Wat de regels afleiden', born: 'geboren', nationality: 'nationaliteit' },
  en: { phase: 'Phase', on: 'on', asRecorded: 'as recorded at', persons: 'Persons', timeline: 'Timeline (legal date · recorded at · event)', retracted: 'retracted', cases: 'Cases', derived: 'What the rules derive', born: 'born', nationality: 'nationality' },
} as const;

export function renderStreamView(view: StreamView, lang: Language, derived: string[] = []): string {
  const w = words[lang];
  const lines = [
    view.stream,
    `${w.phase} ${w.on} ${view.date}${view.asRecordedAt ? ` (${w.asRecorded} ${view.asRecordedAt})` : ''}: ${view.state.phase}${attributeText(view.state.attributes)}`,
  ];
  if (view.persons.length > 0) {
    lines.push('', `${w.persons}:`);
    for (const person of view.persons) {
      const details = [person.birthDate ? `${w.born} ${person.birthDate}` : '', person.nationalities.length ? `${w.nationality} ${person.nationalities.join(', ')}` : ''].filter(Boolean).join(', ');
      lines.push(`  ${person.id}: ${person.names.join(' / ')}${details ? ` (${details})` : ''}`);
    }
  }
  if (derived.length > 0) {
    lines.push('', `${w.derived}:`);
    for (const line of derived) lines.push(`  - ${line}`);
  }
  lines.push('', `${w.timeline}:`);
  for (const { event, retractedBy } of view.timeline) {
    const data = Object.keys(event.data).length ? ` ${JSON.stringify(event.data)}` : '';
    const retracted = retractedBy ? `  [${w.retracted} ${retractedBy.recordedAt.slice(0, 10)}: ${retractedBy.reason}]` : '';
    lines.push(`  ${event.date}  ${event.recordedAt.slice(0, 16).replace('T', ' ')}  ${event.type} (${event.id})${data}${retracted}`);
  }
  if (view.cases.length > 0) {
    lines.push('', `${w.cases}:`);
    for (const item of view.cases) lines.push(`  ${item}`);
  }
  return `${lines.join('\n')}\n`;
}
