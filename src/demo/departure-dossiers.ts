/**
 * Plans and builds the departure dossiers (DT&V 1F dossiers) of one replica from their trajectories: the
 * opening with a first Article 3 assessment, later reassessments, and the departure or closing.
 *
 * Most dossiers still open with a barrier in 2026 were reassessed once more that year and the barrier confirmed
 * (`confirmedIn2026`): the IND and DT&V look at such a dossier again from time to time, and every Syrian one after the
 * fall of the Assad regime (R7). A confirmation changes no phase and no report figure (the barrier stays), lies
 * after the last published year, and has an id series of its own (`a3-<dossier>`) and its own random source, so
 * every other event id and random draw stays as it was. The Syrian dossiers left without one are the R7
 * reassessments the inbox shows as overdue.
 */
import type { DepartureMode } from '../domain/departure/events.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { addDays, addYears } from '../domain/dates.js';
import { DEMO_HORIZON, RECORDING_DEADLINE, dateIn, daysAfter, earlierOf, increasingDates, laterOf, yearOf } from './calendar.js';
import { DOSSIERS } from './departure-trajectories.js';
import type { DossierTrajectory } from './departure-trajectories.js';
import type { ExclusionCase } from './exclusions.js';
import type { Rng } from './prng.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

/** Steps of a dossier lie at least this far apart. */
const MIN_DAYS_BETWEEN_STEPS = 30;
const LAST_MOVES: readonly [CalendarDate, CalendarDate] = ['2026-01-10', '2026-09-30'];

const CLOSING_REASONS = [
  'lawful residence on other grounds',
  'deceased',
  'transferred to another member state under the Dublin Regulation',
  'holds the nationality of an EU member state',
];

export interface PlannedDossier {
  story: string;
  situation: SituationName;
  openedOn: CalendarDate;
  barrierAtOpening: boolean;
  barrierChanges: { present: boolean; on: CalendarDate }[];
  end?: { on: CalendarDate; departed: DepartureMode } | { on: CalendarDate; closed: string };
  /** A reassessment in 2026 that confirms the barrier (see the module's comment). */
  confirmedOn?: CalendarDate;
}

/** Confirmations fall in this window: after the last published year, up to the demo horizon. */
const CONFIRMATIONS: readonly [CalendarDate, CalendarDate] = ['2026-01-12', DEMO_HORIZON];
/** The share of dossiers open with a barrier in 2026 that were reassessed that year, unless the trajectory says. */
const CONFIRMED_SHARE = 0.8;

/** Every dossier of the replica with its dates drawn, in the order of the trajectory table. */
export function planDossiers(rng: Rng): PlannedDossier[] {
  return DOSSIERS.flatMap((trajectory, index) =>
    Array.from({ length: trajectory.count }, (_, copy) => planDossier(rng.fork(`${index}-${copy}`), trajectory, copy)),
  );
}

function planDossier(rng: Rng, trajectory: DossierTrajectory, copy: number): PlannedDossier {
  const changes = trajectory.barrierChanges ?? [];
  const windows = [trajectory.opened, ...changes.map(([, within]) => within)];
  if (trajectory.end) windows.push(trajectory.end.within);
  const [openedOn, ...later] = increasingDates(rng, windows, MIN_DAYS_BETWEEN_STEPS);
  const dossier: PlannedDossier = {
    story: trajectory.story,
    situation: rng.weighted(trajectory.situations),
    openedOn: openedOn!,
    barrierAtOpening: trajectory.barrierAtOpening,
    barrierChanges: changes.map(([present], index) => ({ present, on: later[index]! })),
  };
  const end = trajectory.end;
  if (end) {
    const on = endAfterStay(rng, trajectory, later.at(-2) ?? openedOn!, later.at(-1)!);
    dossier.end = 'departed' in end ? { on, departed: end.departed[copy]! } : { on, closed: rng.pick(CLOSING_REASONS) };
  } else {
    planMovesIn2026(rng, trajectory, dossier);
    planConfirmation(rng.fork('confirmation'), trajectory, dossier);
  }
  return dossier;
}

/**
 * Most dossiers run a few years: with `endsAfterYears` the end is drawn that long after the step before it,
 * rather than anywhere in its window (which would pile the ends up at the window's close).
 */
