/**
 * The retraction event, allowed on every stream: it erases an earlier event of the same stream as of its own
 * recordedAt (docs/domain.md §5). Nothing is deleted; the retraction is itself an event.
 * STORED DATA (interchange format v1): never change the meaning of its fields in place.
 */
import { z } from 'zod';
import type { DomainEvent } from './domain-event.js';
import { RETRACTED } from './event-types.js';
import { entityId, text } from './fields.js';

export { RETRACTED };

export const retractionSchema = z.strictObject({ event: entityId, reason: text });

export type RetractionEvent = DomainEvent<typeof RETRACTED, z.infer<typeof retractionSchema>>;
