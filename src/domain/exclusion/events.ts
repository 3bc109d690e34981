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

/** Who the IND may share 1F information with under the bill: the OM. */
export const SHARE_RECIPIENTS = ['OM'] as const;
/** The parts of a 1F file a share can carry. */
export const SHARED_PARTS = ['acts', 'role', 'grounds', 'summary'] as const;
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
  // Extension of format v1 (additive), the pending bill on sharing 1F information with the OM: the IND shares the
  // parts of this file it selected as relevant — where and when the person was and in which role — with the
  // recipient. The event is the share: the recipient reads these parts, never the rest of the file.
  'exclusion.information-shared': z.strictObject({
    recipient: z.enum(SHARE_RECIPIENTS),
    person: entityId,
    // Where and when, and which conduct (e.g. the decision's acts, as the IND selected them).
    acts: acts.optional(),
    // In which role the person was involved (e.g. "commandant van een checkpoint").
    role: text.optional(),
    grounds: z.union([ground, z.array(ground).min(1)]).optional(),
    summary: text.optional(),
  }).refine((data) => SHARED_PARTS.some((part) => data[part] !== undefined), {
    message: `select at least one part to share: ${'acts, role, grounds or summary'}`,
  }),
} as const;

export type ExclusionEvent = EventsOf<typeof exclusionEventSchemas>;
