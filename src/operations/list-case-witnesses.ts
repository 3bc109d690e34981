/**
 * The witnesses of one case on a date, as known at a moment (README, "Witnesses"): pseudonym, identity (or withheld),
 * protective measure, statements and availability, with the changes of their country's situation.
 */
import type { AsOf } from '../domain/as-of.js';
import { situationChangesOf, type CountrySituation } from '../domain/rules/country-situations.js';
import type { WitnessIdentity } from '../domain/witness/identity.js';
import type { Queryable } from '../store/db.js';
import { witnessStreamsNaming } from '../store/witness-reads.js';
import { readWitnesses, type MayIdentify, type ReadWitness } from './witness-streams.js';

export interface WitnessSummary extends WitnessIdentity {
  id: string;
  case: string;
  /** The pseudonym's code, e.g. A-12. */
  code: string;
  protection: string;
  statements: string[];
  availability: { status: string; since: string | null; country: string | null };
  /** The changes of the witness's country's situation up to the date (config/rules.json countrySituations). */
  countryChanges: { date: string; change: { nl: string; en: string } }[];
}

export function summaryOf(witness: ReadWitness, situations: readonly CountrySituation[], date: string): WitnessSummary {
  const { state } = witness;
  return {
    id: witness.id,
    case: state.caseStream!,
    code: state.pseudonym ?? '',
    ...witness.identity,
    protection: state.protection,
    statements: state.statements,
    availability: { status: state.availability, since: state.availableSince, country: state.country },
    countryChanges: situationChangesOf(situations, state.country, date).map(({ date: on, change }) => ({ date: on, change })),
  };
}

export async function listCaseWitnesses(
  tx: Queryable,
  request: { caseStream: string; asOf: AsOf; mayIdentify: MayIdentify; situations: readonly CountrySituation[] },
): Promise<WitnessSummary[]> {
  const streams = await witnessStreamsNaming(tx, request.caseStream);
  const witnesses = await readWitnesses(tx, streams, request.asOf, request.mayIdentify);
  return witnesses.filter((witness) => witness.state.caseStream === request.caseStream).map((witness) => summaryOf(witness, request.situations, request.asOf.date));
}
