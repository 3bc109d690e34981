/**
 * The Article 1F part of one replica: exclusion cases and the departure dossiers that follow applied decisions.
 * Every decision takes its place from the yearly ledger (exclusion-decisions.ts), in this order: decisions later
 * annulled and taken anew, the decisions behind the departure dossiers, then every place left as a case without
 * dossier. Investigations still suspended or still without decision take no place.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { DEMO_HORIZON, dateIn, earlierOf, increasingDates, laterOf, yearOf } from './calendar.js';
import type { Window } from './calendar.js';
import { buildDossier, planDossiers } from './departure-dossiers.js';
import { DecisionLedger, FIRST_DECISION_YEAR, LAST_DECISION_YEAR } from './exclusion-decisions.js';
import type { DecisionOutcome } from './exclusion-decisions.js';
import { buildExclusionCase } from './exclusions.js';
import type { ExclusionPlan } from './exclusions.js';
import type { Rng } from './prng.js';
import type { SituationName } from './situations.js';
import type { DemoContext } from './stream-builder.js';

/** Decisions annulled on appeal and taken anew the next year, per year of the first decision. */
const ANNULLED_PER_YEAR = 2;
const ANNULLED_FIRST_YEARS: readonly [number, number] = [2011, 2024];
/** A dossier opens once the decision is final: at least this long after it. */
const DAYS_FROM_DECISION_TO_DOSSIER = 45;
const STILL_SUSPENDED = 6;
const STILL_WITHOUT_DECISION = 25;

const CJEU_SUSPENSION = 'awaiting the study of CJEU ruling C-663/21 (Article 3 and exclusion)';
const OTHER_SUSPENSION = 'awaiting a ruling of the Council of State in a comparable case';

export function* article1FCases(context: DemoContext, rng: Rng): Generator<EventInput> {
  const ledger = new DecisionLedger();
  const annulled = planAnnulledDecisions(rng.fork('annulled'), ledger);
  const dossiers = planDossiers(rng.fork('dossiers'));
  const behindDossiers = dossiers.map((dossier, index) => decisionBehindDossier(rng.fork(`decision-${index}`), ledger, dossier.openedOn));

  for (const [index, dossier] of dossiers.entries()) {
    const draw = rng.fork(`dossier-${index}`);
    const exclusion = buildExclusionCase(context, draw.fork('exclusion'), {
      situation: dossier.situation,
      decisions: [{ date: behindDossiers[index]!, outcome: 'applied' }],
      article3Barrier: dossier.barrierAtOpening,
      appealsRuledBefore: addDays(dossier.openedOn, -10),
    });
    yield* exclusion.person.events;
    yield* exclusion.exclusion.events;
    yield* buildDossier(context, draw.fork('departure'), dossier, exclusion);
  }
  for (const [index, plan] of annulled.entries()) yield* caseEvents(context, rng.fork(`annulled-${index}`), plan);
  yield* remainingDecisions(context, rng.fork('remaining'), ledger);
  yield* investigationsWithoutDecision(context, rng.fork('undecided'));
}

function caseEvents(context: DemoContext, rng: Rng, plan: ExclusionPlan): EventInput[] {
  const { person, exclusion } = buildExclusionCase(context, rng, plan);
  return [...person.events, ...exclusion.events];
}

/** The window decisions of a year fall in: from March 2010 at the earliest, up to the demo horizon. */
function decisionWindow(year: number): Window {
  return [laterOf(`${year}-01-01`, `${FIRST_DECISION_YEAR}-03-01`), earlierOf(`${year}-12-31`, DEMO_HORIZON)];
}

/** Who the IND decided on in a year: the countries of origin shift over the years. */
function situationInYear(rng: Rng, year: number): SituationName {
  if (year <= 2013) {
    return rng.weighted<SituationName>([['afghanistan', 30], ['iraq', 25], ['iran', 15], ['rwanda', 8], ['eritrea', 5], ['ethiopia', 5], ['sri-lanka', 6], ['liberia', 4], ['syria', 2]]);
  }
  if (year <= 2021) {
    return rng.weighted<SituationName>([['syria', 35], ['afghanistan', 18], ['iraq', 15], ['iran', 10], ['eritrea', 12], ['ethiopia', 4], ['rwanda', 3], ['sri-lanka', 3]]);
  }
  return rng.weighted<SituationName>([['syria', 30], ['afghanistan', 25], ['iraq', 10], ['iran', 10], ['eritrea', 12], ['ukraine', 8], ['ethiopia', 5]]);
}

