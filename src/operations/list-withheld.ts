/**
 * What the policy withholds from a principal about a person: the kinds of case naming them that they may not read,
 * how many, and which legal basis would allow it — never which cases (the refusal's own reason names cases and
 * persons: it goes to the access log, not here).
 */
import { CASE_KINDS, parseStreamName } from '../domain/event.js';
import { authorize } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import type { Queryable } from '../store/db.js';
import { streamsNaming } from '../store/event-store.js';

export interface Withheld {
  kind: string;
  count: number;
  reason: string;
  allowingBases: string[];
}

export async function listWithheld(tx: Queryable, policy: Policy, request: { principal: Principal | undefined; person: string; today: string; now: Date }): Promise<Withheld[]> {
  const facts = registryFacts(tx, request.now);
  const withheld = new Map<string, Withheld>();
  for (const item of await streamsNaming(tx, `person/${request.person}`)) {
    const kind = parseStreamName(item)?.kind;
    if (!kind || !(CASE_KINDS as readonly string[]).includes(kind)) continue;
    const decision = await authorize(policy, request.principal, 'stream.read', { kind, stream: item }, { date: request.today, facts });
    if (decision.allowed) continue;
    const who = request.principal ? `${request.principal.role} (${request.principal.organisation})` : 'you';
    const reason = `The access policy does not let ${who} see the ${kind} cases naming this person.`;
    const entry = withheld.get(kind) ?? { kind, count: 0, reason, allowingBases: decision.allowingBases };
    entry.count += 1;
    withheld.set(kind, entry);
  }
  return [...withheld.values()];
}
