/**
 * Builds a criminal case from its trajectory: the suspect, the case's events with the judgments between the
 * steps, its victims and what they were told, the report it started from and the legal assistance it asked.
 */
import type { Instance } from '../domain/criminal/events.js';
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { assertNever } from '../domain/machine.js';
import { DEMO_HORIZON, dateIn, earlierOf, increasingDates, yearOf } from './calendar.js';
import { CURRENT_CRIMINAL_CASES, HISTORY_CRIMINAL_CASES } from './criminal-trajectories.js';
import type { CriminalTrajectory } from './criminal-trajectories.js';
import { upcomingHearing } from './hearings.js';
import { judgeAuthorisation } from './judge-authorisations.js';
import { intakeForCase } from './intakes.js';
import { outgoingRequest } from './legal-assistance.js';
import { registerPerson, sketchPerson } from './persons.js';
import type { Rng } from './prng.js';
import { allegedActs, offencesOf, situation } from './situations.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';
import { planVictimEvents } from './victims.js';
import type { CaseMilestone, PlannedEvent } from './victims.js';

/** Steps of a case lie at least this far apart: a trial, an appeal or a cassation takes months. */
const MIN_DAYS_BETWEEN_STEPS = 75;

const DISTRICT_COURT = 'Rechtbank Den Haag';
const REFERRAL_COURT = 'Gerechtshof Arnhem-Leeuwarden';
const ECLI_COURT: Record<Instance, string> = { 'first-instance': 'RBDHA', appeal: 'GHDHA', cassation: 'HR' };
const JUDGMENT_NAME: Record<Instance, string> = {
  'first-instance': 'the judgment at first instance',
  appeal: 'the judgment on appeal',
  cassation: 'the judgment in cassation',
};
const PRISON_MONTHS = [36, 60, 84, 108, 120, 144, 180, 240];

/** Every criminal case of one replica, current and history, each with the streams that belong to it. */
/** When victims left behind were found again (src/demo/victims.ts): after the last published year, before the horizon. */
const CATCH_UP = ['2026-02-02', '2026-08-28'] as const;

export function* criminalCases(context: DemoContext, rng: Rng): Generator<EventInput> {
  for (const [group, trajectories] of [['current', CURRENT_CRIMINAL_CASES], ['history', HISTORY_CRIMINAL_CASES]] as const) {
    for (const [index, trajectory] of trajectories.entries()) {
      for (const [copy, situationName] of trajectory.situations.entries()) {
        yield* criminalCase(context, rng.fork(`${group}-${index}-${copy}`), trajectory, situationName);
      }
    }
  }
}

