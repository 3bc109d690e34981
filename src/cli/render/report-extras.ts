/**
 * Plain-text forms of `report --explain` and `report diff` for the terminal.
 */
import type { Explanation } from '../../reports/explain.js';
import type { ReportDiff } from '../../reports/publish.js';
import type { Language } from '../../reports/report.js';

const words = {
  nl: { column: 'Kolom', referenceDate: 'peildatum', cases: 'zaken', none: '(geen)', since: 'sinds', event: 'gebeurtenis', asRecorded: 'Stand van de registratie per', published: 'Gepubliceerd op', noChanges: 'Geen cijfers gewijzigd sinds de publicatie.', was: 'was', now: 'nu', added: 'erbij', removed: 'eraf', retracts: 'trekt in', intactNo: 'LET OP: het opgeslagen rapport komt niet meer overeen met zijn SHA-256.', erased: 'zaken gewist na de publicatie (bewaartermijn verstreken): alleen het aantal blijft' },
  en: { column: 'Column', referenceDate: 'reference date', cases: 'cases', none: '(none)', since: 'since', event: 'event', asRecorded: 'As recorded at', published: 'Published at', noChanges: 'No figure has changed since publication.', was: 'was', now: 'now', added: 'added', removed: 'removed', retracts: 'retracts', intactNo: 'WARNING: the stored report no longer matches its SHA-256.', erased: 'cases erased since publication (retention term ended): only their number remains' },
} as const;

export function renderExplanation(explanation: Explanation, lang: Language): string {
  const w = words[lang];
  const lines = [`${explanation.table}.${explanation.row} — ${explanation.label}`, `${w.asRecorded} ${explanation.asRecordedAt}`];
  for (const column of explanation.columns) {
    lines.push('', `${w.column} ${column.year} (${w.referenceDate} ${column.referenceDate}): ${column.value} ${w.cases}`);
    if (column.items.length === 0 && !column.erased) lines.push(`  ${w.none}`);
    if (column.erased) lines.push(`  ${column.erased} ${w.erased}`);
    for (const item of column.items) {
      const phase = item.phase ? ` ${item.phase}` : '';
      lines.push(`  ${item.case.padEnd(28)}${phase} ${w.since} ${item.date}  ${w.event} ${item.eventId}${item.row !== explanation.row ? `  [${item.row}]` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderDiff(diff: ReportDiff, lang: Language): string {
  const w = words[lang];
  const lines = [
    `${w.published} ${diff.publishedAt} (${w.asRecorded.toLowerCase()} ${diff.publishedAsRecordedAt}), SHA-256 ${diff.sha256}`,
    `${w.asRecorded} ${diff.asRecordedAt}`,
  ];
  if (!diff.intact) lines.push(w.intactNo);
  if (diff.changes.length === 0) lines.push('', w.noChanges);
  for (const change of diff.changes) {
    lines.push('', `${change.table}.${change.row} ${change.year} — ${change.label}: ${w.was} ${change.published}, ${w.now} ${change.current}`);
    for (const item of change.cases) {
      lines.push(`  ${item.change === 'added' ? '+' : '-'} ${item.case} (${item.change === 'added' ? w.added : w.removed})`);
      for (const cause of item.causes) {
        const retracts = cause.retracts ? ` ${w.retracts} ${cause.retracts.eventId}: ${cause.retracts.reason}` : '';
        lines.push(`      ${cause.recordedAt}  ${cause.type} ${cause.eventId} (${cause.date})${retracts}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
