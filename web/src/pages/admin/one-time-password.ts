/**
 * A one-time password for a reset (PATCH /api/accounts/{id} takes the new password): 20 characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), from the browser's cryptographic random source, shown once.
 */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function oneTimePassword(length = 20): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  // 2^32 is not a multiple of the alphabet's length; the bias (under 2^-26) does not matter at this length.
  return Array.from(bytes, (value) => ALPHABET[value % ALPHABET.length]).join('');
}
