/**
 * The due list as the administrator sees it (docs/retention.md, "What the administrator sees"): the least the
 * erasure procedure needs — which stream (its id and kind), which person ids it names, the rule with its law and
 * article, the dates, and what holds it by kind and by the holding stream's id — never names, dates of birth or free
 * text. A legal hold's reason is free text written by a case role: the administrator sees that a hold exists and
 * since when, not why. Reads the same operation as the case roles' due list (list-retention-due.ts).
 */
import type { RetentionPartner } from '../domain/rules/retention-config.js';
import type { Bilingual, RuleConfig } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import type { AsOf } from '../domain/as-of.js';
import { listRetentionDue, type RetentionDueEntry } from './list-retention-due.js';

export interface ErasureDueEntry {
  partner: RetentionPartner;
  rule: string;
  law: string;
  /** The law's name in words (config/rules.json `laws`). */
  lawName: Bilingual;
  article: string;
  /** What kind of data the rule covers (the rule's own label). */
  data: Bilingual;
  stream: string;
  kind: string;
  persons: string[];
  status: 'due' | 'held';
  startedOn: string;
  dueOn: string;
  holds: { kind: string; source: string; until: string | null }[];
}

export async function listErasureDue(tx: Queryable, request: { asOf: AsOf; partner?: RetentionPartner }, config: RuleConfig): Promise<ErasureDueEntry[]> {
  const entries = await listRetentionDue(tx, request, config);
  return entries.map((entry) => forAdministrator(entry, config.laws[entry.law]?.name ?? { nl: entry.law, en: entry.law }));
}

/** An entry of the due list without its reasons (which quote a legal hold's free text). */
export function forAdministrator(entry: RetentionDueEntry, lawName: Bilingual): ErasureDueEntry {
  return {
    partner: entry.partner, rule: entry.rule, law: entry.law, lawName, article: entry.article, data: entry.data,
    stream: entry.stream, kind: entry.kind, persons: entry.persons, status: entry.status, startedOn: entry.startedOn, dueOn: entry.dueOn,
    holds: entry.holds.map((hold) => ({ kind: hold.kind, source: hold.source, until: hold.until })),
  };
}
