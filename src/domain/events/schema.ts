/**
 * Validation of one event of the interchange format v1 (docs/domain.md §5), as it arrives from an import or the API.
 * On the hot path of large imports: the schemas are built once, the envelope is checked by hand, and the work
 * to explain a failure is only done when there is one.
 * STORED DATA: the schemas describe events kept forever. Never change the meaning of a type or field in place.
 */
import { z } from 'zod';
import { criminalEventSchemas } from '../criminal/events.js';
import { departureEventSchemas } from '../departure/events.js';
import { evidenceEventSchemas } from '../evidence/events.js';
import type { Problem } from '../errors.js';
import { parseStreamName, STREAM_KINDS } from '../event.js';
import type { EventInput, StreamKind } from '../event.js';
import { exclusionEventSchemas } from '../exclusion/events.js';
import { extraditionEventSchemas } from '../extradition/events.js';
import { intakeEventSchemas } from '../intake/events.js';
import { mlaEventSchemas } from '../mla/events.js';
import { personEventSchemas } from '../person/events.js';
import { taskEventSchemas } from '../task/events.js';
import { witnessEventSchemas } from '../witness/events.js';
import { isCalendarDate, normaliseTimestamp, parsePartialDate } from '../dates.js';
import { LEGAL_DATES } from './fields.js';
import { EVENT_TYPES_BY_KIND } from './event-types.js';
import { RETRACTED, retractionSchema } from './retraction.js';

/** The data schema of every event type, per stream kind (without `retracted`, which fits every kind). */
export const EVENT_SCHEMAS_BY_KIND = {
  person: personEventSchemas,
  criminal: criminalEventSchemas,
  extradition: extraditionEventSchemas,
  exclusion: exclusionEventSchemas,
  departure: departureEventSchemas,
  intake: intakeEventSchemas,
  mla: mlaEventSchemas,
  evidence: evidenceEventSchemas,
  witness: witnessEventSchemas,
  task: taskEventSchemas,
} as const satisfies Record<StreamKind, Record<string, z.ZodType>>;

export { EVENT_TYPES_BY_KIND };

// The plain lists the replay uses (./event-types.ts) name exactly the types these schemas define.
for (const kind of STREAM_KINDS) {
  const defined = Object.keys(EVENT_SCHEMAS_BY_KIND[kind]).sort().join(' ');
  if (defined !== [...EVENT_TYPES_BY_KIND[kind]].sort().join(' ')) {
    throw new Error(`src/domain/events/event-types.ts lists other ${kind} event types than the schemas define (${defined})`);
  }
}

/** Every known event type, `retracted` included. */
export const EVENT_TYPES: readonly string[] = [...STREAM_KINDS.flatMap((kind) => EVENT_TYPES_BY_KIND[kind]), RETRACTED];

const DATA_SCHEMAS = new Map<string, z.ZodType>([
  ...STREAM_KINDS.flatMap((kind) => Object.entries(EVENT_SCHEMAS_BY_KIND[kind] as Record<string, z.ZodType>)),
  [RETRACTED, retractionSchema],
]);

/** The kind a type belongs to: the part before the dot; undefined for `retracted`, which fits every kind. */
export function kindOfEventType(type: string): StreamKind | undefined {
  const dot = type.indexOf('.');
  return dot > 0 ? (type.slice(0, dot) as StreamKind) : undefined;
}

/** A data field that names another stream by its id alone (docs/domain.md §5: the field tells the kind). */
export interface Reference {
  /** Where the id stands, e.g. `data.suspect` or `data.subjects[1]`. */
  field: string;
  /** The stream it points at, e.g. `person/P-0042`. */
  stream: string;
}

const REFERENCE_FIELDS: ReadonlyArray<readonly [field: string, kind: StreamKind]> = [
  ['suspect', 'person'],
  ['person', 'person'],
  ['victim', 'person'],
  ['subjects', 'person'],
  ['into', 'person'], // person.merged
  ['exclusionCase', 'exclusion'],
  ['criminalCase', 'criminal'],
  ['criminalCases', 'criminal'], // evidence.registered
  ['exclusionCases', 'exclusion'], // evidence.registered
  ['evidence', 'evidence'], // witness.statement-linked
];

export type ValidationResult =
  | { ok: true; event: EventInput; references: Reference[] }
  | { ok: false; problems: Problem[] };

