/**
 * What the victims of a criminal case are told and when (R5, Sv art. 51ac and the police victim protocol): on
 * registration, after every indictment and judgment, on closing, and in between every three to four months.
 * Some victims are deliberately left behind, so the registry's R5 overview has something to show: their updates
 * stopped long ago, or they were never told of a judgment. Most of them were found again in 2026 (`catchUpOn`, a
 * review of victim support's files): told on one day of every step they had missed, each naming the step it
 * concerns, and kept informed from then on — unless a later judgment again went untold. So the registry is behind
 * at the end of 2025, as the report and the R5 overview show, while a working day in late 2026 has a few long-overdue
 * duties and some recent ones rather than a decade of backlog.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import { DEMO_HORIZON, daysAfter, earlierOf, laterOf } from './calendar.js';
import type { VictimCare } from './criminal-trajectories.js';
import type { Rng } from './prng.js';

/** A step of the case a victim should hear about. */
export interface CaseMilestone {
  date: CalendarDate;
  /** The key of the planned event, so the information can name it in `concerning`. */
  key: string;
  about: string;
  isJudgment: boolean;
}

/** An event of the criminal stream, planned before ids exist; `concerningKey` is resolved when it is added. */
export interface PlannedEvent {
  date: CalendarDate;
  type: string;
  data: Record<string, unknown>;
  key?: string;
  concerningKey?: string;
  /** The person stream whose registration must be recorded first. */
  afterRecordedAt?: string;
}

const CLOSING = 'the closing of the case';
const CHANNELS = ['letter', 'telephone', 'meeting with the Victim Support Unit', 'e-mail'];
const UPDATE_EVERY_DAYS: readonly [number, number] = [90, 120];

export interface VictimPlanInput {
  victim: string;
  care: VictimCare;
  registeredOn: CalendarDate;
  registrationRecordedAt: string;
  milestones: readonly CaseMilestone[];
  /** The date the case closed, if it did. */
  closedOn?: CalendarDate;
  /** A victim left behind who was found again on this day (2026): told then of every step missed since. */
  catchUpOn?: CalendarDate;
}

export function planVictimEvents(rng: Rng, input: VictimPlanInput): PlannedEvent[] {
  const { victim, care, registeredOn, milestones, closedOn } = input;
  const end = closedOn ?? DEMO_HORIZON;
  const lapse = lapseOf(rng, care, registeredOn, end, milestones);
  const catchUpOn = lapse !== undefined && input.catchUpOn !== undefined && input.catchUpOn > lapse ? input.catchUpOn : undefined;
  const events: PlannedEvent[] = [
    { date: registeredOn, type: 'criminal.victim-registered', data: { victim }, afterRecordedAt: input.registrationRecordedAt },
  ];
  /** The steps a victim was not told of before the catch-up, to tell of on its day. */
  const missed: { about: string; concerningKey?: string }[] = [];
  const inform = (date: CalendarDate, about: string, concerningKey?: string) => {
    if (lapse !== undefined && date > lapse && (catchUpOn === undefined || date < catchUpOn)) {
      if (catchUpOn !== undefined && (concerningKey !== undefined || about === CLOSING)) missed.push(concerningKey === undefined ? { about } : { about, concerningKey });
      return;
    }
    const data = { victim, about, channel: rng.pick(CHANNELS) };
    events.push(concerningKey === undefined ? { date, type: 'criminal.victim-informed', data } : { date, type: 'criminal.victim-informed', data, concerningKey });
  };

  const firstPhase = milestones.some((milestone) => milestone.date <= registeredOn) ? 'the state of the proceedings' : 'the start of the investigation';
  let lastInformed = daysAfter(rng, registeredOn, 0, 14);
  inform(lastInformed, `${firstPhase} and the rights of victims`);
  for (const milestone of milestones.filter((step) => step.date >= registeredOn)) {
    const toldOn = daysAfter(rng, milestone.date, 1, 14);
    lastInformed = periodicUpdates(rng, lastInformed, toldOn, inform);
    inform(toldOn, milestone.about, milestone.key);
    lastInformed = toldOn;
  }
  periodicUpdates(rng, lastInformed, end, inform);
  if (closedOn !== undefined) inform(daysAfter(rng, closedOn, 1, 14), CLOSING);
  if (catchUpOn !== undefined) {
    // on its own random source, so the draws above stay as they were without the catch-up
    const draw = rng.fork('catch-up');
    const told = missed.length > 0 ? missed : [{ about: 'the state of the proceedings, after a review of the file' }];
    for (const step of told) {
      const data = { victim, about: step.about, channel: draw.pick(CHANNELS) };
      events.push(step.concerningKey === undefined ? { date: catchUpOn, type: 'criminal.victim-informed', data } : { date: catchUpOn, type: 'criminal.victim-informed', data, concerningKey: step.concerningKey });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The last day a victim left behind is informed. The updates of an overdue victim stop more than six months
 * before the end of 2025 (or the closing); a victim never told of a judgment hears nothing from its day on,
 * since any later information would also tell of it (R5 counts it so).
 */
function lapseOf(rng: Rng, care: VictimCare, registeredOn: CalendarDate, end: CalendarDate, milestones: readonly CaseMilestone[]): CalendarDate | undefined {
  switch (care) {
    case 'kept-informed':
      return undefined;
    case 'updates-lapsed':
      return laterOf(addDays(registeredOn, 30), addDays(earlierOf(end, '2025-06-30'), -rng.int(0, 300)));
    case 'judgment-not-told': {
      const judgment = milestones.find((milestone) => milestone.isJudgment && milestone.date > registeredOn);
      return judgment === undefined ? undefined : addDays(judgment.date, -1);
    }
  }
}

/** Progress updates every three to four months between two dates; returns the date of the last one. */
function periodicUpdates(rng: Rng, from: CalendarDate, until: CalendarDate, inform: (date: CalendarDate, about: string) => void): CalendarDate {
  let last = from;
  for (;;) {
    const next = daysAfter(rng, last, UPDATE_EVERY_DAYS[0], UPDATE_EVERY_DAYS[1]);
    if (next >= until) return last;
    inform(next, 'the progress of the case');
    last = next;
  }
}
