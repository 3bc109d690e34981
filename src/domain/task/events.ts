/**
 * The events of a task of the inbox (README "Task inbox", src/domain/task/task-state.ts for why each task of each
 * organisation has a stream of its own). The server writes them itself (POST /api/inbox/tasks/…): `by` is the
 * signed-in user, `organisation` theirs; a client never sends one over POST /api/events.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { text } from '../events/fields.js';

const taskFields = {
  /** The task key of the waiting item (src/operations/list-waiting-work.ts), e.g. `hearing:criminal/SZ-2024-001:2026-02-20`. */
  task: text,
  /** The organisation whose task it is (the stream id starts with it). */
  organisation: text,
  /** The username of who recorded it. */
  by: text,
};

export const taskEventSchemas = {
  /** Who of the organisation takes the task: a colleague of the same organisation (or oneself). */
  'task.assigned': z.strictObject({ ...taskFields, assignee: text }),
  /** The organisation handled it. For a legal duty (R5) this discharges nothing: the item stays in the inbox, still open. */
  'task.marked-done': z.strictObject({ ...taskFields, note: text.optional() }),
  /** Marked done by mistake, or not finished after all. */
  'task.reopened': z.strictObject({ ...taskFields, reason: text.optional() }),
} as const;

export type TaskEvent = EventsOf<typeof taskEventSchemas>;
