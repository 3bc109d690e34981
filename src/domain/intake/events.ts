/**
 * The events of a report intake (aangifte / melding): a complaint or signal about an international crime.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { entityId, text } from '../events/fields.js';

export const INTAKE_OUTCOMES = [
  'investigation-opened',
  'no-jurisdiction',
  'insufficient-grounds',
  'referred',
  'other',
] as const;

export const intakeEventSchemas = {
  'intake.received': z.strictObject({
    from: text.optional(),
    situation: text.optional(),
    subjects: z.array(entityId).optional(),
  }),
  'intake.assessed': z.strictObject({ outcome: z.enum(INTAKE_OUTCOMES), criminalCase: entityId.optional() }),
} as const;

export type IntakeEvent = EventsOf<typeof intakeEventSchemas>;
