/**
 * The events of a mutual legal assistance request (rechtshulpverzoek), sent to or received from another state.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { countryCode, text } from '../events/fields.js';

const request = z.strictObject({ state: countryCode, legalBasis: text.optional(), subject: text.optional() });

export const mlaEventSchemas = {
  'mla.sent': request,
  'mla.received': request,
  'mla.answered': z.strictObject({}),
  'mla.closed': z.strictObject({}),
} as const;

export type MlaEvent = EventsOf<typeof mlaEventSchemas>;
