/**
 * The elements that a case's witness statements support, read from the proof matrix (R8, README "What each case
 * rests on"): what the witnesses-at-risk list names as the elements that would lose support (README "Witnesses").
 */
import type { ElementsConfig } from '../domain/rules/elements-config.js';
import type { Queryable } from '../store/db.js';
import type { ElementsOfStatements } from './list-witnesses-at-risk.js';
import { showProofMatrix } from './show-proof-matrix.js';

export function statementElements(tx: Queryable, elements: ElementsConfig): ElementsOfStatements {
  return async (caseStream, evidenceIds, asOf) => {
    const [kind, id] = caseStream.split('/');
    if ((kind !== 'criminal' && kind !== 'exclusion') || !id) return null;
    const statements = new Set(evidenceIds);
    const matrix = await showProofMatrix(tx, { kind, id, asOf, elements });
    return matrix.elements.flatMap((row) => row.cells
      .filter((cell) => cell.relation === 'supports' && statements.has(cell.item))
      .map((cell) => ({ offence: row.offence, element: row.element, evidence: cell.item })));
  };
}
