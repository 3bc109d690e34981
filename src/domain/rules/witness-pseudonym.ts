/**
 * Pseudonyms for protected witnesses (Sv 226a ff.; docs/domain.md §3): everybody the policy does not name for the case
 * sees "getuige A-12" instead of the person.
 *
 * The registry assigns the code when a witness is registered without one (src/import/witness-pseudonyms.ts):
 * `pickPseudonym` draws it at random from the codes not yet used on the case, so it is unique on the case and says
 * nothing about the person nor about the order in which witnesses were heard. `assignWitnessPseudonyms` is how codes
 * were made before (a keyed hash, HMAC-SHA256, of the case and the witness; the demo still uses it with a fixed key);
 * events that carry such a code keep it. Pure: the key and the randomness are arguments.
 */
import { createHmac } from 'node:crypto';
import { ImketenError } from '../errors.js';
import type { Bilingual } from './rule-config.js';

/** Letters that cannot be read as digits (no I, O). */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const NUMBERS = 99;
/** How many distinct codes a case can hold. */
export const PSEUDONYM_CAPACITY = LETTERS.length * NUMBERS;
export const MIN_KEY_BYTES = 16;

/** The candidate code of a witness on a case at a given attempt (attempts > 0 resolve a clash within the case). */
function candidate(key: string | Uint8Array, caseId: string, witnessId: string, attempt: number): string {
  const digest = createHmac('sha256', key).update(`${caseId}\u0000${witnessId}\u0000${attempt}`).digest();
  const letter = LETTERS[digest.readUInt32BE(0) % LETTERS.length] as string;
  const number = (digest.readUInt32BE(4) % NUMBERS) + 1;
  return `${letter}-${number}`;
}

/**
 * The pseudonym codes of a case's protected witnesses, given in the order they were registered on the case. A new
 * witness never changes the code of an earlier one: a clash is resolved by the later witness taking its next
 * candidate. Returns witness id → code, e.g. "A-12".
 */
export function assignWitnessPseudonyms(caseId: string, witnessIds: readonly string[], key: string | Uint8Array): Map<string, string> {
  const bytes = typeof key === 'string' ? Buffer.byteLength(key) : key.byteLength;
  if (bytes < MIN_KEY_BYTES) {
    throw new ImketenError('CONFIG_INVALID', `the witness pseudonym key must be at least ${MIN_KEY_BYTES} bytes, got ${bytes}`);
  }
  const codes = new Map<string, string>();
  const used = new Set<string>();
  for (const witnessId of witnessIds) {
    if (codes.has(witnessId)) continue;
    if (used.size >= PSEUDONYM_CAPACITY) throw new ImketenError('INVALID_INPUT', `case ${caseId} has more protected witnesses than pseudonyms (${PSEUDONYM_CAPACITY})`);
    let attempt = 0;
    let code = candidate(key, caseId, witnessId, attempt);
    while (used.has(code)) code = candidate(key, caseId, witnessId, ++attempt);
    used.add(code);
    codes.set(witnessId, code);
  }
  return codes;
}

/** Every code, in a fixed order: A-1 … A-99, B-1 … Z-99. */
const ALL_CODES: readonly string[] = [...LETTERS].flatMap((letter) => Array.from({ length: NUMBERS }, (_, index) => `${letter}-${index + 1}`));

/**
 * A code not in `used` (the codes of the case's witnesses so far), drawn uniformly by `randomIndex(n)`, which returns
 * an integer in [0, n) — e.g. node:crypto's randomInt. Throws when the case has used every code.
 */
export function pickPseudonym(caseStream: string, used: ReadonlySet<string>, randomIndex: (n: number) => number): string {
  const free = ALL_CODES.filter((code) => !used.has(code));
  if (free.length === 0) throw new ImketenError('INVALID_INPUT', `${caseStream} has more witnesses than pseudonyms (${PSEUDONYM_CAPACITY})`);
  return free[randomIndex(free.length)]!;
}

/** How a pseudonym is shown: "getuige A-12" / "witness A-12". */
export function pseudonymLabel(code: string): Bilingual {
  return { nl: `getuige ${code}`, en: `witness ${code}` };
}
