/**
 * Authorisations of the investigating judge (rechter-commissaris), R3: the written decision that lets the OM demand
 * a suspect's 1F file. Registered as data with their scope (person, 1F file) and validity; the policy's
 * `judge-authorisation-in-force` condition reads them.
 */
import { isCalendarDate } from '../domain/dates.js';
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from '../store/db.js';
import { streamExists } from '../store/event-store.js';

export interface JudgeAuthorisationInput {
  /** The judge's decision reference, e.g. "RC 24/1234". */
  decisionReference: string;
  /** The person the authorisation is about (person id, e.g. P-0042). */
  personId: string;
  /** The 1F file it covers (exclusion case id); absent: every 1F file of the person. */
  exclusionCase?: string;
  /** The criminal case it was given in, for the record. */
  criminalCase?: string;
  validFrom: string;
  validUntil: string;
}

export interface JudgeAuthorisation extends Required<Omit<JudgeAuthorisationInput, 'exclusionCase' | 'criminalCase'>> {
  id: number;
  exclusionCase: string | null;
  criminalCase: string | null;
  registeredBy: string;
  registeredAt: string;
}

const COLUMNS = `id, decision_reference AS "decisionReference", person_id AS "personId", exclusion_case AS "exclusionCase",
  criminal_case AS "criminalCase", valid_from AS "validFrom", valid_until AS "validUntil", registered_by AS "registeredBy",
  registered_at AS "registeredAt"`;

/** Registers an authorisation after checking its scope names a real person and 1F file. */
export async function registerAuthorisation(tx: Queryable, input: JudgeAuthorisationInput, registeredBy: string, now: Date): Promise<JudgeAuthorisation> {
  const problems: string[] = [];
  if (!input.decisionReference.trim()) problems.push('decisionReference: give the reference of the judge\'s decision');
  if (!isCalendarDate(input.validFrom)) problems.push(`validFrom: a date YYYY-MM-DD, got '${input.validFrom}'`);
  if (!isCalendarDate(input.validUntil)) problems.push(`validUntil: a date YYYY-MM-DD, got '${input.validUntil}'`);
  if (problems.length === 0 && input.validUntil < input.validFrom) problems.push('validUntil lies before validFrom');
  if (problems.length > 0) throw new ImketenError('INVALID_INPUT', `The authorisation cannot be registered: ${problems.join('; ')}.`);
  if (!(await streamExists(tx, `person/${input.personId}`))) {
    throw new ImketenError('REFERENCE_NOT_FOUND', `No person '${input.personId}' in the registry: the authorisation must name a registered person.`);
  }
  if (input.exclusionCase !== undefined) {
    const rows = await tx.query('SELECT 1 FROM events WHERE stream = $1 AND refs @> ARRAY[$2]::text[] LIMIT 1', [`exclusion/${input.exclusionCase}`, `person/${input.personId}`]);
    if (rows.length === 0) {
      throw new ImketenError('REFERENCE_NOT_FOUND', `No 1F file '${input.exclusionCase}' about person ${input.personId} in the registry.`);
    }
  }
  if (input.criminalCase !== undefined && !(await streamExists(tx, `criminal/${input.criminalCase}`))) {
    throw new ImketenError('REFERENCE_NOT_FOUND', `No criminal case '${input.criminalCase}' in the registry.`);
  }
  const [row] = await tx.query<JudgeAuthorisation>(
    `INSERT INTO judge_authorisations (decision_reference, person_id, exclusion_case, criminal_case, valid_from, valid_until, registered_by, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [input.decisionReference.trim(), input.personId, input.exclusionCase ?? null, input.criminalCase ?? null, input.validFrom, input.validUntil, registeredBy, now.toISOString()],
  );
  return row!;
}

export async function listAuthorisations(tx: Queryable, filter: { personId?: string; afterId?: number; limit: number }): Promise<JudgeAuthorisation[]> {
  return tx.query<JudgeAuthorisation>(
    `SELECT ${COLUMNS} FROM judge_authorisations WHERE ($1::text IS NULL OR person_id = $1) AND id > $2 ORDER BY id LIMIT $3`,
    [filter.personId ?? null, filter.afterId ?? 0, filter.limit],
  );
}
