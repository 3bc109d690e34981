/**
 * Tasks of the inbox (README "Task inbox"): what the team of one organisation decided about an item that waits —
 * who of them takes it (`task.assigned`) and that they handled it (`task.marked-done`, undone by `task.reopened`).
 * Each task of each organisation has a stream of its own, `task/<ORG>-<digest of the task key>`, and why:
 * - not the subject's stream: a note on a person stream would count as a change of the person and reopen its
 *   screening hits (re-screening of changed persons); a case stream is written and read by several partners, who
 *   have no business knowing who of another partner works on what, nor of changing it;
 * - one stream per organisation and task: what the police decide about a task never changes the prosecutor's inbox,
 *   so no partner can hide work from another by marking it done or assigning it away (stream.read and the write
 *   policy on `task` streams: only the organisation's own, condition task-of-own-organisation);
 * - the history stays: the events are in the one hash-chained log like every other (retractable, exported).
 * Pure: the stream name of a task, and the state its events build (the state machine of the `task` kind).
 */
import { createHash } from 'node:crypto';
import { assertNever, NOT_OPENED, type Attributes } from '../machine.js';
import type { TaskEvent } from './events.js';

export interface TaskState {
  phase: typeof NOT_OPENED | 'open' | 'done';
  attributes: Attributes;
  /** The task key the events name (the waiting item's `key`). */
  key: string | null;
  organisation: string | null;
  assignee: { username: string; by: string; on: string } | null;
  done: { by: string; on: string; note: string | null } | null;
}

export const initialState: TaskState = { phase: NOT_OPENED, attributes: {}, key: null, organisation: null, assignee: null, done: null };

/** The organisation a task stream belongs to: the part of its id before the digest. */
export function organisationOfTaskStream(stream: string): string | undefined {
  const match = /^task\/(.+)-[0-9a-f]{24}$/.exec(stream);
  return match?.[1];
}

/** The stream of an organisation's task: its id is the organisation and a digest of the key (no person data in names). */
export function taskStream(organisation: string, key: string): string {
  const digest = createHash('sha256').update(`${organisation}\u0000${key}`).digest('hex').slice(0, 24);
  return `task/${organisation}-${digest}`;
}

const STREAM_IN_KEY = /^(person|criminal|extradition|exclusion|departure|intake|mla|evidence|witness)\/[^:\s]+$/;

/**
 * The streams a task's key names (src/operations/list-waiting-work.ts): the case or person of a hearing, a victim's
 * information duty (its case and, by id, the victim), an Article 3 reassessment. Keys naming a hit or an
 * authorisation by number name no stream: []. Retention (docs/retention.md) lets a task follow what it names.
 */
export function streamsNamedByTaskKey(key: string): string[] {
  const parts = key.split(':');
  const named = parts.filter((part) => STREAM_IN_KEY.test(part));
  if (parts[0] === 'victim-information' && parts[2] && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(parts[2])) named.push(`person/${parts[2]}`);
  return [...new Set(named)];
}

export function evolve(state: TaskState, event: TaskEvent): TaskState {
  const base = { ...state, key: event.data.task, organisation: event.data.organisation };
  const next = apply(base, event);
  return { ...next, attributes: { assigned: next.assignee !== null } };
}

function apply(state: TaskState, event: TaskEvent): TaskState {
  switch (event.type) {
    case 'task.assigned':
      return { ...state, phase: state.done ? 'done' : 'open', assignee: { username: event.data.assignee, by: event.data.by, on: event.date } };
    case 'task.marked-done':
      return { ...state, phase: 'done', done: { by: event.data.by, on: event.date, note: event.data.note ?? null } };
    case 'task.reopened':
      return { ...state, phase: 'open', done: null };
    default:
      return assertNever(event);
  }
}
