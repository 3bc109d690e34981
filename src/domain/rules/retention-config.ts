/**
 * The retention table of config/rules.json (docs/retention.md): per partner and per kind of data, how long the
 * registry may keep it and the event that starts the period. Data, reviewed like code; what was not confirmed
 * from a primary source is listed under the config's `verify`.
 */
import { z } from 'zod';
import { STREAM_KINDS } from '../event.js';

/** The partners whose data the registry holds (docs/domain.md §1), by their organisation in config/policy.json. */
export const RETENTION_PARTNERS = ['tim', 'om', 'ind', 'dtv', 'chain'] as const;
export type RetentionPartner = (typeof RETENTION_PARTNERS)[number];

/**
 * The event that starts a retention period, read from the replayed state of the stream (docs/retention.md):
 * - `case-closed`: a criminal case closed (final judgment, dismissal, death, transfer);
 * - `intake-received` / `intake-assessed`: a report intake received, or assessed;
 * - `mla-closed`: a legal-assistance request closed;
 * - `extradition-concluded`: an extradition concluded (extradited, refused, withdrawn);
 * - `exclusion-final`: a 1F decision that stands with no appeal pending, or the 1F case closed;
 * - `departure-ended`: a departure dossier ended by departure or closed for another reason;
 * - `last-case-ended`: a person's identity record, once no case about the person is kept any longer;
 * - `task-subject-ended`: a task of the inbox whose key names streams (a case, a person), once none of them is kept
 *   any longer (each due, or erased);
 * - `task-done`: a task of the inbox whose key names no stream (a screening hit, an authorisation), marked done.
 */
export const RETENTION_STARTS = [
  'case-closed',
  'intake-received',
  'intake-assessed',
  'mla-closed',
  'extradition-concluded',
  'exclusion-final',
  'departure-ended',
  'last-case-ended',
  'task-subject-ended',
  'task-done',
] as const;
export type RetentionStart = (typeof RETENTION_STARTS)[number];

const bilingualText = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

export const retentionRuleSchema = z.strictObject({
  /** Stable id, named in the due list and (later) in an erasure event. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  partner: z.enum(RETENTION_PARTNERS),
  /** A key of the config's `laws`. */
  law: z.string().min(1),
  article: z.string().min(1),
  /** The kind of data, in words. */
  data: bilingualText,
  streamKind: z.enum(STREAM_KINDS),
  startsAt: z.enum(RETENTION_STARTS),
  /** Whole years from the starting event until the data is due for removal; 0: due at once. */
  years: z.number().int().min(0),
  /** Where the period comes from: the primary source, or why it is a chosen bound (see `verify`). */
  source: z.string().min(1),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

export const retentionSchema = z.strictObject({
  $comment: z.string().optional(),
  rules: z.array(retentionRuleSchema).min(1),
});
export type RetentionConfig = z.infer<typeof retentionSchema>;
