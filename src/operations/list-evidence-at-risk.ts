/**
 * The evidence-at-risk list (README, "What each case rests on"; R8): the elements of cases that would lose their only
 * proof if an originator's material became unavailable (what-if: `at-risk`), and those that already lost it because
 * such material is unavailable now (`lost`). Per element and originator; narrowed to one originator and/or one
 * source type (e.g. `un-mechanism`). The rule itself is R8's (src/domain/rules/proof.ts), applied twice: as things
 * stand, and with the originator's material made unavailable (or, for `lost`, available again).
 *
 * Now (no "as recorded at" moment, and a date no item's events lie after) the standing links come from the evidence
 * standing projection (migration 036); for any other moment or date they are replayed from the event log. Both give
 * the same rows for now (src/operations/evidence-at-risk-projection.test.ts).
 */
import type { AsOf } from '../domain/as-of.js';
import { offenceElements } from '../domain/rules/case-elements.js';
import type { ElementsConfig } from '../domain/rules/elements-config.js';
import { assessElement, type LinkedEvidence } from '../domain/rules/proof.js';
import type { Bilingual } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import { evidenceStandingCovers } from '../store/evidence-standing.js';
import { currentElementLinks, standingElementLinks, type StandingElementLink } from '../store/proof-reads.js';

export interface ElementAtRisk {
  case: string;
  offence: string;
  element: string;
  label: Bilingual;
  /** at-risk: proven now, only by this originator's material; lost: not proven now, proven if that material were available. */
  status: 'at-risk' | 'lost';
  originator: string;
  /** The originator's items the element's proof rests on (at-risk) or rested on (lost). */
  items: { id: string; title: string; sourceType: string; available: boolean; unavailableSince: string | null; unavailableReason: string | null }[];
}

export interface EvidenceAtRiskRequest {
  asOf: AsOf;
  elements: ElementsConfig;
  originator?: string;
  sourceType?: string;
  /** Whether the caller may read a case (the cases' roles only): the rows of other cases are left out. */
  mayReadCase?: (caseStream: string) => Promise<boolean>;
}

export async function listEvidenceAtRisk(tx: Queryable, request: EvidenceAtRiskRequest): Promise<ElementAtRisk[]> {
  const material = { originator: request.originator, sourceType: request.sourceType };
  const rows = !request.asOf.recordedAtGiven && await evidenceStandingCovers(tx, request.asOf.date)
    ? await currentElementLinks(tx, material)
    : await standingElementLinks(tx, { date: request.asOf.date, moment: request.asOf.recordedAt, ...material });
  const groups = new Map<string, StandingElementLink[]>();
  for (const row of rows) {
    const key = `${row.caseStream}\u0000${row.offence}\u0000${row.element}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const matches = (row: StandingElementLink, originator: string) =>
    originatorOf(row) === originator && (request.sourceType === undefined || row.sourceType === request.sourceType);
  const result: ElementAtRisk[] = [];
  const readable = new Map<string, boolean>();
  const labels = new Map<string, Bilingual>();
  const label = (offence: string, element: string) => {
    const key = `${offence}\u0000${element}`;
    if (!labels.has(key)) labels.set(key, labelOf(request.elements, offence, element));
    return labels.get(key)!;
  };
  for (const group of groups.values()) {
    const first = group[0]!;
    const supporting = group.filter((row) => row.relation === 'supports');
    const originators = [...new Set(supporting.map(originatorOf))]
      .filter((originator) => request.originator === undefined || originator.toLowerCase() === request.originator.toLowerCase())
      .sort();
    const now = assessElement(first.element, group.map((row) => linked(row))).status;
    for (const originator of originators) {
      const theirs = supporting.filter((row) => matches(row, originator));
      if (theirs.length === 0) continue;
      let status: ElementAtRisk['status'] | null = null;
      if (now === 'proven') {
        const whatIf = assessElement(first.element, group.map((row) => linked(row, matches(row, originator) ? false : undefined))).status;
        if (whatIf !== 'proven') status = 'at-risk';
      } else if (theirs.some((row) => !row.available)) {
        const restored = assessElement(first.element, group.map((row) => linked(row, matches(row, originator) ? true : undefined))).status;
        if (restored === 'proven') status = 'lost';
      }
      if (!status) continue;
      if (request.mayReadCase) {
        if (!readable.has(first.caseStream)) readable.set(first.caseStream, await request.mayReadCase(first.caseStream));
        if (!readable.get(first.caseStream)) continue;
      }
      result.push({
        case: first.caseStream, offence: first.offence, element: first.element, label: label(first.offence, first.element), status, originator,
        items: theirs.map((row) => ({ id: row.item, title: row.title, sourceType: row.sourceType, available: row.available, unavailableSince: row.unavailableSince, unavailableReason: row.unavailableReason })),
      });
    }
  }
  return result.sort((a, b) => (a.status === b.status ? 0 : a.status === 'lost' ? -1 : 1) || a.case.localeCompare(b.case) || a.offence.localeCompare(b.offence) || a.element.localeCompare(b.element) || a.originator.localeCompare(b.originator));
}

/** The originator of an item: as its conditions name it, else its source's name, else its source type. */
function originatorOf(row: StandingElementLink): string {
  return row.originator ?? row.sourceType;
}

function linked(row: StandingElementLink, available?: boolean): LinkedEvidence {
  return { itemId: row.item, relation: row.relation, available: available ?? row.available, conditions: row.conditions ?? 'evidence', consent: row.consent, verification: row.verification };
}

function labelOf(config: ElementsConfig, offence: string, element: string): Bilingual {
  for (const crime of offenceElements(config, offence)?.crimes ?? []) {
    const found = crime.elements.find((item) => item.id === element);
    if (found) return found.label;
  }
  return { nl: element, en: element };
}
