/**
 * The registry assigns witnesses' pseudonyms (README, "Witnesses"): a `witness.registered` event that comes without
 * one is given a code unused on its case before it is stored, hashed and chained (./import-events.ts), so the
 * stored event — and every export of it — carries the code. The code is drawn at random among the free codes of the
 * case (src/domain/rules/witness-pseudonym.ts, pickPseudonym): unique on the case, and telling nothing of the person
 * or of the order in which witnesses were heard. Only the registry picks it: a write over the API may not give one
 * (src/server/checked-append.ts); an operator's import keeps a code an event carries (events from before).
 *
 * Runs under the import's chain lock, so no other import assigns codes meanwhile. An event id imported again gets
 * the code stored with it (so the repeat is unchanged, not a conflict).
 */
import { randomInt } from 'node:crypto';
import { pickPseudonym } from '../domain/rules/witness-pseudonym.js';
import type { Queryable } from '../store/db.js';
import { pseudonymsOnCases, storedPseudonyms } from '../store/witness-reads.js';

export const WITNESS_REGISTERED = 'witness.registered';

interface Registration {
  id: string;
  type: string;
  data: Record<string, unknown> | null;
}

/** The case stream a witness registration names. */
function caseStreamOf(data: Record<string, unknown>): string | undefined {
  if (typeof data.criminalCase === 'string') return `criminal/${data.criminalCase}`;
  if (typeof data.exclusionCase === 'string') return `exclusion/${data.exclusionCase}`;
  return undefined;
}

export class PseudonymAssigner {
  /** The codes in use per case: those stored before this import, and those this import gave or carried. */
  private readonly used = new Map<string, Set<string>>();
  /** The codes assigned in this import, by event id (an id repeated within the import keeps its code). */
  private readonly assigned = new Map<string, string>();

  constructor(private readonly tx: Queryable, private readonly randomIndex: (n: number) => number = randomInt) {}

  /**
   * The codes to give the registrations in `events` that carry none, by position in `events`; also notes the codes
   * the others carry. Events of other types are passed over.
   */
  async assign(events: readonly Registration[]): Promise<Map<number, string>> {
    const registrations = events.flatMap((event, index) => (event.type === WITNESS_REGISTERED && event.data ? [{ event, index, data: event.data }] : []));
    const codes = new Map<number, string>();
    if (registrations.length === 0) return codes;
    const cases = [...new Set(registrations.map(({ data }) => caseStreamOf(data)).filter((stream): stream is string => stream !== undefined))];
    const unknown = cases.filter((stream) => !this.used.has(stream));
    if (unknown.length > 0) for (const [stream, used] of await pseudonymsOnCases(this.tx, unknown)) this.used.set(stream, used);
    for (const { data } of registrations) {
      const stream = caseStreamOf(data);
      if (stream && typeof data.pseudonym === 'string') this.used.get(stream)!.add(data.pseudonym);
    }
    const missing = registrations.filter(({ data }) => data.pseudonym === undefined);
    const stored = missing.length > 0 ? await storedPseudonyms(this.tx, missing.map(({ event }) => event.id)) : new Map<string, string>();
    for (const { event, index, data } of missing) {
      const stream = caseStreamOf(data);
      if (!stream) continue; // the event's own validation names the missing case
      const used = this.used.get(stream)!;
      const code = stored.get(event.id) ?? this.assigned.get(event.id) ?? pickPseudonym(stream, used, this.randomIndex);
      used.add(code);
      this.assigned.set(event.id, code);
      codes.set(index, code);
    }
    return codes;
  }
}