function planAnnulledDecisions(rng: Rng, ledger: DecisionLedger): ExclusionPlan[] {
  const plans: ExclusionPlan[] = [];
  for (let year = ANNULLED_FIRST_YEARS[0]; year <= ANNULLED_FIRST_YEARS[1]; year += 1) {
    for (let copy = 0; copy < ANNULLED_PER_YEAR; copy += 1) {
      const draw = rng.fork(`${year}-${copy}`);
      const [first, second] = increasingDates(draw, [decisionWindow(year), decisionWindow(year + 1)], 300);
      const newOutcome: DecisionOutcome = draw.chance(0.5) ? 'applied' : 'not-applied';
      ledger.take(first!, 'applied');
      ledger.take(second!, newOutcome);
      plans.push({ situation: situationInYear(draw, year), decisions: [{ date: first!, outcome: 'applied' }, { date: second!, outcome: newOutcome }] });
    }
  }
  return plans;
}

/**
 * The applied decision a dossier follows: preferably from the year before it opened, else two years before,
 * the same year, then ever earlier.
 */
function decisionBehindDossier(rng: Rng, ledger: DecisionLedger, openedOn: CalendarDate): CalendarDate {
  const year = yearOf(openedOn);
  const candidates = [year - 1, year - 2, year];
  for (let earlier = year - 3; earlier >= FIRST_DECISION_YEAR; earlier -= 1) candidates.push(earlier);
  const latest = addDays(openedOn, -DAYS_FROM_DECISION_TO_DOSSIER);
  for (const candidate of candidates) {
    if (candidate < FIRST_DECISION_YEAR || ledger.remaining(candidate, 'applied') === 0) continue;
    const [from, to] = decisionWindow(candidate);
    if (from > earlierOf(to, latest)) continue;
    const decidedOn = dateIn(rng, [from, earlierOf(to, latest)]);
    ledger.take(decidedOn, 'applied');
    return decidedOn;
  }
  throw new Error(`no applied decision left for a dossier opened on ${openedOn}`);
}

/** Every place left in the ledger becomes a case without dossier; some were suspended on the way. */
function* remainingDecisions(context: DemoContext, rng: Rng, ledger: DecisionLedger): Generator<EventInput> {
  for (let year = FIRST_DECISION_YEAR; year <= LAST_DECISION_YEAR; year += 1) {
    for (const outcome of ['applied', 'not-applied'] as const) {
      for (let index = 0; ledger.remaining(year, outcome) > 0; index += 1) {
        const draw = rng.fork(`${year}-${outcome}-${index}`);
        const decidedOn = dateIn(draw, decisionWindow(year));
        ledger.take(decidedOn, outcome);
        const plan: ExclusionPlan = { situation: situationInYear(draw, year), decisions: [{ date: decidedOn, outcome }] };
        const suspension = suspensionBefore(draw, decidedOn);
        if (suspension) plan.suspension = suspension;
        yield* caseEvents(context, draw, plan);
      }
    }
  }
}

/**
 * Decisions taken in 2024 and the first half of 2025 were often held in the second half of 2023, while the CJEU
 * ruling C-663/21 (July 2023) was studied; a few older ones waited for a ruling in a comparable case.
 */
function suspensionBefore(rng: Rng, decidedOn: CalendarDate): ExclusionPlan['suspension'] {
  if (decidedOn >= '2024-02-15' && decidedOn <= '2025-06-30' && rng.chance(0.3)) {
    const suspendedOn = dateIn(rng, ['2023-07-15', '2023-12-15']);
    return { suspendedOn, resumedOn: dateIn(rng, ['2024-01-10', addDays(decidedOn, -20)]), reason: CJEU_SUSPENSION };
  }
  if (decidedOn >= '2011-06-01' && rng.chance(0.03)) {
    const suspendedOn = addDays(decidedOn, -rng.int(200, 400));
    return { suspendedOn, resumedOn: addDays(suspendedOn, rng.int(60, 150)), reason: OTHER_SUSPENSION };
  }
  return undefined;
}

/** Investigations still suspended since 2023, and recent ones not yet decided. */
function* investigationsWithoutDecision(context: DemoContext, rng: Rng): Generator<EventInput> {
  for (let index = 0; index < STILL_SUSPENDED; index += 1) {
    const draw = rng.fork(`suspended-${index}`);
    const plan: ExclusionPlan = {
      situation: situationInYear(draw, 2023),
      decisions: [],
      suspension: { suspendedOn: dateIn(draw, ['2023-07-15', '2023-12-15']), reason: CJEU_SUSPENSION },
    };
    yield* caseEvents(context, draw, plan);
  }
  for (let index = 0; index < STILL_WITHOUT_DECISION; index += 1) {
    const draw = rng.fork(`open-${index}`);
    yield* caseEvents(context, draw, { situation: situationInYear(draw, 2026), decisions: [], openedOn: dateIn(draw, ['2025-10-01', DEMO_HORIZON]) });
  }
}
