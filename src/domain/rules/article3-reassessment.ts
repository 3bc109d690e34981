/**
 * R7 for one departure dossier (docs/domain.md §3, "R7, reassessment"): an open dossier with an Article 3 barrier is
 * reassessed when the situation of a country of the person's nationality changed after the barrier was last assessed
 * (config/rules.json `countrySituations`, e.g. Syria on 2024-12-08). The reassessment is due from the day of that
 * change; until a change comes, the last assessment stands. Pure: the caller passes the state, the nationalities and
 * the reviewed changes.
 */
import { dateInWords } from '../dates.js';
import type { DepartureState } from '../departure/state.js';
import type { CountrySituation } from './country-situations.js';
import type { Bilingual } from './rule-config.js';

export interface Article3Reassessment {
  /** The legal date of the last assessment of the barrier (departure.article3-barrier). */
  lastAssessment: string | null;
  /** `due`: a country's situation changed since; `current`: the last assessment stands. */
  status: 'due' | 'current';
  /** The day the reassessment became due (the change), or null while it is not due. */
  dueDate: string | null;
  /** The change that makes it due. */
  change: { country: string; date: string; change: Bilingual } | null;
  explanation: Bilingual;
}

/** Undefined when R7 does not apply: the dossier is not open or has no Article 3 barrier. */
export function article3Reassessment(
  state: Pick<DepartureState, 'phase' | 'article3Barrier' | 'article3AssessedOn'>, nationalities: readonly string[], situations: readonly CountrySituation[], today: string,
): Article3Reassessment | undefined {
  if (state.phase !== 'open' || !state.article3Barrier) return undefined;
  const last = state.article3AssessedOn;
  const since = situations
    .filter((situation) => nationalities.includes(situation.country) && situation.date <= today && (last === null || situation.date > last))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = since[0];
  const lastNl = last ? dateInWords(last, 'nl') : 'onbekend';
  const lastEn = last ? dateInWords(last, 'en') : 'unknown';
  if (!first) {
    return {
      lastAssessment: last, status: 'current', dueDate: null, change: null,
      explanation: {
        nl: `Artikel 3-beletsel, laatst beoordeeld op ${lastNl}; geen herbeoordeling nodig zolang de situatie in het land van nationaliteit niet verandert (R7).`,
        en: `Article 3 barrier, last assessed on ${lastEn}; no reassessment due while the situation in the country of nationality does not change (R7).`,
      },
    };
  }
  return {
    lastAssessment: last, status: 'due', dueDate: first.date, change: { country: first.country, date: first.date, change: first.change },
    explanation: {
      nl: `Artikel 3-beletsel, laatst beoordeeld op ${lastNl}: herbeoordeling nodig sinds ${dateInWords(first.date, 'nl')}, toen de situatie in het land van nationaliteit veranderde (R7).`,
      en: `Article 3 barrier, last assessed on ${lastEn}: reassessment due since ${dateInWords(first.date, 'en')}, when the situation in the country of nationality changed (R7).`,
    },
  };
}
