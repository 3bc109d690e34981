/**
 * Export as interchange format v1: one JSON line per event, in order of arrival, with the fields in the order of
 * the format's documentation. Export → import into an empty store → export gives the same bytes.
 */
import type { Queryable } from '../store/db.js';
import { readLog, type LoggedEvent, type StoredEvent } from '../store/event-store.js';

/**
 * One line of the format. An erased event (docs/retention.md) keeps its place in the log with its content hash and
 * `"erased": true` instead of its data: enough for the importing store to chain it as it was chained here.
 */
export function toInterchangeLine(event: StoredEvent | LoggedEvent): string {
  const { id, stream, type, date, recordedAt, data } = event;
  if (data === null) return `${JSON.stringify({ id, stream, type, date, recordedAt, contentHash: (event as LoggedEvent).contentHash, erased: true })}\n`;
  return `${JSON.stringify({ id, stream, type, date, recordedAt, data })}\n`;
}

export async function* exportLines(tx: Queryable, options: { stream?: string } = {}): AsyncGenerator<string> {
  for await (const page of readLog(tx, { ...options, withErased: true })) {
    for (const event of page) yield toInterchangeLine(event);
  }
}
