/**
 * The events of an evidence item (README, "The interchange format", evidence extension; docs/domain.md §4): what a
 * case rests on — a statement, a document, a photo, a captured web page — with where it came from, who acquired it and
 * how, every file of it by SHA-256, every hand it passed through (chain of custody), the verification steps of the
 * Berkeley Protocol and every disclosure. The bytes live in the file store; the events hold their hashes.
 * STORED DATA (interchange format v1, docs/domain.md §5): events are kept forever. Never change the meaning of a type
 * or field in place; add an optional field or a new type instead.
 */
import { z } from 'zod';
import { normaliseTimestamp } from '../dates.js';
import type { EventsOf } from '../events/domain-event.js';
import { calendarDate, entityId, plannedDate, text } from '../events/fields.js';

export const EVIDENCE_KINDS = [
  'witness-statement', 'document', 'photo', 'video', 'audio', 'web-capture', 'device-extraction', 'forensic-report',
  'expert-report', 'official-report', 'mechanism-material', 'other',
] as const;
export const SOURCE_TYPES = ['witness', 'open-source', 'un-mechanism', 'foreign-authority', 'ngo', 'seized', 'person-concerned', 'other'] as const;
export const ACQUISITION_METHODS = ['capture', 'download', 'seizure', 'legal-assistance', 'handover', 'interview', 'other'] as const;
/** The Berkeley Protocol's verification steps: of the source, of the file (technical), of what it shows (content). */
export const VERIFICATION_STEPS = ['source', 'technical', 'content'] as const;
export const VERIFICATION_OUTCOMES = ['confirmed', 'inconclusive', 'refuted'] as const;
export const DISCLOSED_TO = ['defence', 'court', 'partner'] as const;
/** How an item bears on an element of an offence (R8): it supports it, contradicts it, or gives context. */
export const ELEMENT_RELATIONS = ['supports', 'contradicts', 'context'] as const;
/** The linker's assessment of how much the item weighs for the element. */
export const ELEMENT_WEIGHTS = ['strong', 'moderate', 'weak'] as const;
/** The originator's conditions on the use of the material (R8): a lead only, evidence with its consent, evidence. */
export const ORIGINATOR_CONDITIONS = ['lead-only', 'evidence-with-consent', 'evidence'] as const;
/** What the originator's consent is needed for. */
export const CONSENT_PURPOSES = ['disclosure', 'court-use'] as const;

/** A SHA-256 digest as 64 lower-case hexadecimal characters. */
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 digest (64 lower-case hexadecimal characters)');

/** A media type as sniffed from the content (`image/png`), no parameters. */
const mediaType = z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/, 'not a media type like image/png');

/** A file's name as stored: the last part of a path only, no control characters, at most 255 characters. */
export const fileName = z.string().superRefine((value, ctx) => {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(value) || value === '.' || value === '..') {
    ctx.addIssue({ code: 'custom', message: `not a file name (1–255 characters, no '/', '\\' or control characters): '${value.slice(0, 60)}'` });
  }
});

/** A moment with its time zone (ISO 8601), as `recordedAt`. */
const timestamp = z.string().superRefine((value, ctx) => {
  if (normaliseTimestamp(value) === undefined) ctx.addIssue({ code: 'custom', message: `not an ISO 8601 timestamp with a time zone: ${value}` });
});

/** A language tag (BCP 47, e.g. `ar`, `nl`, `ar-SY`). */
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a language tag like ar or nl');

const url = z.string().superRefine((value, ctx) => {
  let ok = false;
  try {
    const parsed = new URL(value);
    ok = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && value.length <= 10_000;
  } catch { /* not a URL */ }
  if (!ok) ctx.addIssue({ code: 'custom', message: `not an http(s) URL: '${value.slice(0, 60)}'` });
});

/** One case: a criminal case or a 1F file, named in the field of its kind (the field tells the kind, docs/domain.md §5). */
const oneCase = z.strictObject({ criminalCase: entityId.optional(), exclusionCase: entityId.optional() }).superRefine((value, ctx) => {
  if ((value.criminalCase === undefined) === (value.exclusionCase === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'name exactly one case: criminalCase or exclusionCase' });
  }
});

