/**
 * The events the state machine allows on a case (or on an evidence item or a witness) today, with the fields of each
 * (for a form), and whether the principal may append and retract there: empty when they may not add events. Only the
 * event types a write rule of config/policy.json gives the principal's role are offered (docs/server.md, "The write
 * policy"); `opens` names the new streams of this case the role may start (an evidence item, a witness).
 */
import type { CriminalState } from '../domain/criminal/state.js';
import type { StreamKind } from '../domain/event.js';
import { EVENT_TYPES_BY_KIND } from '../domain/events/schema.js';
import { KEY_EVENT_TYPES } from '../domain/rules/victim-information.js';
import { authorize } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { ruleFor } from '../policy/write-policy.js';
import { standingEvents } from '../registry/derived.js';
import { viewStream } from '../registry/stream-view.js';
import { allowedEvents, formFields, type AllowedEvent } from './event-forms.js';
import type { Queryable } from '../store/db.js';

/** The streams that belong to a case and open with an event naming it: an evidence item, a witness (docs/domain.md §4). */
const OPENERS_ON_CASE: Readonly<Record<string, readonly { kind: StreamKind; type: string }[]>> = {
  criminal: [{ kind: 'evidence', type: 'evidence.registered' }, { kind: 'witness', type: 'witness.registered' }],
  exclusion: [{ kind: 'evidence', type: 'evidence.registered' }, { kind: 'witness', type: 'witness.registered' }],
};

/**
 * The events of an evidence item or a witness the role may write: their machines decide on the values the user picks
 * (which case, which element), so they are offered unprobed and the server's answer to the write is the final word.
 */
const UNPROBED_KINDS: ReadonlySet<StreamKind> = new Set(['evidence', 'witness']);

export async function listAllowedEvents(
  tx: Queryable, policy: Policy, request: { principal: Principal | undefined; kind: StreamKind; stream: string; today: string; now: Date },
) {
  const { kind, stream, today, principal } = request;
  const view = await viewStream(tx, stream, { date: today });
  const facts = registryFacts(tx, request.now);
  const append = await authorize(policy, principal, 'events.append', { kind, stream }, { date: today, facts });
  const retract = await authorize(policy, principal, 'events.retract', { kind, stream }, { date: today, facts });
  const rules = principal ? policy.write?.rules[principal.role] ?? [] : [];
  const writable = (streamKind: StreamKind, type: string) => ruleFor(rules, streamKind, type) !== undefined;
  const state = view.state;
  const standing = standingEvents(view);
  let events: AllowedEvent[] = [];
  if (append.allowed && UNPROBED_KINDS.has(kind)) {
    events = EVENT_TYPES_BY_KIND[kind].filter((type) => writable(kind, type)).map((type) => ({ type, fields: formFields(kind, type) }));
  } else if (append.allowed) {
    events = allowedEvents(kind, stream, state, today, {
      victims: kind === 'criminal' ? (state as CriminalState).victims : undefined,
      keyEvents: kind === 'criminal' ? standing.filter((event) => KEY_EVENT_TYPES.includes(event.type)).map((event) => event.id) : undefined,
    }).filter((event) => writable(kind, event.type));
  }
  const opens: string[] = [];
  for (const opener of OPENERS_ON_CASE[kind] ?? []) {
    if (!writable(opener.kind, opener.type)) continue;
    if ((await authorize(policy, principal, 'events.append', { kind: opener.kind }, { date: today, facts })).allowed) opens.push(opener.type);
  }
  const anyWritable = EVENT_TYPES_BY_KIND[kind].some((type) => writable(kind, type));
  const refusal = !append.allowed ? append.reason
    : anyWritable ? null : `Refused: no write rule of config/policy.json gives ${principal?.role ?? 'you'} an event of a ${kind} stream.`;
  return {
    persons: view.persons.map((person) => person.id),
    answer: { today, phase: state.phase, mayAppend: append.allowed && anyWritable, mayRetract: retract.allowed, refusal, events, opens },
  };
}
