/**
 * Extradition cases of one demo replica, as trajectories. The two current cases reach the civil cassation in
 * 2024 and are refused in 2025: at the end of 2024 two cases in civil cassation and nothing else, in 2025 none
 * open and two refused, none extradited (docs/domain.md §6). The history cases all concluded before 2024; one more
 * request arrives in 2026.
 */
import type { ExtraditionProceeding } from '../domain/extradition/events.js';
import type { EventInput } from '../domain/event.js';
import { increasingDates, inYear, inYears, yearOf } from './calendar.js';
import type { Window } from './calendar.js';
import { registerPerson, sketchPerson } from './persons.js';
import type { Rng } from './prng.js';
import { situation } from './situations.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

type Outcome = 'extradited' | 'refused' | 'withdrawn';

interface ExtraditionTrajectory {
  story: string;
  situation: SituationName;
  requestingState: string;
  requested: Window;
  phases: readonly (readonly [ExtraditionProceeding, Window])[];
  concluded?: readonly [Outcome, Window];
}

const EXTRADITIONS: readonly ExtraditionTrajectory[] = [
  {
    story: 'civil cassation at the end of 2024, refused in 2025',
    situation: 'rwanda',
    requestingState: 'RWA',
    requested: inYears(2018, 2019),
    phases: [
      ['court-first', inYears(2018, 2019)],
      ['court-cassation', inYear(2020)],
      ['minister', inYear(2021)],
      ['civil-first', inYears(2021, 2022)],
      ['civil-appeal', inYears(2022, 2023)],
      ['civil-cassation', ['2024-01-01', '2024-10-31']],
    ],
    concluded: ['refused', ['2025-02-01', '2025-11-30']],
  },
  {
    story: 'civil cassation at the end of 2024, refused in 2025',
    situation: 'ethiopia',
    requestingState: 'ETH',
    requested: inYears(2018, 2019),
    phases: [
      ['court-first', inYears(2018, 2019)],
      ['court-cassation', inYear(2020)],
      ['minister', inYear(2021)],
      ['civil-first', inYears(2021, 2022)],
      ['civil-appeal', inYears(2022, 2023)],
      ['civil-cassation', ['2024-01-01', '2024-10-31']],
    ],
    concluded: ['refused', ['2025-02-01', '2025-11-30']],
  },
  {
    story: 'extradited after the civil proceedings',
    situation: 'rwanda',
    requestingState: 'RWA',
    requested: inYear(2011),
    phases: [
      ['court-first', inYear(2011)],
      ['court-cassation', inYear(2012)],
      ['minister', inYear(2013)],
      ['civil-first', inYear(2013)],
      ['civil-appeal', inYears(2014, 2015)],
    ],
    concluded: ['extradited', inYear(2016)],
  },
  {
    story: 'the extradition court found the request inadmissible',
    situation: 'iraq',
    requestingState: 'IRQ',
    requested: inYear(2012),
    phases: [['court-first', inYear(2012)]],
    concluded: ['refused', inYear(2013)],
  },
  {
    story: 'extradited without civil proceedings',
    situation: 'rwanda',
    requestingState: 'RWA',
    requested: inYear(2015),
    phases: [
      ['court-first', inYear(2015)],
      ['court-cassation', inYear(2016)],
      ['minister', inYear(2017)],
    ],
    concluded: ['extradited', inYear(2017)],
  },
  {
    story: 'the minister refused',
    situation: 'sri-lanka',
    requestingState: 'LKA',
    requested: inYear(2019),
    phases: [
      ['court-first', inYear(2019)],
      ['minister', inYear(2020)],
    ],
    concluded: ['refused', inYear(2020)],
  },
  {
    story: 'withdrawn by the requesting state',
    situation: 'rwanda',
    requestingState: 'RWA',
    requested: inYear(2021),
    phases: [['court-first', inYear(2021)]],
    concluded: ['withdrawn', inYear(2022)],
  },
  {
    story: 'refused in 2023',
    situation: 'ukraine',
    requestingState: 'UKR',
    requested: ['2022-09-01', '2022-12-31'],
    phases: [['court-first', inYear(2023)]],
    concluded: ['refused', inYear(2023)],
  },
  {
    story: 'requested in 2026, before the extradition court',
    situation: 'rwanda',
    requestingState: 'RWA',
    requested: ['2026-01-05', '2026-04-30'],
    phases: [['court-first', ['2026-03-01', '2026-09-15']]],
  },
];

const MIN_DAYS_BETWEEN_STEPS = 40;

export function* extraditionCases(context: DemoContext, rng: Rng): Generator<EventInput> {
  for (const [index, trajectory] of EXTRADITIONS.entries()) {
    yield* extraditionCase(context, rng.fork(index), trajectory);
  }
}

function extraditionCase(context: DemoContext, rng: Rng, trajectory: ExtraditionTrajectory): EventInput[] {
  const windows = [trajectory.requested, ...trajectory.phases.map(([, within]) => within)];
  if (trajectory.concluded) windows.push(trajectory.concluded[1]);
  const [requestedOn, ...later] = increasingDates(rng.fork('steps'), windows, MIN_DAYS_BETWEEN_STEPS);
  const region = situation(trajectory.situation).region;
  const sketch = sketchPerson(rng.fork('person'), region, { born: [1945, 1980], femaleShare: 0.1 });
  const person = registerPerson(context, rng.fork('person-stream'), sketch, requestedOn!);

  const extradition = new StreamBuilder(
    context,
    rng.fork('recording'),
    'extradition',
    context.ids.nextCase('extradition', yearOf(requestedOn!)),
    person.events[0]!.recordedAt,
  );
  extradition.add('extradition.requested', requestedOn!, { person: person.id, requestingState: trajectory.requestingState });
  for (const [index, [phase]] of trajectory.phases.entries()) {
    extradition.add('extradition.phase-entered', later[index]!, { phase });
  }
  if (trajectory.concluded) extradition.add('extradition.concluded', later.at(-1)!, { outcome: trajectory.concluded[0] });
  return [...person.events, ...extradition.events];
}
