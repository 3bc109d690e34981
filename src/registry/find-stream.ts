/**
 * Finds a stream from what a user types: a full stream name (`criminal/SZ-2023-004`) or a bare id (`SZ-2023-004`),
 * which must then name exactly one stream.
 */
import { ImketenError } from '../domain/errors.js';
import { parseStreamName, STREAM_KINDS } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import { streamExists } from '../store/event-store.js';
import { existingStreams } from '../store/registry-reads.js';

export async function findStream(tx: Queryable, reference: string): Promise<string> {
  if (parseStreamName(reference)) {
    if (await streamExists(tx, reference)) return reference;
    throw new ImketenError('CASE_NOT_FOUND', `No ${reference} in the registry.`);
  }
  const candidates = STREAM_KINDS.map((kind) => `${kind}/${reference}`);
  const found = await existingStreams(tx, candidates);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new ImketenError('CASE_NOT_FOUND', `No person or case with id '${reference}' in the registry.`);
  throw new ImketenError('INVALID_INPUT', `'${reference}' names several streams (${found.join(', ')}): give the full name.`);
}
