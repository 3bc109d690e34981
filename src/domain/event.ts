/**
 * The envelope of an event in the interchange format v1 (docs/domain.md §5 / README "Interchange format").
 * STORED DATA: events are kept forever. Never change the meaning of a field in place; add fields or types instead.
 */
export const STREAM_KINDS = ['person', 'criminal', 'extradition', 'exclusion', 'departure', 'intake', 'mla', 'evidence', 'witness', 'task'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/**
 * A case kind is every stream kind but `person`, `evidence`, `witness` and `task` (an evidence item and a witness
 * belong to a case; a task of the inbox is an organisation's note about waiting work: none of them is a case).
 */
export type CaseKind = Exclude<StreamKind, 'person' | 'evidence' | 'witness' | 'task'>;
export const CASE_KINDS: readonly CaseKind[] = STREAM_KINDS.filter((kind): kind is CaseKind => kind !== 'person' && kind !== 'evidence' && kind !== 'witness' && kind !== 'task');

/** An event as it arrives (import, API): `recordedAt` may be missing, the system then sets it. */
export interface EventInput {
  id: string;
  /** `<kind>/<id>`, e.g. `criminal/SZ-2023-004`. */
  stream: string;
  type: string;
  /** The legal date on which the fact happened (valid time), YYYY-MM-DD. */
  date: string;
  /** When the registry learned it (transaction time), ISO 8601 UTC. */
  recordedAt?: string;
  data: Record<string, unknown>;
}

/** An event as stored: it has a transaction time and its place in the order of arrival. */
export interface RecordedEvent extends EventInput {
  recordedAt: string;
  /** Order of arrival in the whole registry: the last tie-breaker when date and recordedAt are equal. */
  seq: number;
}

/** Splits `criminal/SZ-2023-004` into its kind and id; returns undefined when it is not of that form. */
export function parseStreamName(stream: string): { kind: StreamKind; id: string } | undefined {
  const slash = stream.indexOf('/');
  if (slash <= 0) return undefined;
  const kind = stream.slice(0, slash);
  const id = stream.slice(slash + 1);
  if (!id || !(STREAM_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as StreamKind, id };
}

/** The order of events within one stream: date, then recordedAt, then order of arrival (docs/domain.md §5). */
export function compareEvents(a: RecordedEvent, b: RecordedEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.seq - b.seq;
}
