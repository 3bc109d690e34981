/**
 * Cross-referencing the registry with itself: pairs of distinct persons that probably are the same person and are
 * known to different partners (the police and OM through criminal cases, the IND through a 1F file, DT&V through a
 * departure dossier). Each pair is stored as a hit for review, like a watchlist hit; the smaller person id is
 * `person_id`, the other the counterpart. Every run compares all persons: scores do not depend on the direction
 * (the better of both directions counts), and a run over the whole registry takes seconds.
 */
import { DEFAULT_THRESHOLD, MatchIndex, type Hit } from '../matching/api.js';
import type { Policy } from '../policy/policy.js';
import type { Db } from '../store/db.js';
import { insertRun, type FoundHit, type HitRow } from '../store/hits-store.js';
import { caseKindsOfPersons } from '../store/screening-reads.js';
import { knownToDifferentPartners, partnersByKind, partnersOf } from './partners.js';
import { recordHits } from './record-hits.js';
import { asMatchEntry, loadRegistryPersons } from './registry-persons.js';
import { screenPerson } from './screen-person.js';
import { timeSlicer } from './time-slices.js';

export interface CrossReferenceOptions {
  policy: Policy;
  threshold?: number;
  by: string;
  now: () => Date;
}

export interface CrossReferenceSummary {
  runId: number;
  threshold: number;
  persons: number;
  /** Pairs at or above the threshold known to different partners. */
  pairsFound: number;
  pairsGone: number;
  raised: HitRow[];
}

export async function crossReferenceRegistry(db: Db, options: CrossReferenceOptions): Promise<CrossReferenceSummary> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const now = options.now();
  const persons = await loadRegistryPersons(db, {}, now);
  const kindsOf = await caseKindsOfPersons(db);
  const byKind = partnersByKind(options.policy);
  const partners = new Map(persons.map((person) => [
    person.id,
    partnersOf([person.id, ...person.absorbed].flatMap((id) => kindsOf.get(id) ?? []), byKind),
  ]));
  const byId = new Map(persons.map((person) => [person.id, person]));
  const index = MatchIndex.from(persons.map(asMatchEntry));

  const best = new Map<string, { a: string; b: string; hit: Hit }>();
  const slice = timeSlicer();
  for (const person of persons) {
    await slice();
    for (const hit of screenPerson(index, person, { threshold, limit: 20 })) {
      if (hit.id === person.id) continue;
      const [a, b] = person.id < hit.id ? [person.id, hit.id] : [hit.id, person.id];
      if (!knownToDifferentPartners(partners.get(a) ?? [], partners.get(b) ?? [])) continue;
      const key = `${a}\u0000${b}`;
      const earlier = best.get(key);
      if (!earlier || hit.score > earlier.hit.score) best.set(key, { a, b, hit });
    }
  }
  const found: FoundHit[] = [...best.values()].map(({ a, b, hit }) => ({
    personId: a, counterpart: b, score: hit.score, explanation: hit.explanation,
    personHash: byId.get(a)!.dataHash, counterpartHash: byId.get(b)!.dataHash,
  }));
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const recorded = await recordHits(tx, { source: 'registry', watchlistId: null, listVersion: null, found, at, reevaluated: () => true });
    const runId = await insertRun(tx, {
      source: 'registry', watchlistId: null, listVersion: null, startedAt: at, startedBy: options.by, scope: {}, threshold,
      personsInScope: persons.length, personsFull: persons.length, personsDelta: 0, hitsFound: recorded.found, hitsRaised: recorded.raised.length,
    });
    return { runId, threshold, persons: persons.length, pairsFound: recorded.found, pairsGone: recorded.gone, raised: recorded.raised };
  });
}
