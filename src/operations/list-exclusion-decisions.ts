/**
 * R2: the 1F decisions dated in a year, each with the consequences the rules derive from its case as it stands.
 */
import type { ExclusionState } from '../domain/exclusion/state.js';
import { stateAt } from '../domain/replay.js';
import { exclusionConsequences } from '../domain/rules/exclusion-consequences.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { exclusionDecisions } from '../store/registry-reads.js';
import type { AsOf } from '../domain/as-of.js';

export interface ExclusionDecision {
  case: string;
  date: string;
  outcome: string;
  phase: string;
  consequences: {
    applies: boolean; asylumRefused: boolean; article3Barrier: boolean; returnDecision: boolean;
    entryBanYears: number | null; sisAlert: string; appealPending: boolean;
  };
}

/** The latest decision of each case first; `asOf` is the day the cases are taken on and the moment of knowledge. */
export async function listExclusionDecisions(tx: Queryable, request: { year: number; asOf: AsOf }, config: RuleConfig): Promise<ExclusionDecision[]> {
  const rows = await exclusionDecisions(tx, { from: `${request.year}-01-01`, until: `${request.year}-12-31`, asRecordedAt: request.asOf.recordedAt });
  const streams = await readStreams(tx, [...new Set(rows.map((row) => row.stream))]);
  const items: ExclusionDecision[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.stream)) continue;
    seen.add(row.stream);
    const state = stateAt('exclusion', streams.get(row.stream) ?? [], request.asOf.date) as ExclusionState;
    const consequences = exclusionConsequences(state, config);
    items.push({
      case: row.stream, date: String(row.date).slice(0, 10), outcome: state.decision?.outcome ?? '', phase: state.phase,
      consequences: {
        applies: consequences.applies, asylumRefused: consequences.asylumRefused, article3Barrier: consequences.article3Barrier,
        returnDecision: consequences.returnDecision, entryBanYears: consequences.entryBan?.years ?? null, sisAlert: consequences.sisAlert,
        appealPending: consequences.appealPending,
      },
    });
  }
  return items;
}
