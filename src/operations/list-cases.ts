/**
 * The cases of a kind with their phase on a date, as known at a moment, in stream order: every kind for the command
 * line, a page of one kind for the API.
 */
import type { CaseKind } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import { casesAt, type CaseAt } from '../store/segments.js';
import type { AsOf } from '../domain/as-of.js';

export async function listCases(
  tx: Queryable, request: { kind: CaseKind; asOf: AsOf; phase?: string; after?: string; limit?: number },
): Promise<CaseAt[]> {
  return casesAt(tx, {
    kind: request.kind, date: request.asOf.date, asRecordedAt: request.asOf.recordedAt,
    phases: request.phase === undefined ? undefined : [request.phase], after: request.after, limit: request.limit,
  });
}
