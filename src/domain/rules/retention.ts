/**
 * Retention (docs/retention.md): for a stream or a person on a date, whether its data must still be kept, is due
 * for removal, or is due but held — and why, under which rule of the retention table (config/rules.json). Pure: the
 * states are replayed elsewhere (src/domain/replay.ts), on the date looked at, and handed in.
 *
 * A term starts with an event read from the stream's state (the closing of a criminal case, a final 1F decision, a
 * departure, …) and runs the rule's years. Data past its term is held by: an open case about the same person
 * elsewhere in the chain, a pending appeal there, a legal hold on the person or the stream, or — for the IND, the
 * DT&V and the identity record — an entry ban that has not expired.
 */
import type { StreamKind } from '../event.js';
import { addYears } from '../dates.js';
import type { CriminalState } from '../criminal/state.js';
import type { DepartureState } from '../departure/state.js';
import type { ExclusionState } from '../exclusion/state.js';
import type { ExtraditionState } from '../extradition/state.js';
import type { IntakeState } from '../intake/state.js';
import type { MlaState } from '../mla/state.js';
import type { PersonState } from '../person/state.js';
import type { StateByKind } from '../machines.js';
import { exclusionConsequences } from './exclusion-consequences.js';
import type { RetentionPartner, RetentionRule, RetentionStart } from './retention-config.js';
import type { Bilingual, RuleConfig } from './rule-config.js';

/** One stream as replayed on the date looked at. */
export type RetentionStream = { [Kind in StreamKind]: { stream: string; kind: Kind; state: StateByKind[Kind] } }[StreamKind];

/** A legal hold on a person (all data about them) or on one stream, from `placedOn` until `liftedOn` (exclusive). */
export interface LegalHold {
  eventId: string;
  person: string;
  /** null: the hold covers every stream about the person. */
  stream: string | null;
  placedOn: string;
  liftedOn: string | null;
  reason: string;
}

export interface RetentionContext {
  /** The date looked at, YYYY-MM-DD. */
  date: string;
  /** Every stream about the persons concerned (the assessed one may be among them), replayed on `date`. */
  streams: readonly RetentionStream[];
  holds: readonly LegalHold[];
}

export type HoldKind = 'open-case' | 'pending-appeal' | 'legal-hold' | 'entry-ban';

export interface Hold {
  kind: HoldKind;
  /** The stream that holds (the open case, the 1F file of the entry ban), or the legal hold's event. */
  source: string;
  /** The day the hold ends if nothing changes; null while it has no end. */
  until: string | null;
  reason: Bilingual;
}

export type RetentionStatus = 'keep' | 'due' | 'held';

export interface RetentionAssessment {
  stream: string;
  kind: StreamKind;
  partner: RetentionPartner;
  rule: RetentionRule;
  status: RetentionStatus;
  /** The day of the event that started the term; null while it has not happened. */
  startedOn: string | null;
  /** The first day the data is due for removal; null while the term has not started. */
  dueOn: string | null;
  reason: Bilingual;
  /** What holds data that is due; empty unless `status` is 'held'. */
  holds: Hold[];
}

const START_LABELS: Record<RetentionStart, Bilingual> = {
  'case-closed': { nl: 'de sluiting van de strafzaak', en: 'the closing of the criminal case' },
  'intake-received': { nl: 'de ontvangst van de aangifte of melding', en: 'the receipt of the report' },
  'intake-assessed': { nl: 'de beoordeling van de aangifte of melding', en: 'the assessment of the report' },
  'mla-closed': { nl: 'de afsluiting van het rechtshulpverzoek', en: 'the closing of the legal-assistance request' },
  'extradition-concluded': { nl: 'de afloop van de uitleveringszaak', en: 'the conclusion of the extradition case' },
  'exclusion-final': { nl: 'de onherroepelijke 1F-beslissing', en: 'the final 1F decision' },
  'departure-ended': { nl: 'het vertrek of de sluiting van het vertrekdossier', en: 'the departure or the closing of the departure dossier' },
  'last-case-ended': { nl: 'het einde van de bewaring van de laatste zaak over de persoon', en: 'the end of keeping the last case about the person' },
  'task-subject-ended': { nl: 'het einde van de bewaring van de zaak of persoon waar de taak over gaat', en: 'the end of keeping the case or person the task is about' },
  'task-done': { nl: 'het afronden van de taak', en: 'the task marked done' },
};

/** The partner whose inbox a task belongs to, by the organisation of its stream (config/policy.json). */
const TASK_PARTNERS: Record<string, RetentionPartner> = { TIM: 'tim', OM: 'om', IND: 'ind', DTV: 'dtv' };

