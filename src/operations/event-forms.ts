/**
 * What the web form offers on a case page: the event types the case's state machine allows now, and for each the
 * fields to fill in, with the values of a choice narrowed to those the machine accepts (a judgment of the
 * instance the case is in, an appeal to the next forum, only registered victims). Found by asking the machine
 * itself (`checkTransition`) with each candidate, so the form can never offer what the registry would refuse.
 * The final word stays with POST /api/events, which replays the whole stream.
 */
import { z } from 'zod';
import type { RecordedEvent, StreamKind } from '../domain/event.js';
import { EVENT_SCHEMAS_BY_KIND, EVENT_TYPES_BY_KIND } from '../domain/events/schema.js';
import { addDays } from '../domain/dates.js';
import type { AnyStreamState } from '../domain/machines.js';
import { MACHINES } from '../domain/machines.js';
import { PERIODIC_UPDATE } from '../domain/criminal/events.js';

export type FieldKind = 'text' | 'choice' | 'choices' | 'boolean' | 'integer' | 'date' | 'person' | 'country' | 'countries' | 'case' | 'event';

export interface FormField {
  /** The data field, dotted for a nested one (`sentence.prisonMonths`). */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** For a choice: the values the state machine accepts now, in schema order. */
  options?: string[];
  /** A regular expression the value must match (e.g. an ECLI). */
  pattern?: string;
  /**
   * A text field the form fills from a controlled vocabulary (GET /api/vocabularies): it offers the active entries
   * and records the chosen entry's Dutch label. The event's data stays text, as the interchange format defines it,
   * so older events and imports with free text remain valid and are shown as they were written.
   */
  vocabulary?: 'courts' | 'channels' | 'topics';
}

export interface AllowedEvent {
  type: string;
  fields: FormField[];
}

/**
 * Fields the form does not offer: `acts` is a list of records, sent through the API or an import; a witness's
 * `pseudonym` is the registry's to assign (src/import/witness-pseudonyms.ts).
 */
const NOT_IN_FORM = new Set(['acts', 'pseudonym']);

/** Text fields filled from a controlled vocabulary, by field name (every event type that has the field). */
const VOCABULARY_BY_NAME: Readonly<Record<string, NonNullable<FormField['vocabulary']>>> = {
  court: 'courts',
  channel: 'channels',
  about: 'topics',
};

/** Fields whose kind the JSON Schema cannot tell (ids and dates are strings with a refinement). */
const KIND_BY_NAME: Readonly<Record<string, FieldKind>> = {
  date: 'date',
  suspect: 'person',
  person: 'person',
  victim: 'person',
  subjects: 'person',
  requestingState: 'country',
  state: 'country',
  nationalities: 'countries',
  exclusionCase: 'case',
  criminalCase: 'case',
  concerning: 'event',
  birthDate: 'text',
};

interface JsonSchema {
  type?: string;
  enum?: string[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** The form fields of an event type, read from its data schema (the interchange format's own definition). */
export function formFields(kind: StreamKind, type: string): FormField[] {
  const schema = (EVENT_SCHEMAS_BY_KIND[kind] as Record<string, z.ZodType>)[type];
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  return fieldsOf(json, '');
}

function fieldsOf(schema: JsonSchema, prefix: string): FormField[] {
  const fields: FormField[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (NOT_IN_FORM.has(name)) continue;
    const full = `${prefix}${name}`;
    if (property.type === 'object') {
      fields.push(...fieldsOf(property, `${full}.`).map((field) => ({ ...field, required: false })));
      continue;
    }
    const listOf = property.type === 'array' ? property.items : property.anyOf?.find((option) => option.type === 'array')?.items;
    const byName = KIND_BY_NAME[name];
    let field: FormField;
    if (property.enum) field = { name: full, kind: 'choice', required: required.has(name), options: [...property.enum] };
    else if (listOf?.enum) field = { name: full, kind: 'choices', required: required.has(name), options: [...listOf.enum] };
    else if (property.type === 'boolean') field = { name: full, kind: 'boolean', required: required.has(name) };
    else if (property.type === 'integer' || property.type === 'number') field = { name: full, kind: 'integer', required: required.has(name) };
    else if (byName) field = { name: full, kind: byName, required: required.has(name) };
    else field = { name: full, kind: 'text', required: required.has(name), ...(VOCABULARY_BY_NAME[name] ? { vocabulary: VOCABULARY_BY_NAME[name] } : {}) };
    if (property.pattern) field.pattern = property.pattern;
    fields.push(field);
  }
  return fields;
}

/** A value of each field that passes the data schema, for probing the state machine. */
function sampleValue(field: FormField, today: string): unknown {
  switch (field.kind) {
    case 'choice': return field.options?.[0];
    case 'choices': return field.options?.slice(0, 1);
    case 'boolean': return false;
    case 'integer': return 0;
    case 'date': return addDays(today, 30);
    case 'countries': return ['NLD'];
    case 'country': return 'NLD';
    default: return 'probe';
  }
}

function setField(data: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = name.split('.');
  if (rest.length === 0) return { ...data, [head!]: value };
  return { ...data, [head!]: setField((data[head!] as Record<string, unknown> | undefined) ?? {}, rest.join('.'), value) };
}

/**
 * The events the state machine of `kind` allows after `state` on `today`, with their form fields.
 * @example allowedEvents('criminal', stateOfAnOpenInvestigation, '2026-11-28') // criminal.indicted, …
 */
export function allowedEvents(kind: StreamKind, stream: string, state: AnyStreamState, today: string, extra: { victims?: string[]; keyEvents?: string[] } = {}): AllowedEvent[] {
  const machine = MACHINES[kind] as unknown as { checkTransition(state: unknown, event: unknown): unknown };
  const allowed: AllowedEvent[] = [];
  for (const type of EVENT_TYPES_BY_KIND[kind]) {
    const fields = formFields(kind, type).map((field) => {
      if (type === 'criminal.victim-informed' && field.name === 'victim') return { ...field, kind: 'choice' as const, options: [...(extra.victims ?? [])] };
      if (field.name === 'concerning' && extra.keyEvents) return { ...field, kind: 'choice' as const, options: [...extra.keyEvents] };
      // R5: the duties a victim's information discharges — the periodic update or a key event of this case.
      if (type === 'criminal.victim-informed' && field.name === 'duties') return { ...field, kind: 'choices' as const, options: [PERIODIC_UPDATE, ...(extra.keyEvents ?? [])] };
      return field;
    });
    let data: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.required || field.kind === 'choice') data = setField(data, field.name, sampleValue(field, today));
    }
    const probe = (candidate: Record<string, unknown>) => machine.checkTransition(state, {
      id: 'probe', stream, type, date: today, recordedAt: `${today}T23:59:59.999Z`, seq: Number.MAX_SAFE_INTEGER, data: candidate,
    } satisfies RecordedEvent) === undefined;
    let possible = true;
    const narrowed = fields.map((field) => {
      if (field.kind !== 'choice' || !field.options) return field;
      const options = field.options.filter((option) => probe(setField(data, field.name, option)));
      if (field.required && options.length === 0) possible = false;
      if (options.length > 0) data = setField(data, field.name, options[0]);
      return { ...field, options };
    });
    if (possible && probe(data)) allowed.push({ type, fields: narrowed });
  }
  return allowed;
}
