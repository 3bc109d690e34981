/**
 * How many Article 1F decisions the IND takes in each year of one demo replica, by outcome. Every
 * `exclusion.decided` event of the replica takes one place from this ledger — a first decision, a new decision
 * after an annulment, the decision behind a departure dossier — so the yearly flow figures are exact. 2024 and
 * 2025 are the report's target figures (docs/domain.md §6); the other years follow the broad trend of the yearly reports.
 */
import { yearOf } from './calendar.js';

export type DecisionOutcome = 'applied' | 'not-applied';

export const DECISIONS_PER_YEAR: Readonly<Record<number, Readonly<Record<DecisionOutcome, number>>>> = {
  2010: { applied: 55, 'not-applied': 60 },
  2011: { applied: 50, 'not-applied': 55 },
  2012: { applied: 48, 'not-applied': 50 },
  2013: { applied: 45, 'not-applied': 52 },
  2014: { applied: 40, 'not-applied': 48 },
  2015: { applied: 42, 'not-applied': 60 },
  2016: { applied: 50, 'not-applied': 95 },
  2017: { applied: 48, 'not-applied': 110 },
  2018: { applied: 40, 'not-applied': 100 },
  2019: { applied: 36, 'not-applied': 90 },
  2020: { applied: 30, 'not-applied': 70 },
  2021: { applied: 34, 'not-applied': 80 },
  2022: { applied: 36, 'not-applied': 95 },
  // Many cases were suspended in the second half of 2023 while the CJEU ruling C-663/21 was studied.
  2023: { applied: 20, 'not-applied': 40 },
  2024: { applied: 38, 'not-applied': 112 },
  2025: { applied: 38, 'not-applied': 64 },
  // Up to the demo horizon (2026-09-30).
  2026: { applied: 25, 'not-applied': 40 },
};

export const FIRST_DECISION_YEAR = 2010;
export const LAST_DECISION_YEAR = 2026;

/** The places still free per year and outcome. */
export class DecisionLedger {
  private readonly free = new Map<string, number>();

  constructor(quotas: typeof DECISIONS_PER_YEAR = DECISIONS_PER_YEAR) {
    for (const [year, counts] of Object.entries(quotas)) {
      for (const [outcome, count] of Object.entries(counts)) this.free.set(`${year}:${outcome}`, count);
    }
  }

  remaining(year: number, outcome: DecisionOutcome): number {
    return this.free.get(`${year}:${outcome}`) ?? 0;
  }

  /** Takes a place for a decision on `date`; throws when the year has none left (a mistake in the plan). */
  take(date: string, outcome: DecisionOutcome): void {
    const year = yearOf(date);
    const left = this.remaining(year, outcome);
    if (left <= 0) throw new Error(`no ${outcome} decision left in ${year} for a decision on ${date}`);
    this.free.set(`${year}:${outcome}`, left - 1);
  }
}
