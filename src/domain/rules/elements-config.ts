/**
 * The shape of config/elements.json: the elements of crimes (docs/domain.md §3, R8). Per offence code of the registry
 * the crimes, their article and their elements as the ICC Elements of Crimes structure them (conduct, consequence,
 * circumstance, contextual element, mental element), each with its source; shared contextual elements (the attack
 * of a crime against humanity, the armed conflict and its nexus) once under `contexts`; and the grounds of
 * Article 1F with what must be shown. `parseElementsConfig` is pure; src/config/elements.ts reads the file.
 */
import { z } from 'zod';
import { OFFENCES } from '../events/fields.js';
import type { Offence } from '../events/fields.js';
import { checkVerifyPaths, parseConfigFile } from './config-parsing.js';
import { bilingual } from './rule-config.js';

export const ELEMENT_KINDS = ['conduct', 'consequence', 'circumstance', 'contextual', 'mental'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Offence codes with fixed elements: every code but `other`, whose elements are chosen case by case. */
export const OFFENCES_WITH_ELEMENTS = OFFENCES.filter((offence) => offence !== 'other') as Array<Exclude<Offence, 'other'>>;

export const EXCLUSION_GROUNDS = ['1F-a', '1F-b', '1F-c'] as const;

const id = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'an id of letters, digits, dots and hyphens');
const text = z.string().min(1);

/** Where an element comes from: the article of the Dutch law, the Elements of Crimes paragraph, other sources. */
const source = z.strictObject({ article: text, eoc: text.optional(), other: text.optional() });

const element = z.strictObject({ id, kind: z.enum(ELEMENT_KINDS), label: bilingual, source });
export type Element = z.infer<typeof element>;

const crime = z.strictObject({
  id,
  label: bilingual,
  article: text,
  eoc: text.optional(),
  /** The shared contextual elements this crime needs (a key of `contexts`). */
  context: text.optional(),
  elements: z.array(element).min(1),
});
export type Crime = z.infer<typeof crime>;

const offences = z.strictObject(
  Object.fromEntries(OFFENCES_WITH_ELEMENTS.map((offence) => [offence, z.strictObject({ label: bilingual, crimes: z.array(crime).min(1) })])) as Record<
    Exclude<Offence, 'other'>,
    z.ZodObject<{ label: typeof bilingual; crimes: z.ZodArray<typeof crime> }>
  >,
);

const ground = z.strictObject({ id: z.enum(EXCLUSION_GROUNDS), label: bilingual, article: text, elements: z.array(element).min(1) });

export const elementsConfigSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    sources: z.record(text, bilingual),
    contexts: z.record(id, z.strictObject({ label: bilingual, elements: z.array(element).min(1) })),
    offences,
    exclusion: z.strictObject({ label: bilingual, standard: bilingual, standardSource: source.partial({ article: true }), grounds: z.array(ground).min(1) }),
    verify: z.array(z.strictObject({ path: text, note: text })),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    const claim = (value: string, path: Array<string | number>) => {
      const first = seen.get(value);
      if (first) ctx.addIssue({ code: 'custom', path, message: `duplicate id '${value}', first used at ${first}` });
      else seen.set(value, path.join('.'));
    };
    for (const [key, context] of Object.entries(config.contexts)) {
      context.elements.forEach((entry, index) => claim(entry.id, ['contexts', key, 'elements', index, 'id']));
    }
    for (const offence of OFFENCES_WITH_ELEMENTS) {
      config.offences[offence].crimes.forEach((entry, index) => {
        const path = ['offences', offence, 'crimes', index];
        claim(entry.id, [...path, 'id']);
        entry.elements.forEach((item, itemIndex) => claim(item.id, [...path, 'elements', itemIndex, 'id']));
        if (entry.context !== undefined && !(entry.context in config.contexts)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'context'], message: `unknown context '${entry.context}'; known: ${Object.keys(config.contexts).join(', ')}` });
        }
        const kinds = new Set([...entry.elements, ...(config.contexts[entry.context ?? '']?.elements ?? [])].map((item) => item.kind));
        for (const needed of ['conduct', 'mental'] as const) {
          if (!kinds.has(needed)) ctx.addIssue({ code: 'custom', path: [...path, 'elements'], message: `a crime needs a ${needed} element` });
        }
      });
    }
    config.exclusion.grounds.forEach((entry, index) => {
      claim(entry.id, ['exclusion', 'grounds', index, 'id']);
      entry.elements.forEach((item, itemIndex) => claim(item.id, ['exclusion', 'grounds', index, 'elements', itemIndex, 'id']));
    });
    const grounds = config.exclusion.grounds.map((entry) => entry.id);
    for (const needed of EXCLUSION_GROUNDS) {
      if (!grounds.includes(needed)) ctx.addIssue({ code: 'custom', path: ['exclusion', 'grounds'], message: `ground ${needed} is missing` });
    }
    checkVerifyPaths(config, ctx);
  });

export type ElementsConfig = z.infer<typeof elementsConfigSchema>;

/** Validates the elements file (parsed JSON or text) and returns it frozen; CONFIG_INVALID names each bad field. */
export function parseElementsConfig(json: unknown, source = 'config/elements.json'): ElementsConfig {
  return parseConfigFile(elementsConfigSchema, json, source);
}

/** The crimes of an offence code, with their elements; empty for `other`. */
export function crimesOf(config: ElementsConfig, offence: Offence): readonly Crime[] {
  return offence === 'other' ? [] : config.offences[offence].crimes;
}

/** Everything that must be proven for a crime: its shared contextual elements first, then its own. */
export function elementsOfCrime(config: ElementsConfig, crimeItem: Crime): readonly Element[] {
  const shared = crimeItem.context === undefined ? [] : (config.contexts[crimeItem.context]?.elements ?? []);
  return [...shared, ...crimeItem.elements];
}

/** Every element an offence code can require, each once (shared contextual elements are listed once). */
export function elementsOfOffence(config: ElementsConfig, offence: Offence): readonly Element[] {
  const byId = new Map<string, Element>();
  for (const crimeItem of crimesOf(config, offence)) for (const item of elementsOfCrime(config, crimeItem)) byId.set(item.id, item);
  return [...byId.values()];
}
