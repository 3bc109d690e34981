/**
 * The restricted views a policy grant may name (config/policy.json `view`), applied to what a route (or an operation such as the data-subject export) returns.
 */
import type { ViewName } from '../policy/policy.js';
import type { StreamView } from './stream-view.js';

/** What DT&V sees of a 1F file: the decision and its consequences, not the investigation (acts, triggers). */
const DECISION_EVENT_TYPES = new Set(['exclusion.opened', 'exclusion.decided', 'exclusion.appeal-lodged', 'exclusion.appeal-decided', 'exclusion.closed', 'retracted']);
const HIDDEN_DATA_FIELDS = new Set(['acts', 'trigger', 'reason']);
/** The same in the state: why the file was suspended or closed, and with whom the IND shared parts of it. */
const HIDDEN_STATE_FIELDS = new Set([...HIDDEN_DATA_FIELDS, 'closedReason', 'suspendedOn', 'shares']);

export function restrictView(view: StreamView, name: ViewName | undefined): StreamView {
  // figures-only and readable-persons-only are applied by the routes that list figures and authorisations.
  if (name === undefined || name === 'figures-only' || name === 'readable-persons-only') return view;
  if (name === 'decision-and-consequences') {
    const timeline = view.timeline
      .filter((entry) => DECISION_EVENT_TYPES.has(entry.event.type))
      .map((entry) => ({ ...entry, event: { ...entry.event, data: Object.fromEntries(Object.entries(entry.event.data).filter(([field]) => !HIDDEN_DATA_FIELDS.has(field))) } }));
    const state = Object.fromEntries(Object.entries(view.state as unknown as Record<string, unknown>).filter(([field]) => !HIDDEN_STATE_FIELDS.has(field)));
    return { ...view, timeline, events: timeline.map((entry) => entry.event), state: state as unknown as StreamView['state'] };
  }
  const unreachable: never = name;
  return unreachable;
}
