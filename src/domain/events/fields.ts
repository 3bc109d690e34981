/**
 * Building blocks of the event data schemas (interchange format v1, docs/domain.md §5). Each check that can fail says in
 * its message what it got, so an import error names the bad value, not only the field.
 */
import { z } from 'zod';
import { isCountryCode } from '../countries.js';
import { comparePartialDates, isCalendarDate, isPartialDate, parsePartialDate } from '../dates.js';
import { INPUT_LIMITS, textProblem } from '../input-limits.js';

/** The offence codes of docs/domain.md §2. */
export const OFFENCES = [
  'genocide',
  'crimes-against-humanity',
  'war-crimes',
  'torture',
  'enforced-disappearance',
  'aggression',
  'terrorism',
  'other',
] as const;
export type Offence = (typeof OFFENCES)[number];

/** Text that says something, within its limit (README, "Input limits"); blank is refused, the rest kept as sent. */
function limitedText(maxChars: number) {
  return z.string().superRefine((value, ctx) => {
    if (value.trim().length === 0) ctx.addIssue({ code: 'custom', message: 'must not be blank' });
    else {
      const problem = textProblem(value, maxChars);
      if (problem) ctx.addIssue({ code: 'custom', message: `the text ${problem}` });
    }
  });
}

/** Free text: a reason, a court, what a victim was told. */
export const text = limitedText(INPUT_LIMITS.freeTextChars);

/** A person's name or alias, in any script. */
export const personName = limitedText(INPUT_LIMITS.nameChars);

/** The id of a person, a case or an event: not empty, and without `/` since it becomes part of a stream name. */
export const entityId = z.string().superRefine((value, ctx) => {
  if (value.length === 0 || value.includes('/') || value.trim() !== value) {
    ctx.addIssue({ code: 'custom', message: `not a valid id: '${value}' (no spaces around it, no '/')` });
  }
});

export const calendarDate = z.string().superRefine((value, ctx) => {
  if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: `not a calendar date (YYYY-MM-DD): ${value}` });
});

/**
 * A date something is planned for (a hearing, a validity period): unlike every other date of an event it may lie after the day it is
 * recorded, so it is not one of the LEGAL_DATES below.
 */
export const plannedDate = z.string().superRefine((value, ctx) => {
  if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: `not a calendar date (YYYY-MM-DD): ${value}` });
});

export const partialDate = z.string().superRefine((value, ctx) => {
  if (!isPartialDate(value)) {
    ctx.addIssue({ code: 'custom', message: `not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${value}` });
  }
});

/** The date fields of event data that say when something happened: none may lie after the day it is recorded. */
export const LEGAL_DATES: ReadonlySet<z.ZodType> = new Set<z.ZodType>([calendarDate, partialDate]);

export const countryCode = z.string().superRefine((value, ctx) => {
  if (!isCountryCode(value)) {
    ctx.addIssue({ code: 'custom', message: `not an ISO 3166-1 alpha-3 country code: '${value}'` });
  }
});

export const offence = z.enum(OFFENCES);

/** One alleged act, for the temporal-scope rule R1. */
export const act = z
  .strictObject({
    offence,
    from: partialDate,
    until: partialDate.optional(),
    country: countryCode.optional(),
    /** Whether the act was part of a widespread or systematic attack (R1: enforced disappearance before WIM art. 8a). */
    partOfAttack: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.until === undefined) return;
    const from = parsePartialDate(value.from);
    const until = parsePartialDate(value.until);
    if (from && until && comparePartialDates(until, from) === 'before') {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `until ${value.until} lies before from ${value.from}` });
    }
  });
export type Act = z.infer<typeof act>;

export const acts = z.array(act);
