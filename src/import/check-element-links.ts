/**
 * Pass 2c of an import (./import-events.ts), rule R8: every new link of an evidence item to an element names an
 * offence the case concerns — an offence its criminal case was opened for, or a ground of Art. 1F for a 1F file —
 * and an element config/elements.json gives that offence. (That the item belongs to the case is the evidence state
 * machine's check, in pass 3.)
 */
import type { ElementsConfig } from '../domain/rules/elements-config.js';
import { elementLinkProblem } from '../domain/rules/case-elements.js';
import type { Queryable } from '../store/db.js';
import { importedElementLinks } from '../store/proof-reads.js';
import type { ProblemList } from './problem-list.js';
import type { ImportSource } from './sources.js';

export async function checkElementLinks(tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList, elements: ElementsConfig): Promise<void> {
  const rows = await importedElementLinks(tx, importId, problems.limit);
  for (const row of rows) {
    const caseKind = row.caseStream.startsWith('criminal/') ? 'criminal' : 'exclusion';
    const problem = elementLinkProblem(elements, { caseKind, caseOffences: row.caseOffences ?? [], offence: row.offence, element: row.element });
    if (problem) {
      problems.add({ file: sources[row.originFile - 1]?.name, line: row.originLine, code: 'TRANSITION_NOT_ALLOWED', field: `data.${problem.field}`, message: problem.message });
    }
  }
}
