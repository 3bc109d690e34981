/**
 * Every label in both languages: the same keys, no empty text, and a label for every code the registry can show
 * (event types, fields of the add-event form, their values, phases).
 */
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS_BY_KIND, EVENT_TYPES_BY_KIND } from '../../../src/domain/events/schema';
import { en } from './en';
import { nl } from './nl';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`)));
}

function enumValues(schema: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.enum)) found.push(...record.enum.map(String));
    for (const value of Object.values(record)) walk(value);
  };
  walk(schema);
  return found;
}

describe('the translations', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    const dutch = leaves(nl);
    const english = leaves(en);
    expect(english.map(([key]) => key)).toEqual(dutch.map(([key]) => key));
    expect([...dutch, ...english].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('label every event type, field and value of the interchange format', async () => {
    const { z } = await import('zod');
    for (const language of [nl, en]) {
      for (const [kind, types] of Object.entries(EVENT_TYPES_BY_KIND)) {
        for (const type of [...types, 'retracted']) {
          expect(language.eventType, `${kind}: ${type}`).toHaveProperty([type]);
          const schema = (EVENT_SCHEMAS_BY_KIND as Record<string, Record<string, import('zod').ZodType>>)[kind]![type];
          if (!schema) continue;
          const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
          for (const field of Object.keys(json.properties ?? {})) expect(language.field, `${type}.${field}`).toHaveProperty([field]);
          for (const value of enumValues(json)) expect(language.value, `${type}: ${value}`).toHaveProperty([value]);
        }
      }
    }
  });
});
