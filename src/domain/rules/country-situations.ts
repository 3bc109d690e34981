/**
 * Changes in a country's situation as reviewed data (config/rules.json `countrySituations`): the fall of the Assad
 * regime on 2024-12-08, for one. The witness risk lists use them (README, "Witnesses"): a witness living in such a
 * country since may not come to testify; a witness who was unwilling before it may be willing now.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates.js';
import { isCountryCode } from '../countries.js';

const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

export const countrySituationSchema = z.strictObject({
  country: z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-3 country code'),
  date: z.string().refine(isCalendarDate, 'not a calendar date (YYYY-MM-DD)'),
  change: bilingual,
  source: z.string().min(1),
});

export type CountrySituation = z.infer<typeof countrySituationSchema>;

/** The changes of a country's situation on or before `date`, latest first. */
export function situationChangesOf(situations: readonly CountrySituation[], country: string | null, date: string): CountrySituation[] {
  if (!country) return [];
  return situations.filter((situation) => situation.country === country && situation.date <= date).sort((a, b) => (a.date < b.date ? 1 : -1));
}
