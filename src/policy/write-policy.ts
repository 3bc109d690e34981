/**
 * The write policy: may this principal append these events? Read from config/policy.json (`write`), as
 * `authorize` reads the rest. A write never widens what the writer reads: every event must go to a stream the role
 * may read (or a new one), may name only persons and cases the role may read already (or a person its organisation
 * registered, or a stream created in the same request), and its type must be one a write rule gives the role.
 * Person merges need a confirmed match whose reviewer reads both persons; retractions take back only the writer's
 * own organisation's events (or an operator's import). docs/server.md, "The write policy", says why.
 */
import type { EventInput } from '../domain/event.js';
import { parseStreamName } from '../domain/event.js';
import { RETRACTED } from '../domain/events/retraction.js';
import { referencesOf, validateEvent } from '../domain/events/schema.js';
import { authorize } from './authorize.js';
import type { RegistryFacts } from './conditions.js';
import type { Policy, WriteRule } from './policy.js';
import type { Principal } from './principal.js';

/** What the registry knows that the write policy asks about (src/screening/write-facts.ts is the SQL behind it). */
export interface WriteFacts {
  streamExists(stream: string): Promise<boolean>;
  /** The stream and type of a stored event, and the organisation that wrote it (null: an operator's import). */
  eventWriter(eventId: string): Promise<{ stream: string; type: string; organisation: string | null; data: Record<string, unknown> } | undefined>;
  /** The organisation that registered the person over the API (null: an operator's import, or no such person). */
  registeredBy(personId: string): Promise<string | null>;
  /** The confirmed cross-reference hit between two persons, and who confirmed it. */
  confirmedMatch(a: string, b: string): Promise<{ hitId: number; reviewedBy: string } | undefined>;
  /** The role a reviewer (an account, or `token:<id>:…`) acts as; undefined for an operator at the server. */
  principalOf(username: string): Promise<Principal | undefined>;
}

export interface WriteContext {
  /** Today's legal date: read access is decided as of it. */
  date: string;
  facts: RegistryFacts;
  writes: WriteFacts;
}

export type WriteDecision =
  | { allowed: true; legalBasis: string }
  | { allowed: false; reason: string; allowingBases: string[] };

/**
 * Decides a whole request: allowed only when every event is. Events that do not fit the interchange format are
 * left to the import, which refuses the request (400) — nothing of it is stored either way. A refusal names only
 * what the request itself sent (its events, streams and ids), never what the registry holds about them.
 */
export async function authorizeWrite(policy: Policy, principal: Principal, events: readonly EventInput[], context: WriteContext): Promise<WriteDecision> {
  const who = `${principal.role} (${principal.organisation})`;
  const rules = policy.write?.rules[principal.role] ?? [];
  const created = new Set<string>();
  for (const stream of new Set(events.map((event) => event.stream))) {
    if (parseStreamName(stream) && !(await context.writes.streamExists(stream))) created.add(stream);
  }
  const inRequest = new Map(events.map((event) => [event.id, event]));
  const readable = readableBy(policy, principal, context);
  const bases = new Set<string>();

  for (const [index, raw] of events.entries()) {
    const result = validateEvent(raw);
    if (!result.ok) continue;
    const { event, references } = result;
    const kind = parseStreamName(event.stream)!.kind;
    const refuse = (why: string, allowingBases: string[] = []): WriteDecision => ({
      allowed: false, reason: `Refused: ${who} may not write events[${index}] (${event.type} on ${event.stream}): ${why}.`, allowingBases,
    });

    if (!created.has(event.stream) && !(await readable(event.stream))) {
      return refuse(`you may not read ${event.stream}, so you may not write to it`);
    }

    let rule: WriteRule | undefined;
    // What the write names, with the event type whose sharing regime may open it.
    const named = references.map((reference) => ({ ...reference, type: event.type }));
    if (event.type === RETRACTED) {
      const target = String(event.data.event);
      const mine = inRequest.get(target);
      const written = mine ? { stream: mine.stream, type: mine.type, organisation: principal.organisation, data: mine.data } : await context.writes.eventWriter(target);
      // an event that is not on this stream: the import refuses the retraction, saying nothing of where it is
      if (!written || written.stream !== event.stream) continue;
      rule = ruleFor(rules, kind, written.type);
      if (!rule) return refuse(`the write policy gives role ${principal.role} no right to write ${written.type}, so none to retract it`, rolesThatMay(policy, kind, written.type));
      if (written.organisation !== null && written.organisation !== principal.organisation) {
        return refuse(`event ${target} was written by another organisation; only that organisation retracts it (write.retract: own-organisation)`);
      }
      // Taking an event back changes what it named as much as writing it did: retracting an operator's
      // evidence.unlinked links the item to that case again (and the case's readers read it). So a retraction names
      // what the retracted event names.
      for (const reference of referencesOf(written.data)) named.push({ ...reference, field: `the retracted event's ${reference.field}`, type: written.type });
    } else {
      rule = ruleFor(rules, kind, event.type);
      if (!rule) return refuse(`the write policy gives role ${principal.role} no right to append ${event.type}`, rolesThatMay(policy, kind, event.type));
    }

    for (const reference of named) {
      if (created.has(reference.stream) || (await readable(reference.stream))) continue;
      if (opensByRegime(policy, reference.type, reference.stream)) continue;
      const [refKind, refId] = reference.stream.split('/');
      return refuse(
        `${reference.field} names ${refKind} ${refId}, ${refKind === 'person' ? 'whom' : 'which'} you may not read; name only persons and cases you may read already, `
        + 'or a person you register yourself (person.registered)',
      );
    }

    for (const condition of rule.requires ?? []) {
      if (condition === 'confirmed-match') {
        const why = await confirmedMatchProblem(policy, parseStreamName(event.stream)!.id, String(event.data.into), context);
        if (why) return refuse(why);
      }
    }
    bases.add(rule.legalBasis);
  }
  return { allowed: true, legalBasis: `write policy: ${[...bases].join('; ') || 'nothing new'}` };
}

