/**
 * Pseudonyms for protected witnesses (Sv 226a ff.; docs/domain.md §3): everybody the policy does not name for the case
 * sees "getuige A-12" instead of the person. The code is a keyed hash (HMAC-SHA256) of the case and the witness, so
 * it is stable for a case and witness, differs between cases, and cannot be traced back to the person without the
 * key and the registry. Pure: the key is an argument (configuration of the installation), never read here.
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

/** How a pseudonym is shown: "getuige A-12" / "witness A-12". */
export function pseudonymLabel(code: string): Bilingual {
  return { nl: `getuige ${code}`, en: `witness ${code}` };
}
