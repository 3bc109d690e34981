/**
 * The events of a criminal case (strafzaak): one stream per suspect, from investigation to final judgment.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { acts, entityId, offence, plannedDate, text } from '../events/fields.js';

export const INSTANCES = ['first-instance', 'appeal', 'cassation'] as const;
export type Instance = (typeof INSTANCES)[number];

/** R5: the duty of the periodic update, as named in `criminal.victim-informed`'s `duties`. */
export const PERIODIC_UPDATE = 'periodic-update';

export const CLOSE_REASONS = ['final-judgment', 'dismissed', 'deceased', 'transferred', 'other'] as const;

const lodgedBy = z.strictObject({ by: z.enum(['prosecution', 'defence', 'both']) });

export const criminalEventSchemas = {
  'criminal.opened': z.strictObject({
    suspect: entityId,
    offences: z.array(offence).min(1),
    situation: text.optional(),
    acts: acts.optional(),
  }),
  'criminal.suspect-arrested': z.strictObject({}),
  'criminal.indicted': z.strictObject({ court: text }),
  'criminal.judgment': z.strictObject({
    instance: z.enum(INSTANCES),
    outcome: z.enum(['convicted', 'acquitted', 'other']),
    ecli: z.string().regex(/^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]{1,25}$/, 'not an ECLI like ECLI:NL:RBDHA:2024:20594').optional(),
    sentence: z.strictObject({ prisonMonths: z.number().int().nonnegative().optional(), life: z.boolean().optional() }).optional(),
  }),
  'criminal.appeal-lodged': lodgedBy,
  'criminal.cassation-lodged': lodgedBy,
  'criminal.referred-back': z.strictObject({ court: text.optional() }),
  'criminal.closed': z.strictObject({ reason: z.enum(CLOSE_REASONS) }),
  // Extension of format v1 (additive): a court hearing was scheduled. The envelope's date is when it was
  // scheduled; `date` here is the day of the hearing itself, which may lie ahead.
  'criminal.hearing-scheduled': z.strictObject({ date: plannedDate, court: text }),
  'criminal.victim-registered': z.strictObject({ victim: entityId }),
  'criminal.victim-informed': z.strictObject({
    victim: entityId,
    about: text,
    // The id of the event the victim was told about (e.g. the judgment): R5 counts the victim as told of it.
    concerning: entityId.optional(),
    channel: text.optional(),
    // Extension of format v1 (additive), rule R5: the duties this information discharges — 'periodic-update' and/or
    // the ids of the key events (indictment, judgment, closing) it told the victim about. With `duties`, R5 counts
    // exactly these (an empty list: information about something else, which discharges none); without it (older
    // data), the old reading holds: see victim-information.ts and docs/domain.md.
    duties: z.array(z.union([z.literal(PERIODIC_UPDATE), entityId])).max(50)
      .refine((duties) => new Set(duties).size === duties.length, 'names a duty twice').optional(),
  }),
  // Extension of format v1 (additive), rule R3: the written authorisation of the investigating judge
  // (rechter-commissaris) that lets the OM demand the suspect's 1F file, recorded on the criminal case it was
  // given in. The envelope's date is the day of the judge's decision. It must name the case's suspect; its validity
  // is capped by config/rules.json (durations.judgeAuthorisationMaxMonths); retracting it ends the access at once.
  'criminal.judge-authorisation': z.strictObject({
    decisionReference: text,
    court: text,
    person: entityId,
    // The 1F file it covers; absent: every 1F file of the person.
    exclusionCase: entityId.optional(),
    validFrom: plannedDate,
    validUntil: plannedDate,
  }),
} as const;

export type CriminalEvent = EventsOf<typeof criminalEventSchemas>;
