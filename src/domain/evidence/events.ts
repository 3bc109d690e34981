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
import { calendarDate, entityId, text } from '../events/fields.js';

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
} as const;

export type EvidenceEvent = EventsOf<typeof evidenceEventSchemas>;
