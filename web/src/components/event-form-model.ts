/**
 * The add-event form without React: the empty values of a form, checks of each field as the user types, and the
 * event built from the values. The fields come from the server (GET …/allowed-events), which reads them from the
 * interchange format's own schemas and narrows each choice to what the case's state machine accepts now.
 */
import type { FormField } from '../api/types';

export type Values = Record<string, string | string[]>;

/** Error codes, translated by the form (casePage.<code>). */
export type FieldError = 'required' | 'invalidDate' | 'futureDate' | 'invalidNumber' | 'invalidCountry' | 'invalidId' | 'invalidPattern' | 'chooseAtLeastOne';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const COUNTRY = /^[A-Z]{3}$/;

export function emptyValues(fields: readonly FormField[]): Values {
  return Object.fromEntries(fields.map((field) => [field.name, field.kind === 'choices' ? [] : field.kind === 'choice' && field.required && field.options?.length === 1 ? field.options[0]! : '']));
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The problem with one field's value, or undefined when it is fine. */
export function checkField(field: FormField, value: string | string[] | undefined): FieldError | undefined {
  if (Array.isArray(value)) return field.required && value.length === 0 ? 'chooseAtLeastOne' : undefined;
  const text = (value ?? '').trim();
  if (text === '') return field.required ? 'required' : undefined;
  switch (field.kind) {
    case 'date': return isCalendarDate(text) ? undefined : 'invalidDate';
    case 'integer': return /^\d+$/.test(text) ? undefined : 'invalidNumber';
    case 'country': return COUNTRY.test(text) ? undefined : 'invalidCountry';
    case 'countries': return text.split(',').every((part) => COUNTRY.test(part.trim())) ? undefined : 'invalidCountry';
    case 'person': case 'case': case 'event': return ID.test(text) ? undefined : 'invalidId';
    case 'choice': return field.options && !field.options.includes(text) ? 'required' : undefined;
    default:
      return field.pattern && !new RegExp(field.pattern).test(text) ? 'invalidPattern' : undefined;
  }
}

/** The legal date of the event: a calendar date, not after today (an event records what happened). */
export function checkEventDate(date: string, today: string): FieldError | undefined {
  if (!date) return 'required';
  if (!isCalendarDate(date)) return 'invalidDate';
  return date > today ? 'futureDate' : undefined;
}

export function checkAll(fields: readonly FormField[], values: Values): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const error = checkField(field, values[field.name]);
    if (error) errors[field.name] = error;
  }
  return errors;
}

/** The event's data from the form's values: empty optional fields left out, numbers and booleans typed, nested fields nested. */
export function eventData(fields: readonly FormField[], values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    let typed: unknown = value;
    if (field.kind === 'integer') typed = Number(value);
    else if (field.kind === 'boolean') typed = value === 'true';
    else if (field.kind === 'countries') typed = String(value).split(',').map((part) => part.trim()).filter(Boolean);
    else if (typeof value === 'string') typed = value.trim();
    const path = field.name.split('.');
    let target = data;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = typed;
  }
  return data;
}
