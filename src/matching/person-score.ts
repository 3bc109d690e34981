/**
 * Scores a query (a name, perhaps birth dates and nationalities) against a list entry: the best of its names,
 * then what the birth dates and nationalities do to that score. Agreement on dates or nationality never makes a
 * match on its own: it only raises a score that is already at or above the threshold, or, for a birth date that
 * agrees to the day, a name that corresponds in part (PERSON_SCORING.dateConfirmReach). A conflict lowers it.
 */
import { toCountryCode, compareNationalities } from './countries.js';
import type { NationalityComparison } from './countries.js';
import { compareBirthDates, parseBirthDate } from './dates.js';
import type { BirthDate, DateComparison } from './dates.js';
import { comparePreparedNames, scorePreparedNames } from './score.js';
import type { NameComparison, PartRarity } from './score.js';
import { prepareName } from './tokens.js';
import type { PreparedName } from './tokens.js';

/**
 * The default threshold for a hit. Chosen with bench/matching/quality.ts, which prints a threshold sweep:
 * on the OpenSanctions name benchmark F1 is flat from 0.60 to 0.75 (0.894–0.900; at 0.70 precision 0.93, recall
 * 0.86), while recall of Arabic-script names against Latin-only entries falls fast above 0.70 (83% at 0.70).
 * Since a hit only asks a person to look, we take the low end of the high-precision part: 0.70. For scale: a
 * name that differs in one full part ("Daniel Tusk" / "Donald Tusk") scores about 0.5; the same name in
 * another transliteration 0.8–0.95.
 */
export const DEFAULT_THRESHOLD = 0.7;

/** What birth dates and nationality add or take away. Matching policy. */
export const PERSON_SCORING = {
  dateAgreeDay: 0.05,
  dateAgreeMonthOrYear: 0.03,
  dateCompatible: 0.01,
  dateNear: -0.04,
  dateConflict: -0.15,
  nationalityAgree: 0.02,
  nationalityConflict: -0.05,
  /** A birth date that agrees to the day is strong evidence (two people of a list seldom share one), so it
   *  confirms a name that scores up to this much under the threshold (not 1 January, which often stands for an
   *  unknown day)... */
  dateConfirmReach: 0.15,
  /** ...and then adds this instead of dateAgreeDay. A nationality that conflicts cancels the confirmation.
   *  Tuned on the development half of bench/matching/heldout.ts (its table with birth dates). */
  dateConfirmsName: 0.15,
} as const;

/** An entry of a watchlist. */
export interface WatchlistEntry {
  readonly id: string;
  /** Primary name first, then aliases, in any script. */
  readonly names: readonly string[];
  /** "YYYY", "YYYY-MM", "YYYY-MM-DD" or a year range "YYYY/YYYY". */
  readonly birthDates?: readonly string[];
  /** ISO 3166-1 alpha-3 (other spellings are converted where known). */
  readonly nationalities?: readonly string[];
  readonly kind?: 'person' | 'organization' | 'vessel' | 'aircraft' | 'other';
}

/** What is screened. */
export interface ScreeningQuery {
  readonly name: string;
  /** What the query names, when known. A person's name inside an entry the list calls an organisation, a vessel
   *  or an aircraft ("Mohammad Wali" / "Mohammad Wali Money Exchange") is then not that person: the entry's
   *  extra words cost as an organisation's do. */
  readonly kind?: 'person';
  readonly birthDates?: readonly string[];
  readonly nationalities?: readonly string[];
}

/** A query or entry with its names prepared and its dates and nationalities parsed. */
export interface PreparedSubject {
  readonly names: readonly PreparedName[];
  readonly birthDates: readonly BirthDate[];
  readonly nationalities: readonly string[];
}

/** Why a hit scored what it did. */
export interface HitExplanation {
  /** The comparison with the entry's best-matching name. */
  readonly name: NameComparison;
  readonly nameScore: number;
  /** `confirmsName`: the birth date agrees to the day and confirms a name under the threshold (dateConfirmReach). */
  readonly birthDate: DateComparison & { readonly effect: number; readonly confirmsName?: true };
  readonly nationality: NationalityComparison & { readonly effect: number };
}

export interface PersonScore {
  readonly score: number;
  readonly explanation: HitExplanation;
}

function codes(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => toCountryCode(value)).filter((code): code is string => code !== undefined))];
}

/** Prepares a query or an entry for scoring (names split, dates parsed leniently, nationalities as alpha-3). */
export function prepareSubject(subject: { names: readonly string[]; birthDates?: readonly string[]; nationalities?: readonly string[] }): PreparedSubject {
  // names that differ only in case or punctuation are compared once
  const names = new Map<string, PreparedName>();
  for (const name of subject.names) {
    if (name.trim().length === 0) continue;
    const prepared = prepareName(name);
    const key = prepared.tokens.map((token) => `${token.kind}:${token.forms.id}`).join(' ');
    if (!names.has(key)) names.set(key, prepared);
  }
  return {
    names: [...names.values()],
    birthDates: (subject.birthDates ?? []).map(parseBirthDate).filter((date): date is BirthDate => date !== undefined),
    nationalities: codes(subject.nationalities),
  };
}

