/**
 * Potential new witnesses, for the police (issue 13, README "Witnesses"): witnesses who said they were unwilling to
 * testify and whose country's situation changed after that (config/rules.json countrySituations) — e.g. a Syrian
 * witness afraid before 2024-12-08 may be willing now. Each with the case they were heard in and the change.
 */
import type { AsOf } from '../domain/as-of.js';
import { situationChangesOf, type CountrySituation } from '../domain/rules/country-situations.js';
import type { Queryable } from '../store/db.js';
import { allWitnessStreams } from '../store/witness-reads.js';
import { summaryOf, type WitnessSummary } from './list-case-witnesses.js';
import { readWitnesses, type MayIdentify } from './witness-streams.js';

export interface PotentialWitness extends WitnessSummary {
  /** The date they were recorded as unwilling. */
  unwillingSince: string;
  /** The change of their country's situation after that date (the latest). */
  changed: { date: string; change: { nl: string; en: string }; source: string };
}

export async function listPotentialWitnesses(
  tx: Queryable,
  request: { asOf: AsOf; country?: string; mayReadCase: (caseStream: string) => boolean; mayIdentify: MayIdentify; situations: readonly CountrySituation[] },
): Promise<PotentialWitness[]> {
  const witnesses = await readWitnesses(tx, await allWitnessStreams(tx), request.asOf, request.mayIdentify);
  const found: PotentialWitness[] = [];
  for (const witness of witnesses) {
    const { state } = witness;
    if (state.availability !== 'unwilling' || !state.availableSince || !state.caseStream || !request.mayReadCase(state.caseStream)) continue;
    if (request.country !== undefined && state.country !== request.country) continue;
    const since = situationChangesOf(request.situations, state.country, request.asOf.date).find((situation) => situation.date > state.availableSince!);
    if (!since) continue;
    found.push({ ...summaryOf(witness, request.situations, request.asOf.date), unwillingSince: state.availableSince, changed: { date: since.date, change: since.change, source: since.source } });
  }
  return found;
}
