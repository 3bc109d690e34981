/**
 * The event log's hash chain: what each link covers, and how `imketen verify` reads the chain back. The import
 * writes the links (src/import/import-events.ts); src/audit/verify-store.ts recomputes them.
 * STORED DATA: the hashes cover exactly these functions' output; changing them breaks every stored chain.
 */
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import { readEventChain, type ChainedEvent } from '../store/event-store.js';
import type { ChainedLog } from './verify-store.js';

/**
 * The content of an event, as a hash: SHA-256 of the canonical JSON of its stream, type, date and data. The same
 * id with the same content hash is a repeat (a no-op); the hash chain covers it too.
 */
export function eventContentHash(event: { stream: string; type: string; date: string; data: Record<string, unknown> }): string {
  return sha256Hex(canonicalJson({ stream: event.stream, type: event.type, date: event.date, data: event.data }));
}

/**
 * The same hash from the canonical JSON of the data, which the import also stores: the text is built once per
 * event. The members are written in sorted order (data, date, stream, type), as canonicalJson would.
 */
export function contentHashOfCanonicalData(event: { stream: string; type: string; date: string }, dataJson: string): string {
  return sha256Hex(`{"data":${dataJson},"date":${JSON.stringify(event.date)},"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`);
}

/** What an event's link in the hash chain covers: its id, when it was recorded, and its content (by hash). */
export function chainLink(event: { id: string; recordedAt: string; contentHash: string }): unknown {
  return { id: event.id, recordedAt: event.recordedAt, contentHash: event.contentHash };
}

/** The event log as `imketen verify` and `imketen checkpoint` walk it. */
export const EVENT_LOG: ChainedLog<ChainedEvent> = {
  name: 'events',
  pages: (tx) => readEventChain(tx),
  // Recomputed from the row's data, not from its stored content_hash column: an edit of the data shows. An erased
  // event has no data left (docs/retention.md): its link rests on the stored content hash, which the link covers.
  contentOf: (row) => chainLink({
    id: row.id, recordedAt: row.recordedAt, contentHash: row.data === null ? row.contentHash : eventContentHash({ ...row, data: row.data }),
  }),
  describe: (row) => `event ${row.id} (seq ${row.seq}, ${row.stream})`,
};