/** An offence code, 1F ground or element id as config/elements.json spells them. */
const elementKey = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,99}$/, 'an id of letters, digits, dots and hyphens as config/elements.json spells it');

/** One case (as `oneCase`) and more fields. */
function oneCaseWith<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ criminalCase: entityId.optional(), exclusionCase: entityId.optional(), ...shape }).superRefine((value, ctx) => {
    const named = value as { criminalCase?: string; exclusionCase?: string };
    if ((named.criminalCase === undefined) === (named.exclusionCase === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'name exactly one case: criminalCase or exclusionCase' });
    }
  });
}

export const evidenceEventSchemas = {
  'evidence.registered': z.strictObject({
    criminalCases: z.array(entityId).optional(),
    exclusionCases: z.array(entityId).optional(),
    kind: z.enum(EVIDENCE_KINDS),
    title: text,
    source: z.strictObject({ type: z.enum(SOURCE_TYPES), name: text.optional(), reference: text.optional() }),
    acquired: z.strictObject({ date: calendarDate, by: text, method: z.enum(ACQUISITION_METHODS), location: text.optional() }),
    language: language.optional(),
    description: text.optional(),
  }).superRefine((value, ctx) => {
    const count = (value.criminalCases?.length ?? 0) + (value.exclusionCases?.length ?? 0);
    if (count === 0) ctx.addIssue({ code: 'custom', message: 'evidence belongs to at least one case: name it in criminalCases or exclusionCases' });
    for (const field of ['criminalCases', 'exclusionCases'] as const) {
      const ids = value[field] ?? [];
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [field], message: 'names a case twice' });
    }
  }),
  'evidence.file-attached': z.strictObject({
    sha256,
    size: z.number().int().nonnegative(),
    mediaType,
    fileName,
    url: url.optional(),
    capturedAt: timestamp.optional(),
    tool: text.optional(),
  }),
  'evidence.custody-transferred': z.strictObject({ from: text, to: text, purpose: text }),
  'evidence.verified': z.strictObject({ step: z.enum(VERIFICATION_STEPS), outcome: z.enum(VERIFICATION_OUTCOMES), method: text, notes: text.optional() }),
  'evidence.disclosed': z.strictObject({ to: z.enum(DISCLOSED_TO), recipient: text, what: text }),
  'evidence.linked': oneCase,
  'evidence.unlinked': oneCase,
  // Extensions of format v1 (additive), issue 13 and rule R8. The item bears on one element of one offence of one of
  // its cases: `offence` is an offence code of the criminal case (criminal.opened's offences) or a ground of Art. 1F
  // (`1F-a`, `1F-b`, `1F-c`) for a 1F file; `element` an element id of config/elements.json for that offence.
  'evidence.element-linked': oneCaseWith({
    offence: elementKey,
    element: elementKey,
    relation: z.enum(ELEMENT_RELATIONS),
    reasoning: text,
    weight: z.enum(ELEMENT_WEIGHTS),
  }),
  'evidence.element-unlinked': oneCaseWith({ offence: elementKey, element: elementKey }),
  // The originator's conditions on the material, in force from the event's date; they replace earlier ones, and
  // consent recorded under earlier conditions no longer counts.
  'evidence.conditions-set': z.strictObject({
    conditions: z.enum(ORIGINATOR_CONDITIONS),
    originator: text,
    consentNeededFor: z.array(z.enum(CONSENT_PURPOSES)).min(1).optional(),
    period: z.strictObject({ from: plannedDate.optional(), until: plannedDate.optional() }).optional(),
  }),
  'evidence.consent-requested': z.strictObject({ from: text, for: z.array(z.enum(CONSENT_PURPOSES)).min(1).optional(), reference: text.optional() }),
  'evidence.consent-given': z.strictObject({ by: text, for: z.array(z.enum(CONSENT_PURPOSES)).min(1).optional(), reference: text.optional() }),
  'evidence.consent-refused': z.strictObject({ by: text, reason: text.optional() }),
  // The envelope's date is the day the material became (un)available.
  'evidence.availability-changed': z.strictObject({ available: z.boolean(), reason: text }),
} as const;

export type EvidenceEvent = EventsOf<typeof evidenceEventSchemas>;