function criminalCase(context: DemoContext, rng: Rng, trajectory: CriminalTrajectory, situationName: SituationName): EventInput[] {
  const dates = increasingDates(rng.fork('steps'), trajectory.steps.map((step) => step.within), MIN_DAYS_BETWEEN_STEPS);
  const openedOn = dates[0]!;
  const closing = trajectory.steps.findIndex((step) => step.step === 'closed');
  const closedOn = closing >= 0 && dates[closing]! <= DEMO_HORIZON ? dates[closing] : undefined;
  const where = situation(situationName);
  const acts = allegedActs(rng.fork('acts'), situationName, yearOf(openedOn));
  const actedBefore2003 = acts.some((act) => act.from < '2003');

  const receivedOn = trajectory.fromIntake ? addDays(openedOn, -rng.int(30, 150)) : undefined;
  const suspectSketch = sketchPerson(rng.fork('suspect'), where.region, {
    born: actedBefore2003 ? [1940, 1974] : [1965, 2000],
    femaleShare: 0.08,
    secondNationality: { code: 'NLD', share: 0.3 },
  });
  const suspect = registerPerson(context, rng.fork('suspect-person'), suspectSketch, receivedOn ?? openedOn);
  const caseId = context.ids.nextCase('criminal', yearOf(openedOn));

  const { planned, milestones } = planCaseEvents(context, rng.fork('events'), trajectory, dates, {
    suspect: suspect.id,
    offences: offencesOf(acts),
    situation: where.name,
    acts,
  });

  const victimPersons: StreamBuilder[] = [];
  const lastVictimRegistration = earlierOf(addDays(openedOn, 500), addDays(closedOn ?? DEMO_HORIZON, -30));
  for (const [index, care] of (trajectory.victims ?? []).entries()) {
    const draw = rng.fork(`victim-${index}`);
    if (addDays(openedOn, 20) > lastVictimRegistration) break;
    const registeredOn = dateIn(draw, [addDays(openedOn, 20), lastVictimRegistration]);
    const sketch = sketchPerson(draw, where.region, { born: [1950, 2002], femaleShare: 0.5, secondNationality: { code: 'NLD', share: 0.25 } });
    const victim = registerPerson(context, draw.fork('person'), sketch, registeredOn);
    victimPersons.push(victim);
    planned.push(
      ...planVictimEvents(draw.fork('information'), {
        victim: victim.id,
        care,
        registeredOn,
        registrationRecordedAt: victim.events[0]!.recordedAt!,
        milestones,
        ...(closedOn === undefined ? {} : { closedOn }),
        ...(care === 'kept-informed' || trajectory.stillBehindIn2026?.includes(situationName) ? {} : { catchUpOn: dateIn(draw.fork('catch-up'), CATCH_UP) }),
      }),
    );
  }

  const criminal = new StreamBuilder(context, rng.fork('recording'), 'criminal', caseId, suspect.events[0]!.recordedAt);
  addPlanned(criminal, planned);
  const opening = criminal.events[0]!;
  const authorisation = judgeAuthorisation(rng.fork('judge-authorisation'), caseId, suspect.id, criminal.events);
  if (authorisation) criminal.events.push(authorisation);
  const hearing = upcomingHearing(rng.fork('hearing'), caseId, criminal.events);
  if (hearing) criminal.events.push(hearing);

  const related: EventInput[] = [];
  if (receivedOn !== undefined) {
    related.push(...intakeForCase(context, rng.fork('intake'), { situation: situationName, suspect, receivedOn, criminalCase: caseId, caseOpening: opening }));
  }
  const investigationEnds = earlierOf(addDays(dates[1] ?? DEMO_HORIZON, -30), DEMO_HORIZON);
  for (let request = 0; request < (trajectory.legalAssistanceRequests ?? 0); request += 1) {
    if (addDays(openedOn, 30) > investigationEnds) break;
    related.push(...outgoingRequest(context, rng.fork(`mla-${request}`), situationName, [addDays(openedOn, 30), investigationEnds]));
  }
  return [...suspect.events, ...victimPersons.flatMap((victim) => victim.events), ...criminal.events, ...related];
}

/** Adds the planned events in date order (the main line first on a tie), resolving `concerning` to event ids. */
function addPlanned(stream: StreamBuilder, planned: PlannedEvent[]): void {
  const ids = new Map<string, string>();
  const ordered = planned.map((event, order) => ({ event, order })).sort((a, b) => (a.event.date === b.event.date ? a.order - b.order : a.event.date < b.event.date ? -1 : 1));
  for (const { event } of ordered) {
    const data = { ...event.data };
    if (event.concerningKey !== undefined) {
      const concerning = ids.get(event.concerningKey);
      if (concerning === undefined) continue;
      data.concerning = concerning;
    }
    const added = stream.add(event.type, event.date, data, event.afterRecordedAt);
    if (added && event.key !== undefined) ids.set(event.key, added.id);
  }
}

interface Opening {
  suspect: string;
  offences: string[];
  situation: string;
  acts: unknown[];
}

