/**
 * Pass 2b of an import (./import-events.ts), rule R3: every new authorisation of the investigating judge
 * (`criminal.judge-authorisation`) keeps within the validity config/rules.json allows, and the 1F file it names is
 * a file about the person it authorises. (That the person is the case's suspect and the case is open is the
 * criminal state machine's check, in pass 3.)
 */
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { validityBeyondCap } from '../domain/rules/judge-authorisation.js';
import type { Queryable } from '../store/db.js';
import { importedEventsOfType } from '../store/import-store.js';
import type { ProblemList } from './problem-list.js';
import type { ImportSource } from './sources.js';

export const JUDGE_AUTHORISATION = 'criminal.judge-authorisation';

export async function checkJudgeAuthorisations(
  tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList, rules: RuleConfig,
): Promise<void> {
  const rows = await importedEventsOfType(tx, importId, JUDGE_AUTHORISATION, problems.limit);
  for (const row of rows) {
    const where = { file: sources[row.originFile - 1]?.name, line: row.originLine, code: 'TRANSITION_NOT_ALLOWED' as const };
    const beyond = validityBeyondCap(row.date, row.data.validUntil!, rules);
    if (beyond) problems.add({ ...where, field: 'data.validUntil', message: beyond });
    if (!row.fileAboutPerson) {
      problems.add({ ...where, field: 'data.exclusionCase', message: `1F file ${row.data.exclusionCase} is not a file about person ${row.data.person}: an authorisation covers only the person's own 1F files` });
    }
  }
}
