/**
 * Tasks of the inbox (README "Task inbox"): what the team of one organisation decided about an item that waits —
 * who of them takes it (`task.assigned`) and that they handled it (`task.marked-done`, undone by `task.reopened`).
 * Each task of each organisation has a stream of its own, `task/<ORG>-<hash of the task key>`:
 * - not the subject's stream: a person stream changed by a note would reopen its screening hits and count as a change
 *   of the person (docs/server.md, re-screening); a case stream is written by several partners and read by roles that
 *   have no business knowing who of another partner works on what;
 * - one stream per organisation and task: what the police decide about a task never changes the prosecutor's inbox,
 *   so no partner can hide work from another by marking it done or assigning it away;
 * - the history stays: the events are in the one hash-chained log like every other (retractable, exported).
 * Pure: the key and stream name of a task, and the fold of its events.
 */
import { createHash } from 'node:crypto';

export const TASK_EVENT_TYPES = ['task.assigned', 'task.marked-done', 'task.reopened'] as const;

export interface TaskState {
  /** The task key the events name (the waiting item's `key`). */
  key: string | null;
  organisation: string | null;
  assignee: { username: string; by: string; on: string } | null;
  done: { by: string; on: string; note: string | null } | null;
}

export const EMPTY_TASK: TaskState = { key: null, organisation: null, assignee: null, done: null };

/** The stream of an organisation's task: its id is the organisation and a digest of the key (no person data in names). */
export function taskStream(organisation: string, key: string): string {
  const digest = createHash('sha256').update(`${organisation}\u0000${key}`).digest('hex').slice(0, 24);
  return `task/${organisation}-${digest}`;
}

export interface TaskEventLike {
  type: string;
  date: string;
  recordedAt?: string;
  data: Record<string, unknown>;
}

/** The state of a task after its events (retracted ones already left out), in stream order. */
export function foldTask(events: readonly TaskEventLike[]): TaskState {
  let state: TaskState = EMPTY_TASK;
  for (const event of events) state = evolveTask(state, event);
  return state;
}

export function evolveTask(state: TaskState, event: TaskEventLike): TaskState {
  const data = event.data;
  const by = String(data.by ?? '');
  const base = { ...state, key: String(data.task ?? state.key ?? ''), organisation: String(data.organisation ?? state.organisation ?? '') };
  switch (event.type) {
    case 'task.assigned':
      return { ...base, assignee: { username: String(data.assignee), by, on: event.date } };
    case 'task.marked-done':
      return { ...base, done: { by, on: event.date, note: typeof data.note === 'string' ? data.note : null } };
    case 'task.reopened':
      return { ...base, done: null };
    default:
      return state;
  }
}