/**
 * What a task's subject says for its term (`task-subject-ended`): `named` false when its key names no stream;
 * else the assessments of the streams it names that the registry still holds, and whether one of them is gone
 * (erased, or never recorded).
 */
export interface TaskSubjects {
  named: boolean;
  assessments: readonly RetentionAssessment[];
  gone: boolean;
}

/**
 * Assesses a task of the inbox (a `task` stream: who took it, that it was done). It serves the work about a case or
 * person and goes with it: its term starts when none of the streams its key names is kept any longer — the latest
 * of their due dates, or the task's last date when they are all gone. A task naming no stream is kept for the
 * rule's years after it was marked done. Of what it names, the task's own partner's terms count (a police task goes
 * with the police's term of the case, not the prosecutor's thirty years). A legal hold on the task's stream holds it.
 */
export function assessTask(task: RetentionStream & { kind: 'task' }, subjects: TaskSubjects, context: RetentionContext, config: RuleConfig): RetentionAssessment[] {
  const partner = TASK_PARTNERS[task.state.organisation ?? ''];
  const startsAt: RetentionStart = subjects.named ? 'task-subject-ended' : 'task-done';
  // a task follows its own partner's term of what it names (the police's task, the police's five years), else every term
  const own = subjects.assessments.filter((item) => item.partner === partner || item.partner === 'chain');
  const relevant = own.length > 0 ? own : subjects.assessments;
  return retentionRulesFor(config, 'task', partner).filter((rule) => partner !== undefined && rule.startsAt === startsAt).map((rule) => {
    let startedOn: string | null;
    if (!subjects.named) startedOn = task.state.phase === 'done' ? task.state.done?.on ?? null : null;
    else if (relevant.some((item) => item.status !== 'due')) startedOn = null;
    else {
      const dates = relevant.map((item) => item.dueOn!);
      if (subjects.gone) dates.push(lastTaskDate(task));
      startedOn = dates.sort().at(-1) ?? null;
    }
    return assess(task, rule, startedOn, false, context, config);
  });
}

function lastTaskDate(task: RetentionStream & { kind: 'task' }): string {
  return [task.state.assignee?.on, task.state.done?.on].filter((date): date is string => date !== undefined).sort().at(-1) ?? '0000-01-01';
}

/** The rules of the retention table for a kind of stream, optionally of one partner. */
export function retentionRulesFor(config: RuleConfig, kind: StreamKind, partner?: RetentionPartner): RetentionRule[] {
  return (config.retention?.rules ?? []).filter((rule) => rule.streamKind === kind && (partner === undefined || rule.partner === partner));
}

/** The persons a stream is about: the suspect, the person of a 1F file, dossier or extradition, a report's subjects. */
export function personsOf(stream: RetentionStream): string[] {
  switch (stream.kind) {
    case 'person':
      return [idOf(stream.stream)];
    case 'criminal':
      return stream.state.suspect ? [stream.state.suspect] : [];
    case 'exclusion':
    case 'departure':
    case 'extradition':
      return stream.state.person ? [stream.state.person] : [];
    case 'intake':
      return stream.state.subjects;
    case 'mla': // its subject is free text, not a person stream
    case 'evidence': // an evidence item is about its cases; their persons are found through them
    case 'witness': // a witness is heard in a case and kept as long as it (no retention rule of its own yet)
    case 'task': // an organisation's note on waiting work: it follows the streams its key names (assessTask), not a person
      return [];
  }
}

/**
 * The day the term of a rule starts for a stream in its state, or null with the reason it has not started.
 * Exported for the tests and the documentation of each starting event.
 */
export function termStart(stream: RetentionStream, startsAt: RetentionStart): { on: string | null; pendingAppeal: boolean } {
  const none = { on: null, pendingAppeal: false };
  switch (startsAt) {
    case 'case-closed':
      return stream.kind === 'criminal' ? { on: (stream.state as CriminalState).closedOn, pendingAppeal: false } : none;
    case 'intake-received':
      return stream.kind === 'intake' ? { on: (stream.state as IntakeState).receivedOn, pendingAppeal: false } : none;
    case 'intake-assessed':
      return stream.kind === 'intake' ? { on: (stream.state as IntakeState).assessedOn, pendingAppeal: false } : none;
    case 'mla-closed':
      return stream.kind === 'mla' ? { on: (stream.state as MlaState).closedOn, pendingAppeal: false } : none;
    case 'extradition-concluded':
      return stream.kind === 'extradition' ? { on: (stream.state as ExtraditionState).concludedOn, pendingAppeal: false } : none;
    case 'exclusion-final':
      return stream.kind === 'exclusion' ? exclusionFinalOn(stream.state) : none;
    case 'departure-ended':
      return stream.kind === 'departure' ? { on: (stream.state as DepartureState).endedOn, pendingAppeal: false } : none;
    case 'last-case-ended':
    case 'task-subject-ended': // from the streams the task names (assessTask)
      return none;
    case 'task-done':
      return stream.kind === 'task' && stream.state.phase === 'done' ? { on: stream.state.done?.on ?? null, pendingAppeal: false } : none;
  }
}