const ENVELOPE_FIELDS = new Set(['id', 'stream', 'type', 'date', 'recordedAt', 'data']);

export interface ValidationOptions {
  /**
   * The day the registry learns the event (YYYY-MM-DD): its legal date, and every legal date in its data, may not
   * lie after it — a planned date (a hearing) may. The caller's clock; without it dates are not compared to it.
   */
  today?: string;
}

/**
 * Checks one raw event (a parsed JSON line) against the interchange format: the envelope, the type against
 * the stream's kind, the dates, and the data of its type. Returns the event with `recordedAt` normalised and the
 * streams its data refers to, or every problem found, each naming its field.
 */
export function validateEvent(raw: unknown, options: ValidationOptions = {}): ValidationResult {
  if (!isPlainObject(raw)) {
    return { ok: false, problems: [{ message: `expected an event object, got ${describe(raw)}` }] };
  }
  const problems: Problem[] = [];
  for (const key in raw) {
    if (!ENVELOPE_FIELDS.has(key)) problems.push({ field: key, message: `unknown field '${key}'` });
  }

  const id = requireString(raw, 'id', problems);
  const stream = requireString(raw, 'stream', problems);
  const type = requireString(raw, 'type', problems);
  const date = requireString(raw, 'date', problems);

  const streamName = stream === undefined ? undefined : parseStreamName(stream);
  if (stream !== undefined && !streamName) {
    problems.push({ field: 'stream', message: `expected <kind>/<id> with kind one of ${STREAM_KINDS.join(', ')}, got '${stream}'` });
  } else if (streamName && streamName.id.includes('/')) {
    problems.push({ field: 'stream', message: `the id in a stream name cannot contain '/': '${stream}'` });
  }

  const schema = type === undefined ? undefined : DATA_SCHEMAS.get(type);
  if (type !== undefined) {
    if (!schema) {
      problems.push({ field: 'type', message: unknownTypeMessage(type, streamName?.kind) });
    } else if (streamName && type !== RETRACTED && kindOfEventType(type) !== streamName.kind) {
      problems.push({ field: 'type', message: `type ${type} does not belong on ${article(streamName.kind)} ${streamName.kind} stream` });
    }
  }

  if (date !== undefined && !isCalendarDate(date)) {
    problems.push({ field: 'date', message: `not a calendar date (YYYY-MM-DD): ${date}` });
  } else if (date !== undefined && options.today !== undefined && date > options.today) {
    problems.push({ field: 'date', message: futureMessage(date, options.today) });
  }

  let recordedAt: string | undefined;
  if (raw.recordedAt !== undefined) {
    if (typeof raw.recordedAt !== 'string') {
      problems.push({ field: 'recordedAt', message: `expected an ISO 8601 timestamp, got ${describe(raw.recordedAt)}` });
    } else {
      recordedAt = normaliseTimestamp(raw.recordedAt);
      if (recordedAt === undefined) {
        problems.push({
          field: 'recordedAt',
          message: `not an ISO 8601 timestamp with a time zone (e.g. 2024-12-12T09:30:00Z): ${raw.recordedAt}`,
        });
      }
    }
  }

  // A type without data fields may leave `data` out; it is then stored as {}.
  const rawData = raw.data === undefined ? {} : raw.data;
  let data: Record<string, unknown> | undefined;
  if (!isPlainObject(rawData)) {
    problems.push({ field: 'data', message: `expected an object, got ${describe(rawData)}` });
  } else if (schema) {
    const parsed = schema.safeParse(rawData);
    if (parsed.success) data = parsed.data as Record<string, unknown>;
    else problems.push(...explainIssues(parsed.error.issues, rawData));
    if (data && options.today !== undefined) problems.push(...futureLegalDates(type!, data, options.today));
  }

  if (problems.length > 0 || id === undefined || stream === undefined || type === undefined || date === undefined || !data) {
    return { ok: false, problems };
  }
  const event: EventInput = recordedAt === undefined ? { id, stream, type, date, data } : { id, stream, type, date, recordedAt, data };
  return { ok: true, event, references: referencesOf(data) };
}

function futureMessage(date: string, today: string): string {
  return `${date} lies after the day of import (${today}): a legal date records what has happened, and this has not yet; `
    + 'a planned date (a hearing) belongs in the field for it';
}

