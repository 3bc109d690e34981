/**
 * The events of an extradition case (uitlevering): a foreign state's request to surrender a person.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { countryCode, entityId } from '../events/fields.js';
import { EXTRADITION_PROCEEDINGS, type ExtraditionProceeding } from './proceedings.js';

export { EXTRADITION_PROCEEDINGS, type ExtraditionProceeding };

export const EXTRADITION_OUTCOMES = ['extradited', 'refused', 'withdrawn'] as const;

export const extraditionEventSchemas = {
  'extradition.requested': z.strictObject({ person: entityId, requestingState: countryCode }),
  'extradition.phase-entered': z.strictObject({ phase: z.enum(EXTRADITION_PROCEEDINGS) }),
  'extradition.concluded': z.strictObject({ outcome: z.enum(EXTRADITION_OUTCOMES) }),
} as const;

export type ExtraditionEvent = EventsOf<typeof extraditionEventSchemas>;
