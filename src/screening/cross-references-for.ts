/**
 * What a user may learn of the cross-references of a person: hit/no-hit. For each probable match (a current
 * cross-reference hit not rejected) the access policy decides, through the one `authorize`, whether the user may
 * read the other person (stream.read on person/<id>). If so, the user sees who it is, the score and its
 * explanation, with the legal basis. If not, the user learns only that a possible match exists in another partner's
 * files — not who, not how many, not how close — until a legal basis allows more.
 */
import { authorize } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { findHits, type HitStatus } from '../store/hits-store.js';

export interface VisibleMatch {
  hitId: number;
  person: PersonSummary;
  score: number;
  status: HitStatus;
  explanation: unknown;
  /** The legal basis on which the user sees this person. */
  legalBasis: string;
}

export interface CrossReferenceView {
  person: string;
  /** Whether the registry holds a probable match for the person at all. */
  hit: boolean;
  /** Whether a possible match exists that the user may not see (hit/no-hit). */
  matchElsewhere: boolean;
  /** The matches the user may see. */
  matches: VisibleMatch[];
  notice: string | null;
}

export const MATCH_ELSEWHERE_NOTICE = "A possible match exists in another partner's files. Its details are not shared without a legal basis: ask that partner, or the OM, for the basis to share.";

/**
 * @returns the view, and the persons it shows (for the access log)
 */
export async function crossReferencesFor(
  tx: Queryable, policy: Policy, principal: Principal, personId: string, date: string,
): Promise<{ view: CrossReferenceView; shownPersons: string[] }> {
  const hits = (await findHits(tx, { source: 'registry', person: personId })).filter((hit) => hit.status !== 'rejected');
  const facts = registryFacts(tx);
  const visible: Array<Omit<VisibleMatch, 'person'> & { other: string }> = [];
  let withheld = false;
  for (const hit of hits) {
    const other = hit.personId === personId ? hit.counterpart : hit.personId;
    const decision = await authorize(policy, principal, 'stream.read', { kind: 'person', stream: `person/${other}` }, { date, facts });
    if (decision.allowed) visible.push({ hitId: hit.id, other, score: hit.score, status: hit.status, explanation: hit.explanation, legalBasis: decision.legalBasis });
    else withheld = true;
  }
  const persons = new Map((await summarisePersons(tx, visible.map((match) => match.other))).map((person) => [person.id, person]));
  const matches = visible.map(({ other, ...match }) => ({ ...match, person: persons.get(other)! }));
  return {
    view: { person: personId, hit: hits.length > 0, matchElsewhere: withheld, matches, notice: withheld ? MATCH_ELSEWHERE_NOTICE : null },
    shownPersons: [personId, ...visible.map((match) => match.other)],
  };
}
