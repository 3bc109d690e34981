/**
 * The proof matrix of a case (README, "What each case rests on"; R8, docs/domain.md §3): the elements of the offences
 * of a criminal case (or of the grounds of a 1F file) against its evidence items, each cell an item's link to an
 * element with its relation, weight, verification and what keeps it from counting; each element's status by R8.
 * On a date, as the registry knew it at a moment: the matrix as it was recorded then, like the report.
 */
import type { AsOf } from '../domain/as-of.js';
import { ImketenError } from '../domain/errors.js';
import type { CaseKind } from '../domain/event.js';
import type { ElementLink, EvidenceState } from '../domain/evidence/state.js';
import { stateAt } from '../domain/replay.js';
import { isExclusionGround, offenceElements } from '../domain/rules/case-elements.js';
import type { ElementsConfig, ElementKind } from '../domain/rules/elements-config.js';
import { assessElement, type Blocker, type ElementStatus } from '../domain/rules/proof.js';
import { linkedEvidence, standingOf, type ItemStanding } from '../domain/rules/proof-items.js';
import type { Bilingual } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import { evidenceStreamsNaming } from '../store/evidence-files.js';
import { readStream, readStreams } from '../store/event-store.js';
import { knownEvents } from './show-evidence.js';

export interface ProofCell {
  item: string;
  relation: ElementLink['relation'];
  weight: ElementLink['weight'];
  reasoning: string;
  linkedOn: string;
  verification: ItemStanding['verification'];
  counts: boolean;
  blocker: Blocker | null;
  why: Bilingual;
}

export interface ProofElementRow {
  offence: string;
  /** The crime (or 1F ground) the element belongs to; null for a contextual element shared by the offence's crimes. */
  crime: string | null;
  element: string;
  kind: ElementKind;
  label: Bilingual;
  source: { article: string; eoc?: string; other?: string };
  status: ElementStatus;
  reason: Bilingual;
  /** Proven only by items not yet verified. */
  unverifiedOnly: boolean;
  cells: ProofCell[];
}

export interface ProofItem {
  id: string;
  title: string;
  kind: string;
  sourceType: string;
  /** The originator as its conditions name it, else the source's name. */
  originator: string | null;
  available: boolean;
  availability: { reason: string; date: string } | null;
  conditions: ItemStanding['conditions'];
  conditionsRecorded: boolean;
  consent: ItemStanding['consent'];
  verification: ItemStanding['verification'];
  /** Usable only as a lead now (conditions or consent stand in the way). */
  leadOnly: boolean;
}

export interface ProofMatrix {
  case: string;
  kind: 'criminal' | 'exclusion';
  offences: { offence: string; label: Bilingual; crimes: { crime: string; label: Bilingual; article: string }[]; linked: boolean }[];
  elements: ProofElementRow[];
  items: ProofItem[];
  summary: { proven: number; leadOnly: number; unsupported: number };
  asOf: { date: string; recordedAt: string };
}

