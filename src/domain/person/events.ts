/**
 * The events of a person stream: the people the chain's cases are about (suspects, victims, excluded aliens).
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import type { EventsOf } from '../events/domain-event.js';
import { countryCode, entityId, partialDate, personName, text } from '../events/fields.js';

export const personEventSchemas = {
  'person.registered': z.strictObject({
    // Names in any script: transliterations of one name are separate entries, matching compares them.
    names: z.array(personName).min(1),
    birthDate: partialDate.optional(),
    nationalities: z.array(countryCode).optional(),
    gender: text.optional(),
  }),
  'person.alias-added': z.strictObject({ name: personName }),
  // Extension of format v1: this person is the same person as `into` (a reviewed, confirmed match), and lives on
  // there. Recorded on the absorbed person's stream; undone by retracting it.
  'person.merged': z.strictObject({ into: entityId, reason: text }),
  // Extension of format v1 (docs/retention.md): a legal hold keeps every case about the person past its retention
  // term until lifted — a claim, a complaint, an inquiry. `legalGround` names the provision or decision behind it.
  'person.legal-hold-placed': z.strictObject({ reason: text, legalGround: text.optional() }),
  // Lifts the hold placed by the event `hold` of this stream.
  'person.legal-hold-lifted': z.strictObject({ hold: entityId, reason: text }),
} as const;

export type PersonEvent = EventsOf<typeof personEventSchemas>;
