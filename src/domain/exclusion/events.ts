/**
 * The events of an exclusion case (1F-tegenwerping): IND Unit 1F examines whether Art. 1F of the Refugee
 * Convention excludes an asylum seeker from protection.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { acts, entityId, text } from '../events/fields.js';

export const APPEAL_FORUMS = ['district-court', 'council-of-state'] as const;
export type AppealForum = (typeof APPEAL_FORUMS)[number];

export const EXCLUSION_GROUNDS = ['a', 'b', 'c'] as const;
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

const ground = z.enum(EXCLUSION_GROUNDS);
const optionalReason = z.strictObject({ reason: text.optional() });

export const exclusionEventSchemas = {
  'exclusion.opened': z.strictObject({ person: entityId, trigger: text.optional() }),
  'exclusion.suspended': optionalReason,
  'exclusion.resumed': optionalReason,
  'exclusion.decided': z.strictObject({
    outcome: z.enum(['applied', 'not-applied']),
    // A decision often rests on more than one sub-paragraph of Art. 1F, so a list is accepted beside one letter.
    grounds: z.union([ground, z.array(ground).min(1)]).optional(),
    article3Barrier: z.boolean().optional(),
    acts: acts.optional(),
  }),
  'exclusion.appeal-lodged': z.strictObject({ forum: z.enum(APPEAL_FORUMS) }),
  'exclusion.appeal-decided': z.strictObject({
    forum: z.enum(APPEAL_FORUMS),
    // The fate of the 1F decision under appeal: upheld (it stands) or annulled (a new decision is needed).
    outcome: z.enum(['upheld', 'annulled']),
    ecli: z.string().regex(/^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]{1,25}$/, 'not an ECLI like ECLI:NL:RVS:2024:1234').optional(),
  }),
  'exclusion.closed': optionalReason,
} as const;

export type ExclusionEvent = EventsOf<typeof exclusionEventSchemas>;