/**
 * An event that carries a sharing regime's facts names the file the regime opens — the judge's authorisation names
 * the 1F file the OM may not read yet (R3). That reference is checked by the regime's own rules (the role that
 * records it, the file being about the suspect: src/import/check-judge-authorisations.ts), not by the rule that a
 * writer names only what it reads.
 */
function opensByRegime(policy: Policy, type: string, stream: string): boolean {
  const kind = parseStreamName(stream)?.kind;
  return policy.sharing.some((regime) => regime.recordedBy?.eventTypes.includes(type) && kind !== undefined && regime.kinds.includes(kind));
}

/** The rule that lets a role write a type on a kind of stream, if any. */
export function ruleFor(rules: readonly WriteRule[], kind: string, type: string): WriteRule | undefined {
  return rules.find((rule) => (rule.kinds as readonly string[]).includes(kind) && (rule.types.includes('*') || rule.types.includes(type)));
}

function rolesThatMay(policy: Policy, kind: string, type: string): string[] {
  const roles = Object.entries(policy.write?.rules ?? {}).filter(([, rules]) => ruleFor(rules, kind, type)).map(([role]) => role);
  return roles.length > 0 ? [`only these roles may write ${type}: ${roles.join(', ')}`] : [];
}

/**
 * Whether a principal may read a stream, for writing: what stream.read allows it, and the persons its own
 * organisation registered (a partner names the person it registered in the case it opens next).
 */
function readableBy(policy: Policy, principal: Principal, context: WriteContext): (stream: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (stream) => {
    let answer = known.get(stream);
    if (!answer) {
      answer = mayRead(policy, principal, stream, context);
      known.set(stream, answer);
    }
    return answer;
  };
}

async function mayRead(policy: Policy, principal: Principal, stream: string, context: WriteContext): Promise<boolean> {
  const parsed = parseStreamName(stream);
  if (!parsed) return false;
  const decision = await authorize(policy, principal, 'stream.read', { kind: parsed.kind, stream }, { date: context.date, facts: context.facts });
  if (decision.allowed) return true;
  return parsed.kind === 'person' && (await context.writes.registeredBy(parsed.id)) === principal.organisation;
}

/** A merge needs a confirmed cross-reference hit between the two persons whose reviewer may read both. */
export async function confirmedMatchProblem(policy: Policy, absorbed: string, into: string, context: WriteContext): Promise<string | undefined> {
  const match = await context.writes.confirmedMatch(absorbed, into);
  if (!match) return `${absorbed} and ${into} have no confirmed cross-reference hit: a merge needs a match reviewed and confirmed by someone who may read both persons first`;
  const reviewer = await context.writes.principalOf(match.reviewedBy);
  // a review by an operator at the server (imketen hits confirm --by …) is not an account's: it stands
  if (!reviewer) return undefined;
  for (const person of [absorbed, into]) {
    if (!(await mayRead(policy, reviewer, `person/${person}`, context))) {
      return `hit ${match.hitId} was confirmed by a reviewer who may not read both persons: it needs a review by someone who may`;
    }
  }
  return undefined;
}