/** Where the legal dates of each type's data are: paths of keys, `[]` for every item of a list. */
const LEGAL_DATE_PATHS = new Map<string, string[][]>(
  [...DATA_SCHEMAS].map(([type, schema]) => [type, legalDatePaths(schema)] as const).filter(([, paths]) => paths.length > 0),
);

function legalDatePaths(schema: z.ZodType, path: string[] = []): string[][] {
  if (LEGAL_DATES.has(schema)) return [path];
  if (schema instanceof z.ZodOptional) return legalDatePaths(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodArray) return legalDatePaths(schema.element as z.ZodType, [...path, '[]']);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => legalDatePaths(inner, [...path, key]));
  }
  return [];
}

/** A legal date in the data (a birth date, when an act began) that lies after `today`; planned dates are not looked at. */
function futureLegalDates(type: string, data: Record<string, unknown>, today: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: readonly string[], at: number, field: string): void => {
    if (value === undefined || value === null) return;
    if (at === path.length) {
      const date = typeof value === 'string' ? parsePartialDate(value) : undefined;
      if (date && date.earliest > today) problems.push({ field, message: futureMessage(value as string, today) });
      return;
    }
    const key = path[at]!;
    if (key === '[]') {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, path, at + 1, `${field}[${index}]`));
    } else if (typeof value === 'object') visit((value as Record<string, unknown>)[key], path, at + 1, `${field}.${key}`);
  };
  for (const path of LEGAL_DATE_PATHS.get(type) ?? []) visit(data, path, 0, 'data');
  return problems;
}

/** The streams an event's data refers to. */
export function referencesOf(data: Record<string, unknown>): Reference[] {
  const references: Reference[] = [];
  for (const [field, kind] of REFERENCE_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') references.push({ field: `data.${field}`, stream: `${kind}/${value}` });
    else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string') references.push({ field: `data.${field}[${index}]`, stream: `${kind}/${item}` });
      });
    }
  }
  return references;
}

function unknownTypeMessage(type: string, kind: StreamKind | undefined): string {
  const known = kind ? [...EVENT_TYPES_BY_KIND[kind], RETRACTED] : EVENT_TYPES;
  return `unknown event type '${type}'; ${kind ? `${article(kind)} ${kind} stream takes` : 'known types are'} ${known.join(', ')}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function requireString(raw: Record<string, unknown>, field: string, problems: Problem[]): string | undefined {
  const value = raw[field];
  if (value === undefined) {
    problems.push({ field, message: `missing field '${field}'` });
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0) {
    problems.push({ field, message: `expected a non-empty string, got ${describe(value)}` });
    return undefined;
  }
  return value;
}

function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const field = fieldPath(issue.path);
    const input = valueAt(data, issue.path);
    if (input === undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
      problems.push({ field, message: `missing field '${String(issue.path.at(-1))}'` });
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) problems.push({ field: `${field}.${key}`, message: `unknown field '${key}'` });
        break;
      case 'invalid_value':
        problems.push({ field, message: `expected one of ${issue.values.join(', ')}, got ${describe(input)}` });
        break;
      case 'invalid_type':
        problems.push({ field, message: `expected ${issue.expected}, got ${describe(input)}` });
        break;
      case 'too_small':
        problems.push({
          field,
          message:
            issue.origin === 'array'
              ? `expected at least ${issue.minimum} item(s), got none`
              : issue.origin === 'number'
                ? `expected a number of at least ${issue.minimum}, got ${describe(input)}`
                : issue.message,
        });
        break;
      case 'invalid_union':
        problems.push({ field, message: `${unionExpectation(issue)}, got ${describe(input)}` });
        break;
      case 'invalid_format':
        problems.push({ field, message: `${issue.message}: ${describe(input)}` });
        break;
      default:
        problems.push({ field, message: issue.message });
    }
  }
  return problems;
}

/** For a union such as `grounds` (one letter or a list), name the values the first alternative accepts. */
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const first = issue.errors[0]?.[0];
  if (first?.code === 'invalid_value') return `expected one of ${first.values.join(', ')} or a list of them`;
  return 'expected a value of one of the allowed forms';
}

function fieldPath(path: readonly PropertyKey[]): string {
  let field = 'data';
  for (const part of path) field += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return field;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
