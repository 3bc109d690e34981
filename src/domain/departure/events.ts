/**
 * The events of a departure dossier (DT&V 1F dossier): the work towards the departure of an excluded alien.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { entityId, text } from '../events/fields.js';

export const DEPARTURE_MODES = ['forced', 'voluntary-supervised', 'voluntary-unsupervised'] as const;
export type DepartureMode = (typeof DEPARTURE_MODES)[number];

export const departureEventSchemas = {
  'departure.opened': z.strictObject({ person: entityId, exclusionCase: entityId.optional() }),
  'departure.article3-barrier': z.strictObject({ present: z.boolean() }),
  'departure.departed': z.strictObject({ mode: z.enum(DEPARTURE_MODES) }),
  'departure.closed': z.strictObject({ reason: text }),
} as const;

export type DepartureEvent = EventsOf<typeof departureEventSchemas>;
