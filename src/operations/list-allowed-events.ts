/**
 * The events the state machine allows on a case today, with the fields of each (for a form), and whether the
 * principal may append and retract there: empty when they may not add events.
 */
import type { CriminalState } from '../domain/criminal/state.js';
import type { StreamKind } from '../domain/event.js';
import { KEY_EVENT_TYPES } from '../domain/rules/victim-information.js';
import { authorize } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { standingEvents } from '../registry/derived.js';
import { viewStream } from '../registry/stream-view.js';
import { allowedEvents } from './event-forms.js';
import type { Queryable } from '../store/db.js';

export async function listAllowedEvents(
  tx: Queryable, policy: Policy, request: { principal: Principal | undefined; kind: StreamKind; stream: string; today: string; now: Date },
) {
  const { kind, stream, today } = request;
  const view = await viewStream(tx, stream, { date: today });
  const facts = registryFacts(tx, request.now);
  const append = await authorize(policy, request.principal, 'events.append', { kind, stream }, { date: today, facts });
  const retract = await authorize(policy, request.principal, 'events.retract', { kind, stream }, { date: today, facts });
  const state = view.state;
  const standing = standingEvents(view);
  const events = append.allowed
    ? allowedEvents(kind, stream, state, today, {
      victims: kind === 'criminal' ? (state as CriminalState).victims : undefined,
      keyEvents: kind === 'criminal' ? standing.filter((event) => KEY_EVENT_TYPES.includes(event.type)).map((event) => event.id) : undefined,
    })
    : [];
  return {
    persons: view.persons.map((person) => person.id),
    answer: { today, phase: state.phase, mayAppend: append.allowed, mayRetract: retract.allowed, refusal: append.allowed ? null : append.reason, events },
  };
}
