/**
 * One person or case as a user sees it: its timeline in legal-date order with the recorded time of each entry and
 * what was retracted, its state now (or at a date, as known at a time), the persons it names, and for a person the
 * cases that name them.
 */
import { compareEvents, parseStreamName, type StreamKind } from '../domain/event.js';
import { RETRACTED } from '../domain/events/retraction.js';
import type { AnyStreamState } from '../domain/machines.js';
import type { PersonState } from '../domain/person/state.js';
import { stateAt } from '../domain/replay.js';
import type { Queryable } from '../store/db.js';
import { readStream, readStreams, streamsNaming, type StoredEvent } from '../store/event-store.js';

export interface TimelineEntry {
  event: StoredEvent;
  /** Set when a retraction known at the view's time took this event back. */
  retractedBy?: { eventId: string; recordedAt: string; reason: string };
}

export interface PersonSummary {
  id: string;
  names: string[];
  birthDate: string | null;
  nationalities: string[];
}

export interface StreamView {
  stream: string;
  kind: StreamKind;
  id: string;
  date: string;
  asRecordedAt: string | undefined;
  state: AnyStreamState;
  timeline: TimelineEntry[];
  /** The persons this stream's events name (suspect, person, victims, subjects). */
  persons: PersonSummary[];
  /** For a person: the cases whose events name them. */
  cases: string[];
  events: StoredEvent[];
}

export async function viewStream(tx: Queryable, stream: string, options: { date: string; asRecordedAt?: string }): Promise<StreamView> {
  const { kind, id } = parseStreamName(stream)!;
  const all = await readStream(tx, stream);
  const known = options.asRecordedAt === undefined ? all : all.filter((event) => event.recordedAt <= options.asRecordedAt!);
  const retractions = new Map(known.filter((event) => event.type === RETRACTED).map((event) => [String(event.data.event), event]));
  const timeline = [...known].sort(compareEvents).map((event): TimelineEntry => {
    const retraction = retractions.get(event.id);
    return retraction
      ? { event, retractedBy: { eventId: retraction.id, recordedAt: retraction.recordedAt, reason: String(retraction.data.reason ?? '') } }
      : { event };
  });
  const state = stateAt(kind, known, options.date, options.asRecordedAt);
  const personIds = [...new Set(known.flatMap((event) => personReferences(event.data)))];
  const persons = await summarisePersons(tx, personIds);
  // The cases that name this person; a person merged into this one names it too, but is no case.
  const cases = kind === 'person'
    ? (await streamsNaming(tx, stream)).filter((named) => !named.startsWith('person/'))
    : [];
  return { stream, kind, id, date: options.date, asRecordedAt: options.asRecordedAt, state, timeline, persons, cases, events: known };
}

const PERSON_FIELDS = ['suspect', 'person', 'victim'] as const;

function personReferences(data: Record<string, unknown>): string[] {
  const ids = PERSON_FIELDS.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
  if (Array.isArray(data.subjects)) ids.push(...data.subjects.filter((value): value is string => typeof value === 'string'));
  return ids;
}

export async function summarisePersons(tx: Queryable, ids: readonly string[]): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const streams = await readStreams(tx, ids.map((id) => `person/${id}`));
  return ids.map((id) => {
    const state = stateAt('person', streams.get(`person/${id}`) ?? [], '9999-12-31') as PersonState;
    return { id, names: state.names, birthDate: state.birthDate, nationalities: state.nationalities };
  });
}