function endAfterStay(rng: Rng, trajectory: DossierTrajectory, previous: CalendarDate, drawn: CalendarDate): CalendarDate {
  if (!trajectory.endsAfterYears || !trajectory.end) return drawn;
  const [min, max] = trajectory.endsAfterYears;
  const earliest = laterOf(trajectory.end.within[0], addYears(previous, min));
  const latest = earlierOf(trajectory.end.within[1], addYears(previous, max));
  return earliest <= latest ? dateIn(rng, [earliest, latest]) : drawn;
}

/** What happens in 2026 to a dossier still open at the end of 2025: its barrier lifted, or the alien departs. */
function planMovesIn2026(rng: Rng, trajectory: DossierTrajectory, dossier: PlannedDossier): void {
  const lastStep = dossier.barrierChanges.at(-1)?.on ?? dossier.openedOn;
  const from = laterOf(LAST_MOVES[0], daysAfter(rng, lastStep, MIN_DAYS_BETWEEN_STEPS, 60));
  if (from > LAST_MOVES[1]) return;
  const share = trajectory.in2026;
  if (share?.barrierLifted !== undefined && rng.chance(share.barrierLifted)) {
    dossier.barrierChanges.push({ present: false, on: dateIn(rng, [from, LAST_MOVES[1]]) });
  } else if (share?.departs !== undefined && rng.chance(share.departs)) {
    const mode = rng.weighted<DepartureMode>([['voluntary-supervised', 4], ['voluntary-unsupervised', 5], ['forced', 1]]);
    dossier.end = { on: dateIn(rng, [from, LAST_MOVES[1]]), departed: mode };
  }
}

/** A reassessment in 2026 that confirms the barrier of a dossier still open with one, after its last step. */
function planConfirmation(rng: Rng, trajectory: DossierTrajectory, dossier: PlannedDossier): void {
  const barrier = dossier.barrierChanges.at(-1)?.present ?? dossier.barrierAtOpening;
  if (!barrier || dossier.end || !rng.chance(trajectory.in2026?.confirmed ?? CONFIRMED_SHARE)) return;
  const from = laterOf(CONFIRMATIONS[0], addDays(dossier.barrierChanges.at(-1)?.on ?? dossier.openedOn, MIN_DAYS_BETWEEN_STEPS));
  if (from <= CONFIRMATIONS[1]) dossier.confirmedOn = dateIn(rng, [from, CONFIRMATIONS[1]]);
}

/** The dossier's stream, for the person and the applied exclusion decision of `exclusion`. */
export function buildDossier(context: DemoContext, rng: Rng, dossier: PlannedDossier, exclusion: ExclusionCase): EventInput[] {
  const decision = exclusion.exclusion.events.find((event) => event.type === 'exclusion.decided');
  const departure = new StreamBuilder(context, rng, 'departure', context.ids.nextCase('departure', yearOf(dossier.openedOn)), decision?.recordedAt);
  departure.add('departure.opened', dossier.openedOn, { person: exclusion.person.id, exclusionCase: exclusion.exclusion.id });
  departure.add('departure.article3-barrier', dossier.openedOn, { present: dossier.barrierAtOpening });
  for (const change of dossier.barrierChanges) departure.add('departure.article3-barrier', change.on, { present: change.present });
  const end = dossier.end;
  if (end && 'departed' in end) departure.add('departure.departed', end.on, { mode: end.departed });
  else if (end) departure.add('departure.closed', end.on, { reason: end.closed });
  if (dossier.confirmedOn) departure.events.push(confirmation(rng.fork('confirmation'), departure, dossier.confirmedOn));
  return departure.events;
}

/** The confirming reassessment as an event of its own id series, recorded a few working days after its date. */
function confirmation(rng: Rng, departure: StreamBuilder, on: CalendarDate): EventInput {
  const latest = departure.events.reduce((max, event) => (event.recordedAt! > max ? event.recordedAt! : max), '');
  let recordedAt = `${addDays(on, rng.int(0, 5))}T${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
  if (recordedAt <= latest) recordedAt = `${new Date(Date.parse(latest) + 10 * 60_000).toISOString().slice(0, 19)}Z`;
  if (recordedAt > RECORDING_DEADLINE) recordedAt = RECORDING_DEADLINE;
  return { id: `a3-${departure.id}`, stream: departure.stream, type: 'departure.article3-barrier', date: on, recordedAt, data: { present: true } };
}
