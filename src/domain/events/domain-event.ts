import type { z } from 'zod';

/**
 * An event as the state machines see it: its type narrowed to a literal and its data typed by the type's schema.
 * Only events that passed `validateEvent` reach the machines, which is what makes the narrowing safe.
 */
export interface DomainEvent<Type extends string, Data> {
  id: string;
  type: Type;
  date: string;
  recordedAt?: string;
  seq?: number;
  data: Data;
}

/** The union of typed events described by a map from event type to data schema. */
export type EventsOf<Schemas extends Record<string, z.ZodType>> = {
  [Type in keyof Schemas & string]: DomainEvent<Type, z.infer<Schemas[Type]>>;
}[keyof Schemas & string];
