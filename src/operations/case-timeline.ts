/**
 * One person or case as a user sees it on a date, as known at a moment: its timeline, state, the persons it names,
 * and for a person the cases naming them (src/registry/stream-view.ts); with what the rules derive from it.
 */
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { deriveFor, type Derived } from '../registry/derived.js';
import { viewStream, type StreamView } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { eventRecorders } from '../store/policy-reads.js';
import { givenRecordedAt, type AsOf } from '../domain/as-of.js';

export async function caseTimeline(tx: Queryable, request: { stream: string; asOf: AsOf }): Promise<StreamView> {
  return viewStream(tx, request.stream, { date: request.asOf.date, asRecordedAt: givenRecordedAt(request.asOf) });
}

/**
 * Who recorded each entry of a timeline: the organisation whose API request wrote it, or null for an operator's
 * import at the server (the command line, the demo). Event id → organisation.
 */
export function timelineRecorders(tx: Queryable, view: Pick<StreamView, 'timeline'>): Promise<Map<string, string | null>> {
  return eventRecorders(tx, view.timeline.map((entry) => entry.event.id));
}

/** The timeline and what the rules derive from it: R1 punishability, R2 consequences of a 1F decision, R5 victims. */
export async function deriveCase(tx: Queryable, request: { stream: string; asOf: AsOf }, config: RuleConfig): Promise<{ view: StreamView; derived: Derived }> {
  const view = await caseTimeline(tx, request);
  return { view, derived: deriveFor(view, config) };
}