/** The case's own events (without victims) and the milestones victims should hear about. */
function planCaseEvents(
  context: DemoContext,
  rng: Rng,
  trajectory: CriminalTrajectory,
  dates: readonly CalendarDate[],
  opening: Opening,
): { planned: PlannedEvent[]; milestones: CaseMilestone[] } {
  const planned: PlannedEvent[] = [];
  const milestones: CaseMilestone[] = [];
  let instance: Instance | undefined;
  let appealCourt = ECLI_COURT.appeal;
  let lastOutcome: 'convicted' | 'acquitted' | 'other' = 'convicted';

  const judgment = (date: CalendarDate, outcome: 'convicted' | 'acquitted' | 'other') => {
    const judged = instance!;
    const court = judged === 'appeal' ? appealCourt : ECLI_COURT[judged];
    const data: Record<string, unknown> = { instance: judged, outcome, ecli: context.run.nextEcli(rng, court, yearOf(date)) };
    if (outcome === 'convicted' && judged !== 'cassation') data.sentence = sentence(rng, opening.offences);
    const key = `judgment-${planned.length}`;
    planned.push({ date, type: 'criminal.judgment', data, key });
    milestones.push({ date, key, about: JUDGMENT_NAME[judged], isJudgment: true });
    lastOutcome = outcome;
  };
  /** The outcome of a judgment that ends an instance; in cassation the Hoge Raad lets the appeal judgment stand. */
  const judgedOutcome = (): 'convicted' | 'acquitted' => {
    if (instance === 'cassation') return lastOutcome === 'acquitted' ? 'acquitted' : 'convicted';
    if (instance === 'first-instance' && trajectory.acquittedAtFirstInstance) return 'acquitted';
    return rng.chance(instance === 'first-instance' ? 0.85 : 0.9) ? 'convicted' : 'acquitted';
  };
  const lodgedBy = () => (lastOutcome === 'acquitted' ? 'prosecution' : rng.weighted([['defence', 5], ['both', 3], ['prosecution', 2]] as const));

  for (const [index, step] of trajectory.steps.entries()) {
    const date = dates[index]!;
    switch (step.step) {
      case 'opened': {
        planned.push({ date, type: 'criminal.opened', data: { ...opening } });
        const arrestBy = addDays(dates[index + 1] ?? DEMO_HORIZON, -20);
        const goesToCourt = trajectory.steps.some((later) => later.step === 'indicted');
        if (addDays(date, 1) <= arrestBy && (goesToCourt || rng.chance(0.4))) {
          planned.push({ date: dateIn(rng, [addDays(date, 1), earlierOf(arrestBy, addDays(date, 400))]), type: 'criminal.suspect-arrested', data: {} });
        }
        break;
      }
      case 'indicted':
        planned.push({ date, type: 'criminal.indicted', data: { court: DISTRICT_COURT }, key: 'indicted' });
        milestones.push({ date, key: 'indicted', about: 'the indictment and the first hearing', isJudgment: false });
        instance = 'first-instance';
        break;
      case 'appeal-lodged':
      case 'cassation-lodged':
        judgment(addDays(date, -rng.int(1, 14)), judgedOutcome());
        planned.push({ date, type: `criminal.${step.step}`, data: { by: lodgedBy() } });
        instance = step.step === 'appeal-lodged' ? 'appeal' : 'cassation';
        break;
      case 'referred-back':
        judgment(addDays(date, -rng.int(1, 14)), 'other');
        planned.push({ date, type: 'criminal.referred-back', data: { court: REFERRAL_COURT } });
        appealCourt = 'GHARL';
        instance = 'appeal';
        break;
      case 'closed':
        if (step.reason === 'final-judgment') {
          const daysBefore = instance === 'cassation' ? rng.int(1, 7) : rng.int(15, 45);
          judgment(addDays(date, -daysBefore), judgedOutcome());
        }
        planned.push({ date, type: 'criminal.closed', data: { reason: step.reason } });
        break;
      default:
        assertNever(step);
    }
  }
  return { planned, milestones };
}

function sentence(rng: Rng, offences: readonly string[]): Record<string, unknown> {
  if (offences.includes('genocide') && rng.chance(0.2)) return { life: true };
  return { prisonMonths: rng.pick(PRISON_MONTHS) };
}
