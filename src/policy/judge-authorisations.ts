/**
 * Authorisations of the investigating judge (rechter-commissaris), R3: the written decision that lets the OM demand
 * a suspect's 1F file. Each is an event in the log, `criminal.judge-authorisation` on the criminal case it was given
 * in (README, the interchange format): bitemporal, retractable, checked by the case's state machine and the import
 * (src/import/check-judge-authorisations.ts). This module builds that event and lists them as the registry knows
 * them; the policy's `judge-authorisation-in-force` condition reads them at access time (./registry-facts.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db.js';
import { eventsOfType } from '../store/recorded-events.js';

export const JUDGE_AUTHORISATION_TYPE = 'criminal.judge-authorisation';

export interface JudgeAuthorisationInput {
  /** The judge's decision reference, e.g. "RC 26/0077". */
  decisionReference: string;
  /** The court of the investigating judge, e.g. "Rechtbank Den Haag". */
  court: string;
  /** The person the authorisation is about (person id, e.g. P-0042): the suspect of `criminalCase`. */
  personId: string;
  /** The criminal case it was given in. */
  criminalCase: string;
  /** The 1F file it covers (exclusion case id); absent: every 1F file of the person. */
  exclusionCase?: string;
  validFrom: string;
  validUntil: string;
  /** The day of the judge's decision (the event's date). */
  decidedOn: string;
}

export interface JudgeAuthorisation {
  /** The id of the event. */
  id: string;
  decisionReference: string;
  court: string;
  personId: string;
  criminalCase: string | null;
  exclusionCase: string | null;
  validFrom: string;
  validUntil: string;
  decidedOn: string;
  recordedAt: string;
}

/** The event that records an authorisation (interchange format v1 extension). */
export function judgeAuthorisationEvent(input: JudgeAuthorisationInput, id = `ja-${randomUUID()}`) {
  return {
    id,
    stream: `criminal/${input.criminalCase}`,
    type: JUDGE_AUTHORISATION_TYPE,
    date: input.decidedOn,
    data: {
      decisionReference: input.decisionReference.trim(),
      court: input.court.trim(),
      person: input.personId,
      ...(input.exclusionCase ? { exclusionCase: input.exclusionCase } : {}),
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    },
  };
}

/** The authorisation an event records. */
export function authorisationOf(event: { id: string; stream: string; date: string; recordedAt: string; data: Record<string, unknown> }): JudgeAuthorisation {
  const data = event.data as Record<string, string | undefined>;
  return {
    id: event.id,
    decisionReference: data.decisionReference!,
    court: data.court!,
    personId: data.person!,
    criminalCase: event.stream.slice('criminal/'.length),
    exclusionCase: data.exclusionCase ?? null,
    validFrom: data.validFrom!,
    validUntil: data.validUntil!,
    decidedOn: event.date,
    recordedAt: event.recordedAt,
  };
}

/** The authorisations recorded by `recordedAsOf` and not retracted by then, in order of arrival. */
export async function listAuthorisations(
  tx: Queryable, filter: { personId?: string; afterSeq?: number; limit: number; recordedAsOf: Date },
): Promise<Array<JudgeAuthorisation & { seq: number }>> {
  const rows = await eventsOfType(tx, {
    type: JUDGE_AUTHORISATION_TYPE, personId: filter.personId, afterSeq: filter.afterSeq, limit: filter.limit, recordedAsOf: filter.recordedAsOf,
  });

  return rows.map((row) => ({ seq: Number(row.seq), ...authorisationOf({ ...row, recordedAt: new Date(row.recordedAt).toISOString() }) }));
}
