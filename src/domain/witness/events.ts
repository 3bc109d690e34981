/**
 * The events of a witness (README, "Witnesses"; docs/domain.md §4): a person heard on a criminal case or a 1F file,
 * the protective measures ordered for them (Sv 226a ff.), the statements they gave (evidence items) and whether they
 * can still be heard. A witness belongs to one case; the registry person (if any) is named by `person`.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { countryCode, entityId, personName, text } from '../events/fields.js';

/**
 * Protective measures: `anonymous` — the anonymous witness whose identity the examining judge keeps hidden
 * (Sv 226a); `threatened` — the threatened witness heard under the further measures of Sv 226a ff. (226c–226f);
 * `shielded` — the shielded witness (afgeschermde getuige, Sv 226g–226m); `none` lifts the measure.
 */
export const PROTECTION_MEASURES = ['anonymous', 'threatened', 'shielded', 'none'] as const;
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];
/** Whether the witness can be heard: the last five are the changes the risk lists look at. */
export const AVAILABILITY_STATUSES = ['available', 'returned', 'unreachable', 'deceased', 'unwilling', 'willing'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];
/** The statuses in which the witness cannot be heard (again) as things stand. */
export const UNAVAILABLE_STATUSES: ReadonlySet<AvailabilityStatus> = new Set(['returned', 'unreachable', 'deceased', 'unwilling']);

/** The code of a pseudonym as src/domain/rules/witness-pseudonym.ts makes it: a letter and 1–99, e.g. A-12. */
export const pseudonymCode = z.string().regex(/^[A-HJ-NP-Z]-[1-9][0-9]?$/, 'not a pseudonym code like A-12 (a letter other than I and O, a dash, 1–99)');

export const witnessEventSchemas = {
  'witness.registered': z.strictObject({
    criminalCase: entityId.optional(),
    exclusionCase: entityId.optional(),
    /** The registry person the witness is, when registered there. */
    person: entityId.optional(),
    /** The witness's name when no registry person is named (or as they gave it). */
    name: personName.optional(),
    /**
     * The code shown instead of the identity to whoever may not see it: "getuige A-12". Left out, the registry
     * assigns one unused on the case when it stores the event (src/import/witness-pseudonyms.ts), and the stored
     * event carries it. A write over the API may not give one (src/server/checked-append.ts); an operator's import
     * keeps the one an event carries (events exported before the registry assigned codes).
     */
    pseudonym: pseudonymCode.optional(),
    /** Where the witness lives, ISO 3166-1 alpha-3. */
    country: countryCode.optional(),
  }).superRefine((value, ctx) => {
    if ((value.criminalCase === undefined) === (value.exclusionCase === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a witness belongs to exactly one case: name criminalCase or exclusionCase' });
    }
    if (value.person === undefined && value.name === undefined) ctx.addIssue({ code: 'custom', message: 'name the witness: person (a registry person) or name' });
  }),
  'witness.protection-set': z.strictObject({ measure: z.enum(PROTECTION_MEASURES), decisionReference: text.optional() }),
  'witness.statement-linked': z.strictObject({ evidence: entityId }),
  'witness.availability-changed': z.strictObject({ status: z.enum(AVAILABILITY_STATUSES), country: countryCode.optional(), notes: text.optional() }),
} as const;

export type WitnessEvent = EventsOf<typeof witnessEventSchemas>;