/** 1 January stands for an unknown day of birth in many registries and travel documents: it confirms no more than the year. */
function isUnknownDayPlaceholder(text: string | undefined): boolean {
  const date = text === undefined ? undefined : parseBirthDate(text);
  return date?.month === 1 && date.day === 1;
}

function hasFullDate(subject: PreparedSubject): boolean {
  return subject.birthDates.some((date) => date.day !== undefined);
}

function dateEffect(comparison: DateComparison): number {
  switch (comparison.outcome) {
    case 'agree': return comparison.precision === 'day' ? PERSON_SCORING.dateAgreeDay : PERSON_SCORING.dateAgreeMonthOrYear;
    case 'compatible': return PERSON_SCORING.dateCompatible;
    case 'near': return PERSON_SCORING.dateNear;
    case 'conflict': return PERSON_SCORING.dateConflict;
    case 'unknown': return 0;
  }
}

function nationalityEffect(comparison: NationalityComparison): number {
  switch (comparison.outcome) {
    case 'agree': return PERSON_SCORING.nationalityAgree;
    case 'conflict': return PERSON_SCORING.nationalityConflict;
    case 'unknown': return 0;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Scores prepared subjects. `threshold` decides whether agreement may raise the score: below it, only
 * conflicts count. With `onlyAtOrAbove`, a score below that gives undefined without building the explanation.
 */
export function scorePreparedSubjects(
  query: PreparedSubject,
  entry: PreparedSubject,
  threshold = DEFAULT_THRESHOLD,
  options: { onlyAtOrAbove?: number; rarity?: PartRarity } = {},
): PersonScore | undefined {
  let bestPair: [PreparedName, PreparedName] | undefined;
  let bestScore = -1;
  // how far under the threshold a name may score and still become a hit: only a full birth date on both sides
  // can confirm it
  const reach = hasFullDate(query) && hasFullDate(entry) ? PERSON_SCORING.dateConfirmReach : 0;
  // a name under this is dropped below (see onlyAtOrAbove): its exact score is not needed
  const floor = options.onlyAtOrAbove === undefined ? undefined : Math.min(threshold, options.onlyAtOrAbove) - reach;
  for (const queryName of query.names) {
    for (const entryName of entry.names) {
      const score = scorePreparedNames(queryName, entryName, options.rarity, floor);
      if (score > bestScore) {
        bestScore = score;
        bestPair = [queryName, entryName];
      }
    }
  }
  if (!bestPair) return undefined;
  // below the threshold only conflicts count, so such a name can only end lower: no need to look further
  if (options.onlyAtOrAbove !== undefined && bestScore < Math.min(threshold, options.onlyAtOrAbove) - reach) return undefined;
  const dates = compareBirthDates(query.birthDates, entry.birthDates);
  const nationality = compareNationalities(query.nationalities, entry.nationalities);
  let dateDelta = dateEffect(dates);
  let nationalityDelta = nationalityEffect(nationality);
  // a name in another rendering or with a part left out ("Mahmoud Abdallah Jubouri" / "Mahmud Abdulla
  // al-Jubouri") may score under the threshold; the same birth date to the day confirms it
  const confirmsName = bestScore < threshold && bestScore >= threshold - reach && dates.outcome === 'agree' && dates.precision === 'day'
    && !isUnknownDayPlaceholder(dates.query) && nationality.outcome !== 'conflict';
  if (confirmsName) dateDelta = PERSON_SCORING.dateConfirmsName;
  // agreement alone never makes a match: it only adds to a name that already matches, or that it confirms
  else if (bestScore < threshold) {
    dateDelta = Math.min(0, dateDelta);
    nationalityDelta = Math.min(0, nationalityDelta);
  }
  const score = round(Math.max(0, Math.min(1, bestScore + dateDelta + nationalityDelta)));
  if (options.onlyAtOrAbove !== undefined && score < options.onlyAtOrAbove) return undefined;
  const best: NameComparison = comparePreparedNames(bestPair[0], bestPair[1], options.rarity);
  return {
    score,
    explanation: {
      name: best,
      nameScore: best.score,
      birthDate: { ...dates, effect: round(dateDelta), ...(confirmsName ? { confirmsName: true as const } : {}) },
      nationality: { ...nationality, effect: round(nationalityDelta) },
    },
  };
}

/**
 * Scores a query against an entry.
 * @example scorePerson({ name: 'Muhammad Alhasan', birthDates: ['1976'] }, { id: 'X1', names: ['محمد الحسن'], birthDates: ['1976-10-05'] })
 */
export function scorePerson(query: ScreeningQuery, entry: WatchlistEntry, threshold = DEFAULT_THRESHOLD): PersonScore | undefined {
  return scorePreparedSubjects(
    prepareSubject({ names: [query.name], ...(query.birthDates ? { birthDates: query.birthDates } : {}), ...(query.nationalities ? { nationalities: query.nationalities } : {}) }),
    prepareSubject(entry),
    threshold,
  );
}
