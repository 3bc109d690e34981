/**
 * Builds an Article 1F exclusion case (IND Unit 1F) from its plan: the person, the investigation (sometimes
 * suspended), the decision or decisions — every one but the last annulled on appeal — and for an applied
 * decision the appeals to the district court and the Council of State, until the decision is final.
 */
import { addDays } from '../domain/dates.js';
import type { ExclusionGround } from '../domain/exclusion/events.js';
import type { CalendarDate } from '../domain/dates.js';
import { DEMO_FIRST_DATE, dateIn, daysAfter, daysBetween, yearOf } from './calendar.js';
import type { DecisionOutcome } from './exclusion-decisions.js';
import { registerPerson, sketchPerson } from './persons.js';
import type { Rng } from './prng.js';
import { allegedActs, situation } from './situations.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

export interface PlannedDecision {
  date: CalendarDate;
  outcome: DecisionOutcome;
}

export interface ExclusionPlan {
  situation: SituationName;
  /** The decisions in date order, at least 300 days apart; every one but the last is annulled on appeal. */
  decisions: readonly PlannedDecision[];
  /** Whether the last decision found an Article 3 barrier; drawn from the situation when not given. */
  article3Barrier?: boolean;
  /** Appeals against the last decision are left out unless ruled on before this date. */
  appealsRuledBefore?: CalendarDate;
  /** Held before the first decision; without `resumedOn` it is still suspended (and has no decision). */
  suspension?: { suspendedOn: CalendarDate; resumedOn?: CalendarDate; reason: string };
  /** An investigation still without decision: opened on this date. */
  openedOn?: CalendarDate;
}

export interface ExclusionCase {
  person: StreamBuilder;
  exclusion: StreamBuilder;
}

const TRIGGERS = [
  'asylum application',
  'subsequent asylum application',
  'statements in the asylum interview',
  'information from a foreign authority',
  'application for a residence permit on other grounds',
];

/** Art. 1F (a) war crimes and crimes against humanity, (b) serious non-political crimes, (c) acts against the UN. */
const GROUNDS: readonly (readonly [ExclusionGround | readonly ExclusionGround[], number])[] = [
  ['a', 50],
  [['a', 'b'], 20],
  ['b', 20],
  ['c', 5],
  [['a', 'c'], 5],
];

/** How likely a decision finds an Article 3 barrier for a person of this situation on this date. */
function article3Likelihood(situationName: SituationName, date: CalendarDate): number {
  switch (situationName) {
    case 'syria':
      // R7: after the fall of the Assad regime (2024-12-08) return to Syria is assessed anew.
      return date < '2024-12-08' ? 0.85 : 0.15;
    case 'afghanistan':
      return date >= '2021-08-15' ? 0.75 : 0.25;
    case 'eritrea':
      return 0.7;
    case 'iran':
      return 0.6;
    case 'iraq':
      return 0.15;
    default:
      return 0.05;
  }
}