/**
 * A 1F decision is final once it stands with no appeal pending: from the last ruling upholding it, else from the
 * decision itself; a closed case from its closing. (The four weeks to lodge an appeal are not waited for: a late
 * appeal reopens the case and so stops the term again.)
 */
function exclusionFinalOn(state: ExclusionState): { on: string | null; pendingAppeal: boolean } {
  if (state.phase === 'closed') return { on: state.closedOn, pendingAppeal: false };
  if (state.phase === 'appeal') return { on: null, pendingAppeal: true };
  if (state.phase === 'decided' && state.decision && !state.decisionAnnulled) {
    return { on: state.lastRuling?.date ?? state.decision.date, pendingAppeal: false };
  }
  return { on: null, pendingAppeal: false };
}

/** Whether a case is still open on the date of its state: not closed, concluded, assessed, departed or final. */
function isOpen(stream: RetentionStream): boolean {
  switch (stream.kind) {
    case 'person':
    case 'evidence':
    case 'witness':
    case 'task':
      return false;
    case 'criminal':
      return stream.state.phase !== 'closed';
    case 'exclusion':
      return exclusionFinalOn(stream.state).on === null;
    case 'departure':
      return stream.state.phase === 'open';
    case 'intake':
      return stream.state.phase === 'received';
    case 'mla':
      return stream.state.phase !== 'closed';
    case 'extradition':
      return stream.state.phase !== 'concluded';
  }
}

function inAppeal(stream: RetentionStream): boolean {
  return (stream.kind === 'criminal' && (stream.state.phase === 'appeal' || stream.state.phase === 'cassation'))
    || (stream.kind === 'exclusion' && stream.state.phase === 'appeal');
}

/** Assesses one case stream under every rule of the table for its kind (one assessment per partner's rule). */
export function assessStream(stream: RetentionStream, context: RetentionContext, config: RuleConfig, partner?: RetentionPartner): RetentionAssessment[] {
  return retentionRulesFor(config, stream.kind, partner).map((rule) => {
    const start = termStart(stream, rule.startsAt);
    return assess(stream, rule, start.on, start.pendingAppeal, context, config);
  });
}

/**
 * Assesses a person's identity record: its term starts when the last case about the person is no longer kept
 * (every one due, none held) — the latest of their due dates — or, with no case at all, at registration.
 */
export function assessPerson(person: RetentionStream & { kind: 'person' }, context: RetentionContext, config: RuleConfig): RetentionAssessment[] {
  const id = idOf(person.stream);
  const cases = context.streams.filter((other) => other.kind !== 'person' && personsOf(other).includes(id));
  const caseAssessments = cases.flatMap((item) => assessStream(item, context, config));
  return retentionRulesFor(config, 'person').map((rule) => {
    let startedOn: string | null;
    if (caseAssessments.length === 0) startedOn = (person.state as PersonState).registeredOn;
    else if (caseAssessments.some((item) => item.status !== 'due')) startedOn = null;
    else startedOn = caseAssessments.map((item) => item.dueOn!).sort().at(-1)!;
    return assess(person, rule, startedOn, false, context, config);
  });
}

