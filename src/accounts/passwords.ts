/**
 * Password hashing with Argon2id (@node-rs/argon2: the `argon2` package's bundled binary crashes on Node 20).
 * Parameters follow OWASP's Argon2id minimum (19 MiB, 2 iterations, 1 lane); the PHC string stores them, so
 * raising them later still verifies old hashes.
 */
import { hash, verify, type Options } from '@node-rs/argon2';

const ARGON2ID = 2 as Options['algorithm'];
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified when the account is unknown, so a failed login takes as long either way. */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('no such account: equalise timing');
  return dummy;
}
