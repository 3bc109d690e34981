/**
 * The retention due list (docs/retention.md) for the terminal (table) and for spreadsheets (CSV: semicolons and a
 * byte order mark, so that Excel with Dutch settings opens it in columns, as the report's CSV).
 */
import type { RetentionDueEntry } from '../../operations/list-retention-due.js';
import type { Language } from '../../reports/report.js';

const HEADERS = {
  nl: ['partner', 'regel', 'stroom', 'personen', 'status', 'termijn begon', 'te verwijderen vanaf', 'vastgehouden door', 'reden'],
  en: ['partner', 'rule', 'stream', 'persons', 'status', 'term started', 'due from', 'held by', 'reason'],
} as const;

const STATUS = { nl: { due: 'te verwijderen', held: 'vastgehouden' }, en: { due: 'due', held: 'held' } } as const;

function cells(entry: RetentionDueEntry, lang: Language): string[] {
  return [
    entry.partner, entry.rule, entry.stream, entry.persons.join(' '), STATUS[lang][entry.status], entry.startedOn, entry.dueOn,
    entry.holds.map((hold) => `${hold.kind}:${hold.source}`).join(' '), entry.reason[lang],
  ];
}

export function renderRetentionTable(entries: readonly RetentionDueEntry[], date: string, lang: Language): string {
  const title = lang === 'nl' ? `Bewaartermijn verstreken op ${date}: ${entries.length}` : `Retention term passed on ${date}: ${entries.length}`;
  if (entries.length === 0) return `${title}\n`;
  const rows = entries.map((entry) => cells(entry, lang).slice(0, 8));
  const header = HEADERS[lang].slice(0, 8);
  const widths = header.map((head, index) => Math.max(head.length, ...rows.map((row) => row[index]!.length)));
  const line = (row: readonly string[]) => row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  const body = entries.map((entry, index) => `${line(rows[index]!)}\n    ${entry.reason[lang]}`);
  return `${title}\n\n${line(header)}\n${body.join('\n')}\n`;
}

export function renderRetentionCsv(entries: readonly RetentionDueEntry[], lang: Language): string {
  const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [HEADERS[lang], ...entries.map((entry) => cells(entry, lang))].map((row) => row.map(quote).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
