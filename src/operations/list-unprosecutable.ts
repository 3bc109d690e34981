/**
 * R1: persons with an applied 1F exclusion whose alleged acts predate the crime's punishability in the Netherlands —
 * they cannot be prosecuted here ('yes'), or may not be ('uncertain').
 */
import type { ExclusionState } from '../domain/exclusion/state.js';
import { stateAt } from '../domain/replay.js';
import { personCannotBeProsecuted, type ProsecutionAssessment } from '../domain/rules/punishability.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { decisionActs } from '../registry/derived.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';
import type { AsOf } from '../domain/as-of.js';

export interface UnprosecutableEntry {
  exclusionCase: string;
  person: PersonSummary | undefined;
  decidedOn: string;
  assessment: ProsecutionAssessment;
}

export async function listUnprosecutable(tx: Queryable, request: { asOf: AsOf }, config: RuleConfig): Promise<UnprosecutableEntry[]> {
  const { date, recordedAt } = request.asOf;
  const cases = (await casesAt(tx, { kind: 'exclusion', date, asRecordedAt: recordedAt })).filter((item) => item.attributes.outcome === 'applied');
  const streams = await readStreams(tx, cases.map((item) => item.stream));
  const found: { stream: string; state: ExclusionState; assessment: ProsecutionAssessment }[] = [];
  for (const item of cases) {
    const events = streams.get(item.stream) ?? [];
    const state = stateAt('exclusion', events, date, recordedAt) as ExclusionState;
    const acts = decisionActs({ events }, state);
    if (acts.length === 0) continue;
    const assessment = personCannotBeProsecuted(acts, config);
    if (assessment.cannotBeProsecuted !== 'no') found.push({ stream: item.stream, state, assessment });
  }
  const persons = new Map((await summarisePersons(tx, [...new Set(found.map((item) => item.state.person!).filter(Boolean))])).map((person) => [person.id, person]));
  return found.map((item) => ({
    exclusionCase: item.stream,
    person: persons.get(item.state.person ?? ''),
    decidedOn: item.state.decision?.date ?? '',
    assessment: item.assessment,
  }));
}
