/**
 * Pass 3 of an import: every stream the import touches is replayed in date order through its state machine — with
 * the events stored before, late arrivals and retractions included — and its projection rows are rebuilt.
 *
 * It runs while the lines are still being appended. Files usually keep the events of a stream close together, so
 * the events just appended wait in memory, grouped by stream, up to a bound. When the bound is reached, the
 * streams touched longest ago are replayed from memory, unless the store holds earlier events of theirs (a stream
 * that existed before this import, or one replayed already and touched again since): those are replayed at the
 * end, from the store, with all their events. So memory stays bounded whatever the size of the file, no stream is
 * replayed more than twice, and a file that keeps streams together is checked without reading anything back.
 */
import type { Problem } from '../domain/errors.js';
import { CASE_KINDS, parseStreamName, type CaseKind, type StreamKind } from '../domain/event.js';
import { replayStream } from '../domain/replay.js';
import type { Queryable } from '../store/db.js';
import { readStreams, type StoredEvent } from '../store/event-store.js';
import { noteStreamsForLater, streamHistory, streamsForLater } from '../store/import-store.js';
import { replaceSegments, segmentRowsOf, type SegmentRow } from '../store/segments.js';
import type { ProblemList } from './problem-list.js';
import type { ImportProgress } from './import-events.js';
import type { ImportSource } from './sources.js';

const CASE_KIND_SET: ReadonlySet<StreamKind> = new Set(CASE_KINDS);

export interface StreamReplayerOptions {
  importId: number;
  /** The sequence number of the last event stored before this import (0 for an empty log). */
  lastSeqBefore: number;
  sources: readonly ImportSource[];
  /** Where replay failures go; once it is full, replaying stops (the import fails anyway). */
  problems: ProblemList;
  /** How many appended events may wait in memory. */
  capacity?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Streams to replay from the store: kept in memory up to this many names, then in a temporary table. */
const LATER_IN_MEMORY = 5000;
/** How many streams are read back from the store at a time. */
const PAGE_SIZE = 2000;

export class StreamReplayer {
  private readonly open = new Map<string, StoredEvent[]>();
  private openEvents = 0;
  private readonly later = new Set<string>();
  private laterTable = false;
  private streams = 0;
  private readonly capacity: number;

  constructor(private readonly tx: Queryable, private readonly options: StreamReplayerOptions) {
    this.capacity = options.capacity ?? 50_000;
  }

  /** Events just appended, in order of arrival. */
  async appended(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      let list = this.open.get(event.stream);
      // Taken out and put back: the map's order is the order in which streams were last touched.
      if (list) this.open.delete(event.stream);
      else list = [];
      list.push(event);
      this.open.set(event.stream, list);
    }
    this.openEvents += events.length;
    if (this.openEvents > this.capacity) await this.replayLeastRecent(this.openEvents - Math.floor(this.capacity * 0.75));
  }

  /** Replays every stream not replayed yet; returns how many distinct streams the import touched. */
  async finish(): Promise<number> {
    await this.replayLeastRecent(this.openEvents);
    await this.replayFromStore();
    return this.streams;
  }

  /** Replays, from memory, the streams touched longest ago that together hold at least `events` events. */
  private async replayLeastRecent(events: number): Promise<void> {
    const group: Array<[string, StoredEvent[]]> = [];
    let taken = 0;
    for (const entry of this.open) {
      if (taken >= events) break;
      group.push(entry);
      taken += entry[1].length;
    }
    for (const [stream] of group) this.open.delete(stream);
    this.openEvents -= taken;
    if (group.length === 0 || this.options.problems.full) return;

    const history = await streamHistory(this.tx, group.map(([stream, list]) => [stream, list[0]!.seq] as const), this.options.lastSeqBefore);
    const fromStore = new Set<string>();
    for (const { stream, before, earlierInImport } of history) {
      if (!earlierInImport) this.streams += 1;
      if (before || earlierInImport) fromStore.add(stream);
    }
    const segments: SegmentRow[] = [];
    for (const [stream, list] of group) {
      if (fromStore.has(stream)) continue;
      if (!this.replay(stream, list, segments)) return;
    }
    await replaceSegments(this.tx, [], segments, true);
    await this.replayLater(fromStore);
  }

  /** Replays one stream's events; false when the problem list has filled up. */
  private replay(stream: string, events: StoredEvent[], segments: SegmentRow[]): boolean {
    const kind = parseStreamName(stream)!.kind;
    const replay = replayStream(kind, events);
    if (!replay.ok) {
      this.options.problems.add(this.streamProblem(stream, events, replay));
      return !this.options.problems.full;
    }
    if (CASE_KIND_SET.has(kind)) segments.push(...segmentRowsOf(stream, kind as CaseKind, events));
    return true;
  }

  private async replayLater(streams: ReadonlySet<string>): Promise<void> {
    for (const stream of streams) this.later.add(stream);
    if (this.later.size > LATER_IN_MEMORY) await this.moveLaterToTable();
  }

  private async moveLaterToTable(): Promise<void> {
    await noteStreamsForLater(this.tx, [...this.later], !this.laterTable);
    this.laterTable = true;
    this.later.clear();
  }

  /** Replays the streams noted for later with all their stored events, a page of streams at a time. */
  private async replayFromStore(): Promise<void> {
    if (this.laterTable) await this.moveLaterToTable();
    const fetchPage = async (after: string) => {
      const streams = this.laterTable
        ? await streamsForLater(this.tx, after, PAGE_SIZE)
        : [...this.later].sort().filter((stream) => stream > after).slice(0, PAGE_SIZE);
      return streams.length === 0 ? undefined : { streams, events: await readStreams(this.tx, streams) };
    };
    // While one page is replayed in JavaScript, the next is read and the previous one's projection rows are
    // written: on PostgreSQL the database works on the other core.
    let next = fetchPage('');
    let writing: Promise<void> = Promise.resolve();
    let done = 0;
    try {
      for (let current = await next; current; current = await next) {
        const { streams, events } = current;
        next = fetchPage(streams[streams.length - 1]!);
        next.catch(() => undefined); // awaited at the top of the loop or in finally
        const segments: SegmentRow[] = [];
        for (const stream of streams) if (!this.replay(stream, events.get(stream) ?? [], segments)) return;
        await writing;
        writing = replaceSegments(this.tx, streams, segments);
        writing.catch(() => undefined);
        done += streams.length;
        this.options.onProgress?.({ source: 'streams', bytes: done, lines: done, phase: 'checking' });
      }
      await writing;
    } finally {
      // Nothing may still run on the transaction once it ends, whether it commits or rolls back.
      await Promise.allSettled([next, writing]);
    }
  }

  /** Names the line of the offending event when it came with this import, else the stream's first new line. */
  private streamProblem(stream: string, events: StoredEvent[], failure: { eventId: string; code: string; message: string }): Problem {
    const { importId, sources } = this.options;
    const offending = events.find((event) => event.id === failure.eventId);
    const located = offending?.importId === importId ? offending : events.find((event) => event.importId === importId);
    return {
      file: located?.originFile ? sources[located.originFile - 1]?.name : undefined,
      line: located?.originLine ?? undefined,
      code: failure.code === 'TRANSITION_NOT_ALLOWED' ? 'TRANSITION_NOT_ALLOWED' : 'INVALID_EVENT',
      message: `${stream}: event '${failure.eventId}' — ${failure.message}`,
    };
  }
}
