/**
 * The witnesses at risk (issue 13, README "Witnesses"): the cases resting on statements of witnesses who are no
 * longer available (returned, unreachable, deceased, unwilling) or who live in a country whose situation changed
 * (config/rules.json countrySituations, e.g. Syria after 2024-12-08). Per case: the witnesses, why each is at risk,
 * the statements (evidence items) concerned, and the elements those statements support.
 *
 * The elements come from the proof matrix's element links (evidence stream, src/domain/rules/proof.ts), which this
 * operation does not read itself: the caller passes `elementsOf` (./statement-elements.ts reads the proof matrix),
 * and without it `elements` is null ("not known here").
 */
import type { AsOf } from '../domain/as-of.js';
import { situationChangesOf, type CountrySituation } from '../domain/rules/country-situations.js';
import { UNAVAILABLE_STATUSES } from '../domain/witness/events.js';
import type { Queryable } from '../store/db.js';
import { allWitnessStreams } from '../store/witness-reads.js';
import { summaryOf, type WitnessSummary } from './list-case-witnesses.js';
import { readWitnesses, type MayIdentify } from './witness-streams.js';

/** An element of an offence or 1F ground of the case that a statement supports (the proof matrix's link). */
export interface ElementRef { offence: string; element: string; evidence: string }
/** The element links of the case's statements, or null when they are not known to the caller. */
export type ElementsOfStatements = (caseStream: string, evidenceIds: readonly string[], asOf: AsOf) => Promise<ElementRef[] | null>;
export const ELEMENTS_NOT_WIRED: ElementsOfStatements = async () => null;

export type RiskReason = 'unavailable' | 'country-situation-changed';

export interface WitnessAtRisk extends WitnessSummary { reasons: RiskReason[] }

export interface CaseAtRisk {
  case: string;
  witnesses: WitnessAtRisk[];
  /** The statements of the witnesses at risk: the evidence items the case would lose. */
  evidence: string[];
  elements: ElementRef[] | null;
}

export interface WitnessRiskRequest {
  asOf: AsOf;
  /** Only witnesses living in this country (ISO alpha-3). */
  country?: string;
  /** The cases the reader may read (the list names no other). */
  mayReadCase: (caseStream: string) => boolean;
  mayIdentify: MayIdentify;
  situations: readonly CountrySituation[];
  elementsOf?: ElementsOfStatements;
}

export async function listWitnessesAtRisk(tx: Queryable, request: WitnessRiskRequest): Promise<CaseAtRisk[]> {
  const witnesses = await readWitnesses(tx, await allWitnessStreams(tx), request.asOf, request.mayIdentify);
  const byCase = new Map<string, WitnessAtRisk[]>();
  for (const witness of witnesses) {
    const { state } = witness;
    if (!state.caseStream || !request.mayReadCase(state.caseStream) || state.statements.length === 0) continue;
    if (request.country !== undefined && state.country !== request.country) continue;
    const reasons: RiskReason[] = [];
    if (UNAVAILABLE_STATUSES.has(state.availability)) reasons.push('unavailable');
    if (situationChangesOf(request.situations, state.country, request.asOf.date).length > 0) reasons.push('country-situation-changed');
    if (reasons.length === 0) continue;
    const list = byCase.get(state.caseStream) ?? [];
    list.push({ ...summaryOf(witness, request.situations, request.asOf.date), reasons });
    byCase.set(state.caseStream, list);
  }
  const elementsOf = request.elementsOf ?? ELEMENTS_NOT_WIRED;
  const cases: CaseAtRisk[] = [];
  for (const [caseStream, list] of [...byCase].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const evidence = [...new Set(list.flatMap((witness) => witness.statements))].sort();
    cases.push({ case: caseStream, witnesses: list, evidence, elements: await elementsOf(caseStream, evidence, request.asOf) });
  }
  return cases;
}