export async function showProofMatrix(tx: Queryable, request: { kind: 'criminal' | 'exclusion'; id: string; asOf: AsOf; elements: ElementsConfig }): Promise<ProofMatrix> {
  const { kind, id, asOf, elements: config } = request;
  const caseStream = `${kind}/${id}`;
  const caseEvents = await readStream(tx, caseStream);
  const opened = knownEvents(caseEvents, asOf).find((event) => event.type === `${kind}.opened`);
  if (!opened) throw new ImketenError('STREAM_NOT_FOUND', `No ${kind === 'criminal' ? 'criminal case' : '1F file'} ${id} is known (on ${asOf.date}, as recorded at ${asOf.recordedAt}).`);

  const streams = await evidenceStreamsNaming(tx, caseStream);
  const byStream = await readStreams(tx, streams);
  const items: { id: string; state: EvidenceState; sourceType: string; sourceName: string | null }[] = [];
  for (const stream of streams) {
    const events = byStream.get(stream) ?? [];
    const state = stateAt('evidence', events, asOf.date, asOf.recordedAt);
    if (!state.cases.includes(caseStream)) continue;
    const registered = knownEvents(events, asOf).find((event) => event.type === 'evidence.registered');
    const source = (registered?.data.source ?? {}) as { type?: string; name?: string };
    items.push({ id: stream.slice('evidence/'.length), state, sourceType: source.type ?? 'other', sourceName: source.name ?? null });
  }
  const links = items.flatMap((item) => item.state.elementLinks.filter((link) => link.case === caseStream).map((link) => ({ item, link })));

  const offences = offencesOfCase(kind as CaseKind, caseEvents, asOf, links.map(({ link }) => link.offence));
  const rows: ProofElementRow[] = [];
  const offenceList: ProofMatrix['offences'] = [];
  for (const offence of offences) {
    const known = offenceElements(config, offence);
    if (!known) {
      offenceList.push({ offence, label: { nl: offence, en: offence }, crimes: [], linked: false });
      continue;
    }
    const linkedHere = new Set(links.filter(({ link }) => link.offence === offence).map(({ link }) => link.element));
    // A code with several crimes (crimes against humanity: murder, torture, …) shows the crimes evidence was linked
    // to; a code with one crime shows it always, so that its unsupported elements stand out.
    const crimes = known.crimes.length === 1 ? known.crimes : known.crimes.filter((crime) => crime.elements.some((item) => linkedHere.has(item.id) && !isShared(known.crimes, item.id)));
    offenceList.push({ offence, label: known.label, crimes: crimes.map(({ crime, label, article }) => ({ crime, label, article })), linked: linkedHere.size > 0 });
    const seen = new Set<string>();
    for (const crime of crimes) {
      for (const item of crime.elements) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const shared = known.crimes.length > 1 && isShared(known.crimes, item.id);
        const here = links.filter(({ link }) => link.offence === offence && link.element === item.id);
        const assessed = assessElement(item.id, here.map(({ item: evidence, link }) => linkedEvidence(evidence.id, link.relation, standingOf(evidence.state))));
        rows.push({
          offence, crime: shared ? null : crime.crime, element: item.id, kind: item.kind, label: item.label, source: item.source,
          status: assessed.status, reason: assessed.reason, unverifiedOnly: assessed.unverifiedOnly,
          cells: here.map(({ item: evidence, link }, index) => ({
            item: evidence.id, relation: link.relation, weight: link.weight, reasoning: link.reasoning, linkedOn: link.date,
            verification: assessed.items[index]!.verification, counts: assessed.items[index]!.counts, blocker: assessed.items[index]!.blocker, why: assessed.items[index]!.why,
          })),
        });
      }
    }
  }
  const count = (status: ElementStatus) => rows.filter((row) => row.status === status).length;
  return {
    case: caseStream,
    kind,
    offences: offenceList,
    elements: rows,
    items: items.map(({ id: itemId, state, sourceType, sourceName }) => {
      const standing = standingOf(state);
      const leadOnly = standing.available && standing.verification !== 'failed'
        && (standing.conditions === 'lead-only' || (standing.conditions === 'evidence-with-consent' && standing.consent !== 'given'));
      return {
        id: itemId, title: state.title ?? '', kind: state.kind ?? 'other', sourceType, originator: state.conditions?.originator ?? sourceName,
        available: standing.available, availability: state.availability && !state.availability.available ? { reason: state.availability.reason, date: state.availability.date } : null,
        conditions: standing.conditions, conditionsRecorded: state.conditions !== null, consent: standing.consent, verification: standing.verification, leadOnly,
      };
    }),
    summary: { proven: count('proven'), leadOnly: count('lead-only'), unsupported: count('unsupported') },
    asOf: { date: asOf.date, recordedAt: asOf.recordedAt },
  };
}

/** Whether an element is part of every crime of the offence that has a shared context (a contextual element). */
function isShared(crimes: readonly { context: string | null; elements: readonly { id: string }[] }[], elementId: string): boolean {
  return crimes.filter((crime) => crime.elements.some((item) => item.id === elementId)).length > 1;
}

/**
 * The offences a case must prove: a criminal case those it was opened for; a 1F file the grounds its standing
 * decision rests on and those evidence was linked to — all three while neither names one.
 */
function offencesOfCase(kind: CaseKind, events: Parameters<typeof stateAt>[1], asOf: AsOf, linked: readonly string[]): string[] {
  if (kind === 'criminal') {
    const state = stateAt('criminal', events, asOf.date, asOf.recordedAt);
    return [...new Set([...state.offences, ...linked])];
  }
  const state = stateAt('exclusion', events, asOf.date, asOf.recordedAt);
  const decided = state.decision && !state.decisionAnnulled ? state.decision.grounds.map((ground) => `1F-${ground}`) : [];
  const grounds = [...new Set([...decided, ...linked.filter(isExclusionGround)])].sort();
  return grounds.length > 0 ? grounds : ['1F-a', '1F-b', '1F-c'];
}
