/**
 * Builds the events of one stream in date order, with ids and a realistic transaction time (recordedAt): most
 * events are registered within days, a few weeks later, and a few kinds of event — those nothing later in the
 * stream depends on — now and then months later. Within a stream, the transaction times of events that are not
 * late only go forward, so the stream as the registry knew it at any moment is a valid prefix of it.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput, StreamKind } from '../domain/event.js';
import { DEMO_HORIZON, RECORDING_DEADLINE } from './calendar.js';
import type { ReplicaIds, RunIds } from './ids.js';
import type { Rng } from './prng.js';

/** What every module that builds streams needs: the run's counters and the replica's numbering. */
export interface DemoContext {
  run: RunIds;
  ids: ReplicaIds;
}

/**
 * Event types that may be registered months late: nothing later in their stream depends on them, so the stream
 * stays valid as known at any moment in between.
 */
const MAY_BE_LATE: ReadonlySet<string> = new Set([
  'person.alias-added',
  'criminal.suspect-arrested',
  'criminal.victim-informed',
  'departure.departed',
  'departure.closed',
  'exclusion.closed',
  'mla.closed',
]);
const LATE_SHARE = 0.04;

export class StreamBuilder {
  readonly events: EventInput[] = [];
  private lastDate: CalendarDate = '';
  private recordedFloor: string;

  constructor(
    private readonly context: DemoContext,
    private readonly rng: Rng,
    readonly kind: StreamKind,
    readonly id: string,
    /** The stream is registered after this instant, e.g. after the person it is about. */
    notRecordedBefore = '',
  ) {
    this.recordedFloor = notRecordedBefore;
  }

  get stream(): string {
    return `${this.kind}/${this.id}`;
  }

  /** When the latest event that is not late was recorded: later streams that refer to this one start after it. */
  get recordedUntil(): string {
    return this.recordedFloor;
  }

  /**
   * Adds an event dated `date`. Returns it, or undefined when the date lies beyond the demo horizon: that step
   * of the trajectory has not happened yet, and neither has anything after it.
   */
  add(type: string, date: CalendarDate, data: Record<string, unknown> = {}, notRecordedBefore = ''): EventInput | undefined {
    if (date < this.lastDate) throw new Error(`${this.stream}: ${type} on ${date} comes before ${this.lastDate}`);
    this.lastDate = date;
    if (date > DEMO_HORIZON) return undefined;
    const late = MAY_BE_LATE.has(type) && this.rng.chance(LATE_SHARE);
    const floor = notRecordedBefore > this.recordedFloor ? notRecordedBefore : this.recordedFloor;
    const recordedAt = recordingTime(this.rng, date, late, floor);
    if (!late) this.recordedFloor = recordedAt;
    const event: EventInput = { id: this.context.run.nextEventId(), stream: this.stream, type, date, recordedAt, data };
    this.events.push(event);
    return event;
  }
}

/** A working-hours instant a few days after `date` (months when late), after `floor`, before the deadline. */
function recordingTime(rng: Rng, date: CalendarDate, late: boolean, floor: string): string {
  const draw = rng.float();
  const delayDays = late ? rng.int(60, 240) : draw < 0.7 ? rng.int(0, 3) : draw < 0.95 ? rng.int(4, 14) : rng.int(15, 30);
  const clock = `${pad(rng.int(7, 17))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  let recordedAt = `${addDays(date, delayDays)}T${clock}Z`;
  if (recordedAt > RECORDING_DEADLINE) recordedAt = RECORDING_DEADLINE;
  if (floor !== '' && recordedAt <= floor) recordedAt = minutesAfter(floor, rng.int(1, 20));
  return recordedAt;
}

function minutesAfter(timestamp: string, minutes: number): string {
  return `${new Date(Date.parse(timestamp) + minutes * 60_000).toISOString().slice(0, 19)}Z`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
