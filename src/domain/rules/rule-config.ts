/**
 * The shape of config/rules.json: the dates and durations of the law (docs/domain.md §3), kept as data so that a jurist
 * can review and correct them without reading code. `parseRuleConfig` is pure; src/config/rules.ts reads the file.
 */
import { z } from 'zod';
import { checkVerifyPaths, parseConfigFile } from './config-parsing.js';
import { calendarDate, offence as offenceCode, OFFENCES } from '../events/fields.js';
import type { Offence } from '../events/fields.js';
import { retentionSchema } from './retention-config.js';
import { countrySituationSchema } from './country-situations.js';

/** A text in Dutch and English: the chain works in Dutch, reports to parliament also travel abroad. */
export const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingual>;

const law = z.strictObject({ name: bilingual, citation: z.string().min(1).optional() });

/**
 * A period in which one law makes an offence punishable, from `from` until the next regime's `from`. With `onlyAs`
 * the offence is punishable in that period only as that other offence, e.g. an enforced disappearance before WIM
 * art. 8a only as a crime against humanity (art. 4: part of a widespread or systematic attack).
 */
const regime = z.strictObject({
  law: z.string().min(1),
  article: z.string().min(1).optional(),
  from: calendarDate,
  onlyAs: offenceCode.optional(),
  citation: z.string().min(1).optional(),
});
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
    // Changes of a country's situation the witness risk lists use (./country-situations.ts); optional like retention.
    countrySituations: z.array(countrySituationSchema).optional(),
    verify: z.array(z.strictObject({ path: z.string().min(1), note: z.string().min(1) })),
  })
  .superRefine((config, ctx) => {
    for (const offence of OFFENCES) {
      const regimes = config.offences[offence];
      regimes.forEach((entry, index) => {
        if (!(entry.law in config.laws)) {
          ctx.addIssue({ code: 'custom', path: ['offences', offence, index, 'law'], message: `unknown law '${entry.law}'; known: ${Object.keys(config.laws).join(', ')}` });
        }
        if (entry.onlyAs === offence) {
          ctx.addIssue({ code: 'custom', path: ['offences', offence, index, 'onlyAs'], message: `an offence cannot be punishable only as itself` });
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
    checkVerifyPaths(config, ctx);
  });

export type RuleConfig = z.infer<typeof ruleConfigSchema>;

/**
 * Validates the rule configuration (the parsed JSON, or its text) and returns it frozen. Throws CONFIG_INVALID
 * with one problem per bad field, each naming its path, e.g. `durations.entryBanYears`.
 */
export function parseRuleConfig(json: unknown, source = 'config/rules.json'): RuleConfig {
  return parseConfigFile(ruleConfigSchema, json, source);
}

/** The regimes under which an offence is punishable, oldest first; empty when R1 sets no limit for it. */
export function regimesOf(config: RuleConfig, offence: Offence): readonly Regime[] {
  return config.offences[offence];
}
