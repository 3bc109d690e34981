/**
 * Long work in small slices: a loop that calls `slice()` between steps gives the event loop back every few
 * milliseconds, so the server keeps answering other requests (health, reads) while an index is built or a registry
 * screened. The work takes a little longer; nobody else waits for it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The longest stretch of work between two turns of the event loop. */
export const SLICE_MS = 8;

/** A function to await between steps: it yields to the event loop once `budgetMs` has passed since the last turn. */
export function timeSlicer(budgetMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return nextTurn().then(() => { since = performance.now(); });
  };
}
