/**
 * R5: per criminal case its registered victims with their information status on the date — when each was last
 * informed and about what, and whether they are overdue (a periodic update, or a key event they were not told
 * about) — as the registry knew it at the moment. The one read behind `imketen list overdue-victims` and
 * GET /api/overview/victims.
 */
import type { CriminalState } from '../domain/criminal/state.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { victimInformationStatus, type VictimInformationStatus } from '../domain/rules/victim-information.js';
import { standingEvents } from '../registry/derived.js';
import { viewStream, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { casesWithVictims } from '../store/registry-reads.js';
import type { AsOf } from '../domain/as-of.js';

export interface VictimStatus {
  id: string;
  person: PersonSummary | undefined;
  status: VictimInformationStatus;
}

export interface CaseVictims {
  case: string;
  phase: string;
  victims: VictimStatus[];
}

/** The cases with victims (only the overdue ones when asked), in stream order; cases left without victims are left out. */
export async function listVictims(tx: Queryable, request: { asOf: AsOf; overdueOnly: boolean }, config: RuleConfig): Promise<CaseVictims[]> {
  const { date, recordedAt } = request.asOf;
  const cases: CaseVictims[] = [];
  for (const stream of await casesWithVictims(tx, { date, asRecordedAt: recordedAt })) {
    const view = await viewStream(tx, stream, { date, asRecordedAt: recordedAt });
    const events = standingEvents(view);
    const state = view.state as CriminalState;
    const victims = state.victims
      .map((victim) => ({ id: victim, person: view.persons.find((person) => person.id === victim), status: victimInformationStatus(events, victim, date, config) }))
      .filter((victim) => !request.overdueOnly || victim.status.overdue);
    if (victims.length > 0) cases.push({ case: stream, phase: state.phase, victims });
  }
  return cases;
}