function assess(stream: RetentionStream, rule: RetentionRule, startedOn: string | null, pendingAppeal: boolean, context: RetentionContext, config: RuleConfig): RetentionAssessment {
  const base = { stream: stream.stream, kind: stream.kind, partner: rule.partner, rule, startedOn, holds: [] as Hold[] };
  const event = START_LABELS[rule.startsAt];
  const basis = `${config.laws[rule.law]?.name.nl ?? rule.law} ${rule.article}`;
  const basisEn = `${config.laws[rule.law]?.name.en ?? rule.law} ${rule.article}`;
  if (startedOn === null) {
    const appeal = pendingAppeal ? { nl: ' (beroep aanhangig)', en: ' (appeal pending)' } : { nl: '', en: '' };
    return {
      ...base,
      status: 'keep',
      dueOn: null,
      reason: {
        nl: `bewaren: de termijn begint pas bij ${event.nl}${appeal.nl} (${basis})`,
        en: `keep: the term starts only with ${event.en}${appeal.en} (${basisEn})`,
      },
    };
  }
  const dueOn = addYears(startedOn, rule.years);
  const term = { nl: `${rule.years} jaar na ${event.nl} op ${startedOn}`, en: `${rule.years} years after ${event.en} on ${startedOn}` };
  if (context.date < dueOn) {
    return { ...base, status: 'keep', dueOn, reason: { nl: `bewaren tot ${dueOn}: ${term.nl} (${basis})`, en: `keep until ${dueOn}: ${term.en} (${basisEn})` } };
  }
  const holds = holdsOn(stream, rule, context, config);
  if (holds.length > 0) {
    return {
      ...base,
      status: 'held',
      dueOn,
      holds,
      reason: {
        nl: `te verwijderen sinds ${dueOn} (${term.nl}, ${basis}), maar vastgehouden: ${holds.map((hold) => hold.reason.nl).join('; ')}`,
        en: `due for removal since ${dueOn} (${term.en}, ${basisEn}), but held: ${holds.map((hold) => hold.reason.en).join('; ')}`,
      },
    };
  }
  return { ...base, status: 'due', dueOn, reason: { nl: `te verwijderen sinds ${dueOn}: ${term.nl} (${basis})`, en: `due for removal since ${dueOn}: ${term.en} (${basisEn})` } };
}

/** What holds a stream's data past its term on the context's date. */
export function holdsOn(stream: RetentionStream, rule: RetentionRule, context: RetentionContext, config: RuleConfig): Hold[] {
  const persons = personsOf(stream);
  const holds: Hold[] = [];
  for (const hold of context.holds) {
    const covers = hold.stream === stream.stream || (hold.stream === null && persons.includes(hold.person));
    const active = hold.placedOn <= context.date && (hold.liftedOn === null || context.date < hold.liftedOn);
    if (covers && active) {
      holds.push({
        kind: 'legal-hold',
        source: hold.eventId,
        until: null,
        reason: { nl: `juridische blokkade sinds ${hold.placedOn}: ${hold.reason}`, en: `legal hold since ${hold.placedOn}: ${hold.reason}` },
      });
    }
  }
  for (const other of context.streams) {
    if (other.stream === stream.stream || other.kind === 'person' || !personsOf(other).some((person) => persons.includes(person))) continue;
    if (!isOpen(other)) continue;
    holds.push(inAppeal(other)
      ? { kind: 'pending-appeal', source: other.stream, until: null, reason: { nl: `beroep aanhangig in ${other.stream}`, en: `appeal pending in ${other.stream}` } }
      : { kind: 'open-case', source: other.stream, until: null, reason: { nl: `zaak open in de keten: ${other.stream}`, en: `case open in the chain: ${other.stream}` } });
  }
  if (rule.partner === 'ind' || rule.partner === 'dtv' || rule.partner === 'chain') holds.push(...entryBans(persons, context, config));
  return holds;
}

/**
 * An entry ban follows an applied 1F exclusion without an Article 3 barrier (R2, the dossier's current assessment
 * prevailing) and runs its years from the day of departure; while the person has not left it has not started.
 */
function entryBans(persons: readonly string[], context: RetentionContext, config: RuleConfig): Hold[] {
  const holds: Hold[] = [];
  for (const file of context.streams) {
    if (file.kind !== 'exclusion' || !file.state.person || !persons.includes(file.state.person)) continue;
    const dossiers = context.streams.filter((item): item is RetentionStream & { kind: 'departure' } => item.kind === 'departure' && item.state.person === file.state.person);
    const assessed = dossiers.filter((item) => item.state.article3AssessedOn !== null).sort((a, b) => a.state.article3AssessedOn!.localeCompare(b.state.article3AssessedOn!)).at(-1);
    const consequences = exclusionConsequences(file.state, config, assessed ? { article3Barrier: assessed.state.article3Barrier } : {});
    if (!consequences.entryBan) continue;
    const departedOn = dossiers.filter((item) => item.state.phase === 'departed').map((item) => item.state.endedOn!).sort().at(-1) ?? null;
    const until = departedOn ? addYears(departedOn, consequences.entryBan.years) : null;
    if (until !== null && context.date >= until) continue;
    holds.push({
      kind: 'entry-ban',
      source: file.stream,
      until,
      reason: until
        ? { nl: `inreisverbod (${file.stream}) loopt tot ${until}`, en: `entry ban (${file.stream}) runs until ${until}` }
        : { nl: `inreisverbod (${file.stream}) loopt nog niet: de persoon is niet vertrokken`, en: `entry ban (${file.stream}) not yet running: the person has not left` },
    });
  }
  return holds;
}

function idOf(stream: string): string {
  return stream.slice(stream.indexOf('/') + 1);
}
