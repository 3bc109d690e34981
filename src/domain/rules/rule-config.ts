/**
 * The shape of config/rules.json: the dates and durations of the law (docs/domain.md §3), kept as data so that a jurist
 * can review and correct them without reading code. `parseRuleConfig` is pure; src/config/rules.ts reads the file.
 */
import { z } from 'zod';
import { ImketenError } from '../errors.js';
import type { Problem } from '../errors.js';
import { calendarDate, OFFENCES } from '../events/fields.js';
import type { Offence } from '../events/fields.js';
import { retentionSchema } from './retention-config.js';

/** A text in Dutch and English: the chain works in Dutch, reports to parliament also travel abroad. */
export const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingual>;

const law = z.strictObject({ name: bilingual, citation: z.string().min(1).optional() });

/** A period in which one law makes an offence punishable, from `from` until the next regime's `from`. */
const regime = z.strictObject({ law: z.string().min(1), article: z.string().min(1).optional(), from: calendarDate });
export type Regime = z.infer<typeof regime>;

const offences = z.strictObject(
  Object.fromEntries(OFFENCES.map((offence) => [offence, z.array(regime)])) as Record<Offence, z.ZodArray<typeof regime>>,
);

export const ruleConfigSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    laws: z.record(z.string().min(1), law),
    offences,
    durations: z.strictObject({
      entryBanYears: z.number().int().positive(),
      victimPeriodicUpdateMonths: z.number().int().positive(),
      victimKeyEventNotificationDays: z.number().int().positive(),
      // R3: how long an authorisation of the investigating judge may be valid, counted from the judge's decision.
      judgeAuthorisationMaxMonths: z.number().int().positive(),
    }),
    // The retention table (docs/retention.md); optional so that a configuration without it stays valid.
    retention: retentionSchema.optional(),
    verify: z.array(z.strictObject({ path: z.string().min(1), note: z.string().min(1) })),
  })
  .superRefine((config, ctx) => {
    for (const offence of OFFENCES) {
      const regimes = config.offences[offence];
      regimes.forEach((entry, index) => {
        if (!(entry.law in config.laws)) {
          ctx.addIssue({ code: 'custom', path: ['offences', offence, index, 'law'], message: `unknown law '${entry.law}'; known: ${Object.keys(config.laws).join(', ')}` });
        }
        const previous = regimes[index - 1];
        if (previous && previous.from >= entry.from) {
          ctx.addIssue({ code: 'custom', path: ['offences', offence, index, 'from'], message: `regimes must be in date order: ${entry.from} does not follow ${previous.from}` });
        }
      });
    }
    const ids = new Set<string>();
    config.retention?.rules.forEach((rule, index) => {
      if (!(rule.law in config.laws)) {
        ctx.addIssue({ code: 'custom', path: ['retention', 'rules', index, 'law'], message: `unknown law '${rule.law}'; known: ${Object.keys(config.laws).join(', ')}` });
      }
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['retention', 'rules', index, 'id'], message: `duplicate rule id '${rule.id}'` });
      ids.add(rule.id);
    });
    config.verify.forEach((item, index) => {
      if (valueAtPath(config, item.path) === undefined) {
        ctx.addIssue({ code: 'custom', path: ['verify', index, 'path'], message: `names no setting: ${item.path}` });
      }
    });
  });

export type RuleConfig = z.infer<typeof ruleConfigSchema>;

/**
 * Validates the rule configuration (the parsed JSON, or its text) and returns it frozen. Throws CONFIG_INVALID
 * with one problem per bad field, each naming its path, e.g. `durations.entryBanYears`.
 */
export function parseRuleConfig(json: unknown, source = 'config/rules.json'): RuleConfig {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (error) {
      throw new ImketenError('CONFIG_INVALID', `${source} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = ruleConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => ({
      file: source,
      field: formatPath(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.join(', ')}` : issue.message,
      code: 'CONFIG_INVALID',
    }));
    const list = problems.map((problem) => `${problem.field || '(root)'}: ${problem.message}`).join('; ');
    throw new ImketenError('CONFIG_INVALID', `${source} is not valid: ${list}`, problems);
  }
  return deepFreeze(parsed.data);
}

/** The regimes under which an offence is punishable, oldest first; empty when R1 sets no limit for it. */
export function regimesOf(config: RuleConfig, offence: Offence): readonly Regime[] {
  return config.offences[offence];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}

function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((piece) => piece !== undefined && piece !== '')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
