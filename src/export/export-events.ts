/**
 * Export as interchange format v1: one JSON line per event, in order of arrival, with the fields in the order of
 * the format's documentation. Export → import into an empty store → export gives the same bytes.
 */
import type { Queryable } from '../store/db.js';
import { readLog, type StoredEvent } from '../store/event-store.js';

export function toInterchangeLine(event: StoredEvent): string {
  const { id, stream, type, date, recordedAt, data } = event;
  return `${JSON.stringify({ id, stream, type, date, recordedAt, data })}\n`;
}

export async function* exportLines(tx: Queryable, options: { stream?: string } = {}): AsyncGenerator<string> {
  for await (const page of readLog(tx, options)) {
    for (const event of page) yield toInterchangeLine(event);
  }
}
