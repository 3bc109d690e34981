/**
 * R3, the investigating judge's authorisation: the OM may demand a suspect's 1F file only with the written
 * authorisation of the rechter-commissaris, for a bounded time. The bound is configuration
 * (config/rules.json `durations.judgeAuthorisationMaxMonths`), counted from the day of the judge's decision; the
 * state machine of the criminal case checks the rest (the case's own suspect, an open case, from ≤ until).
 */
import { addMonths } from '../dates.js';
import type { RuleConfig } from './rule-config.js';

/** The last day an authorisation decided on `decisionDate` may be valid. */
export function latestValidUntil(decisionDate: string, config: RuleConfig): string {
  return addMonths(decisionDate, config.durations.judgeAuthorisationMaxMonths);
}

/** Why an authorisation's validity exceeds the cap, or undefined when it does not. */
export function validityBeyondCap(decisionDate: string, validUntil: string, config: RuleConfig): string | undefined {
  const latest = latestValidUntil(decisionDate, config);
  if (validUntil <= latest) return undefined;
  return `an authorisation of the investigating judge decided on ${decisionDate} may be valid until ${latest} at the latest `
    + `(${config.durations.judgeAuthorisationMaxMonths} months, config/rules.json durations.judgeAuthorisationMaxMonths), not until ${validUntil}`;
}
