/**
 * The proceedings of an extradition case, as plain data: the transitions need their order without loading the
 * events' schemas (zod; start-up time, docs/architecture.md). ./events.ts builds the schema from this list.
 * STORED DATA (interchange format v1): these are values of `extradition.phase-entered`; add, never rename.
 */

/** The phases after `received`, in the only order a case may move through them (skipping is allowed). */
export const EXTRADITION_PROCEEDINGS = [
  'court-first',
  'court-cassation',
  'minister',
  'civil-first',
  'civil-appeal',
  'civil-cassation',
] as const;
export type ExtraditionProceeding = (typeof EXTRADITION_PROCEEDINGS)[number];
