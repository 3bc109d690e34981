/**
 * Withholding a protected witness's identity (Sv 226a ff.; README, "Witnesses"): whoever the policy does not name for
 * the witness's case (config/policy.json `witness-identity.read`) sees the pseudonym "getuige A-12" in place of the
 * person and the name — in every output: the witness list, the stream's events, exports, the access log. Pure.
 *
 * A witness counts as protected when a measure other than `none` stands as the registry knows it now (latest legal
 * date): a measure lifted later shows the identity again, also for earlier dates; a measure set later hides it for
 * every date, since the identity is what must stay secret, not a state at a date.
 */
import type { RecordedEvent } from '../event.js';
import { pseudonymLabel } from '../rules/witness-pseudonym.js';
import type { Bilingual } from '../rules/rule-config.js';
import { isProtected, type WitnessState } from './state.js';

/** The fields of witness events that carry the identity. */
const IDENTITY_FIELDS = ['person', 'name'] as const;

/** Whether the witness's identity must be withheld from a reader who is not granted witness-identity.read. */
export function identityWithheld(latest: Pick<WitnessState, 'protection'>, mayIdentify: boolean): boolean {
  return isProtected(latest) && !mayIdentify;
}

/** An event of a witness stream without the identity fields (the pseudonym stays); other events unchanged. */
export function withoutIdentity<Event extends { type: string; data: Record<string, unknown> }>(event: Event): Event {
  if (!event.type.startsWith('witness.')) return event;
  const data = { ...event.data };
  let changed = false;
  for (const field of IDENTITY_FIELDS) {
    if (field in data) { delete data[field]; changed = true; }
  }
  return changed ? { ...event, data } : event;
}

/** A stored row's references without the person of a withheld witness (the case and statements stay). */
export function referencesWithoutPersons(refs: readonly string[]): string[] {
  return refs.filter((ref) => !ref.startsWith('person/'));
}

/** How a witness is named to a reader: the person and name, or null and the pseudonym. */
export interface WitnessIdentity {
  person: string | null;
  name: string | null;
  pseudonym: Bilingual;
  withheld: boolean;
}

export function identityOf(state: Pick<WitnessState, 'person' | 'name' | 'pseudonym'>, withheld: boolean): WitnessIdentity {
  const pseudonym = pseudonymLabel(state.pseudonym ?? '?');
  return withheld ? { person: null, name: null, pseudonym, withheld } : { person: state.person, name: state.name, pseudonym, withheld };
}

/** A witness stream's events for a reader, identity withheld when it must be. */
export function eventsForReader(events: readonly RecordedEvent[], withheld: boolean): RecordedEvent[] {
  return withheld ? events.map((event) => withoutIdentity(event)) : [...events];
}
