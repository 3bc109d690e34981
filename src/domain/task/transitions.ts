/** The state machine of a task (README "Task inbox"): any task event may come first; done once until reopened. */
import { refuse, type TransitionError } from '../machine.js';
import type { TaskEvent } from './events.js';
import type { TaskState } from './state.js';

export function checkTransition(state: TaskState, event: TaskEvent): TransitionError | undefined {
  if (state.key !== null && event.data.task !== state.key) return refuse(`${event.type} names task '${event.data.task}', but this stream is the task '${state.key}'`);
  if (state.organisation !== null && event.data.organisation !== state.organisation) return refuse(`${event.type} names organisation ${event.data.organisation}; this task is ${state.organisation}'s`);
  if (event.type === 'task.marked-done' && state.phase === 'done') return refuse(`the task was marked done on ${state.done?.on} already`);
  if (event.type === 'task.reopened' && state.phase !== 'done') return refuse('only a task marked done can be reopened');
  return undefined;
}
