/**
 * Report intakes (aangiften / meldingen): the reports behind some criminal cases, and reports the prosecutor
 * assessed without opening an investigation (no jurisdiction, insufficient grounds, referred elsewhere).
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { dateIn, sinceYear, yearOf } from './calendar.js';
import type { Rng } from './prng.js';
import { registerPerson, sketchPerson } from './persons.js';
import { SITUATIONS, situation } from './situations.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

const REPORTED_BY = [
  'a victim',
  'a non-governmental organisation',
  'IND Unit 1F',
  'a foreign investigation team',
  'Team Internationale Misdrijven (open sources)',
  'an anonymous reporter',
];

export interface CaseIntake {
  situation: SituationName;
  /** The person stream of the suspect named in the report. */
  suspect: StreamBuilder;
  receivedOn: CalendarDate;
  criminalCase: string;
  /** The criminal case's opening: the assessment names it, so it is recorded after it. */
  caseOpening: EventInput;
}

/** The report a criminal case started from: assessed on the day the investigation opened. */
export function intakeForCase(context: DemoContext, rng: Rng, intake: CaseIntake): EventInput[] {
  const stream = new StreamBuilder(context, rng, 'intake', context.ids.nextCase('intake', yearOf(intake.receivedOn)), intake.suspect.events[0]!.recordedAt);
  stream.add('intake.received', intake.receivedOn, {
    from: rng.pick(REPORTED_BY),
    situation: situation(intake.situation).name,
    subjects: [intake.suspect.id],
  });
  stream.add(
    'intake.assessed',
    intake.caseOpening.date,
    { outcome: 'investigation-opened', criminalCase: intake.criminalCase },
    intake.caseOpening.recordedAt!,
  );
  return stream.events;
}

const OTHER_OUTCOMES = ['no-jurisdiction', 'insufficient-grounds', 'referred', 'other'] as const;

/** Reports that led to no investigation here; a few are not assessed yet. */
export function* reportsWithoutInvestigation(context: DemoContext, rng: Rng): Generator<EventInput> {
  const situations = Object.keys(SITUATIONS) as SituationName[];
  for (let index = 0; index < 24; index += 1) {
    const draw = rng.fork(index);
    const about = draw.pick(situations);
    const receivedOn = dateIn(draw, index < 2 ? ['2026-06-01', '2026-09-15'] : sinceYear(2011));
    const streams: EventInput[] = [];
    const data: Record<string, unknown> = { from: draw.pick(REPORTED_BY), situation: situation(about).name };
    let recordedAfter = '';
    if (draw.chance(0.6)) {
      const subject = registerPerson(context, draw.fork('subject'), sketchPerson(draw, situation(about).region, { born: [1950, 1990] }), receivedOn);
      streams.push(...subject.events);
      data.subjects = [subject.id];
      recordedAfter = subject.events[0]!.recordedAt!;
    }
    const intake = new StreamBuilder(context, draw, 'intake', context.ids.nextCase('intake', yearOf(receivedOn)), recordedAfter);
    intake.add('intake.received', receivedOn, data);
    if (index >= 2) intake.add('intake.assessed', addDays(receivedOn, draw.int(20, 240)), { outcome: draw.pick(OTHER_OUTCOMES) });
    yield* streams;
    yield* intake.events;
  }
}