export function buildExclusionCase(context: DemoContext, rng: Rng, plan: ExclusionPlan): ExclusionCase {
  const first = plan.decisions[0]?.date;
  const openedOn = plan.openedOn ?? openingDate(rng, plan.suspension?.suspendedOn ?? first!);
  const acts = allegedActs(rng.fork('acts'), plan.situation, yearOf(plan.decisions[0]?.date ?? openedOn));
  const actedBefore2003 = acts.some((act) => act.from < '2003');
  const sketch = sketchPerson(rng.fork('person'), situation(plan.situation).region, {
    born: actedBefore2003 ? [1940, 1976] : [1960, 2002],
    femaleShare: 0.07,
  });
  const person = registerPerson(context, rng.fork('person-stream'), sketch, openedOn);
  const exclusion = new StreamBuilder(context, rng.fork('recording'), 'exclusion', context.ids.nextCase('exclusion', yearOf(openedOn)), person.events[0]!.recordedAt);
  exclusion.add('exclusion.opened', openedOn, { person: person.id, trigger: rng.pick(TRIGGERS) });

  if (plan.suspension) {
    exclusion.add('exclusion.suspended', plan.suspension.suspendedOn, { reason: plan.suspension.reason });
    if (plan.suspension.resumedOn === undefined) return { person, exclusion };
    exclusion.add('exclusion.resumed', plan.suspension.resumedOn, {});
  }

  for (const [index, decision] of plan.decisions.entries()) {
    const next = plan.decisions[index + 1];
    const isLast = next === undefined;
    const data: Record<string, unknown> = { outcome: decision.outcome };
    if (decision.outcome === 'applied') {
      data.grounds = rng.weighted(GROUNDS);
      data.article3Barrier = isLast && plan.article3Barrier !== undefined ? plan.article3Barrier : rng.chance(article3Likelihood(plan.situation, decision.date));
      data.acts = acts;
    }
    exclusion.add('exclusion.decided', decision.date, data);
    if (!isLast) {
      annulOnAppeal(context, rng, exclusion, decision.date, next.date);
    } else if (decision.outcome === 'applied') {
      appealUntilFinal(context, rng, exclusion, decision.date, plan.appealsRuledBefore);
    } else {
      exclusion.add('exclusion.closed', daysAfter(rng, decision.date, 5, 40), { reason: 'not excluded: the asylum application is decided on its merits' });
    }
  }
  return { person, exclusion };
}

/** Some months before the first step; for the cases of the registry's first months, spread over those months. */
function openingDate(rng: Rng, firstStep: CalendarDate): CalendarDate {
  const drawn = addDays(firstStep, -rng.int(60, 540));
  return drawn >= DEMO_FIRST_DATE ? drawn : dateIn(rng, [DEMO_FIRST_DATE, addDays(firstStep, -30)]);
}

/** The district court annuls the decision well before the new one. */
function annulOnAppeal(context: DemoContext, rng: Rng, exclusion: StreamBuilder, decidedOn: CalendarDate, nextDecisionOn: CalendarDate): void {
  const lodged = daysAfter(rng, decidedOn, 14, 42);
  const ruled = addDays(lodged, rng.int(60, Math.max(60, daysBetween(lodged, nextDecisionOn) - 40)));
  exclusion.add('exclusion.appeal-lodged', lodged, { forum: 'district-court' });
  exclusion.add('exclusion.appeal-decided', ruled, {
    forum: 'district-court',
    outcome: 'annulled',
    ecli: context.run.nextEcli(rng, 'RBDHA', yearOf(ruled)),
  });
}

/** Appeals against an applied decision, all upheld, then closing once the decision is final. */
function appealUntilFinal(context: DemoContext, rng: Rng, exclusion: StreamBuilder, decidedOn: CalendarDate, ruledBefore?: CalendarDate): void {
  const fits = (date: CalendarDate) => ruledBefore === undefined || date < ruledBefore;
  let finalOn = daysAfter(rng, decidedOn, 30, 60);
  if (rng.chance(0.7)) {
    const lodged = daysAfter(rng, decidedOn, 14, 42);
    const ruled = daysAfter(rng, lodged, 120, 420);
    const higherLodged = daysAfter(rng, ruled, 14, 28);
    const higherRuled = daysAfter(rng, higherLodged, 90, 300);
    if (fits(ruled)) {
      exclusion.add('exclusion.appeal-lodged', lodged, { forum: 'district-court' });
      exclusion.add('exclusion.appeal-decided', ruled, { forum: 'district-court', outcome: 'upheld', ecli: context.run.nextEcli(rng, 'RBDHA', yearOf(ruled)) });
      finalOn = daysAfter(rng, ruled, 30, 60);
      if (rng.chance(0.45) && fits(higherRuled)) {
        exclusion.add('exclusion.appeal-lodged', higherLodged, { forum: 'council-of-state' });
        exclusion.add('exclusion.appeal-decided', higherRuled, { forum: 'council-of-state', outcome: 'upheld', ecli: context.run.nextEcli(rng, 'RVS', yearOf(higherRuled)) });
        finalOn = daysAfter(rng, higherRuled, 5, 30);
      }
    }
  }
  exclusion.add('exclusion.closed', finalOn, { reason: 'the decision is final' });
}
