/**
 * Identifiers of the demo registry. Event ids and ECLI numbers count over the whole run (all replicas), so they
 * are unique by construction; person and case ids count per replica and carry the replica's suffix
 * (`SZ-2019-004` in the first replica, `SZ-2019-004-R2` in the second), so every replica has the same shape.
 */
import type { Rng } from './prng.js';

/** The counters shared by every replica of one generation run. */
export class RunIds {
  private events = 0;
  private readonly ecliCounts = new Map<string, number>();

  nextEventId(): string {
    this.events += 1;
    return `ev-${String(this.events).padStart(7, '0')}`;
  }

  /**
   * A fictional ECLI, unique within the run: the n-th number of a court and year lies in its own block of nine
   * (1000 + 9n … 1008 + 9n), so the numbers look scattered but never repeat.
   */
  nextEcli(rng: Rng, court: string, year: number): string {
    const key = `${court}:${year}`;
    const count = this.ecliCounts.get(key) ?? 0;
    this.ecliCounts.set(key, count + 1);
    return `ECLI:NL:${key}:${1000 + 9 * count + rng.int(0, 8)}`;
  }
}

/** Case-id prefixes, after the Dutch names of the files: strafzaak, uitlevering, 1F, DT&V, melding, rechtshulp. */
export const CASE_ID_PREFIX = {
  criminal: 'SZ',
  extradition: 'UL',
  exclusion: 'IF',
  departure: 'DTV',
  intake: 'ML',
  mla: 'RH',
} as const;

export type CaseIdKind = keyof typeof CASE_ID_PREFIX;

/** The person and case numbers of one replica. */
export class ReplicaIds {
  private persons = 0;
  private readonly caseCounts = new Map<string, number>();
  private readonly suffix: string;

  constructor(readonly replica: number) {
    this.suffix = replica === 1 ? '' : `-R${replica}`;
  }

  nextPerson(): string {
    this.persons += 1;
    return `P-${String(this.persons).padStart(5, '0')}${this.suffix}`;
  }

  /** `IF-2023-017`: the kind's prefix, the year the case was opened, a number within that year. */
  nextCase(kind: CaseIdKind, openedIn: number): string {
    const key = `${CASE_ID_PREFIX[kind]}-${openedIn}`;
    const count = (this.caseCounts.get(key) ?? 0) + 1;
    this.caseCounts.set(key, count);
    return `${key}-${String(count).padStart(3, '0')}${this.suffix}`;
  }
}
