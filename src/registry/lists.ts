/**
 * The lists the chain asks for in the report (issue: the registry):
 *  - R1: persons with an applied 1F exclusion whose alleged acts predate the crime's punishability in the
 *    Netherlands — they cannot be prosecuted here;
 *  - R7: open departure dossiers with an Article 3 barrier, by nationality — to reassess when a country's
 *    situation changes (e.g. Syria after 2024-12-08);
 *  - R5: victims who are overdue for information.
 */
import type { ExclusionState } from '../domain/exclusion/state.js';
import { stateAt } from '../domain/replay.js';
import { personCannotBeProsecuted, type ProsecutionAssessment } from '../domain/rules/punishability.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { victimInformationStatus, type VictimInformationStatus } from '../domain/rules/victim-information.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';
import { decisionActs, standingEvents } from './derived.js';
import { summarisePersons, viewStream, type PersonSummary } from './stream-view.js';

export interface ListOptions {
  date: string;
  asRecordedAt: string;
}

export interface UnprosecutableEntry {
  exclusionCase: string;
  person: PersonSummary | undefined;
  decidedOn: string;
  assessment: ProsecutionAssessment;
}

/** R1: applied 1F exclusions whose every alleged act predates its punishability here ('yes'), or may ('uncertain'). */
export async function unprosecutableExclusions(tx: Queryable, options: ListOptions, config: RuleConfig): Promise<UnprosecutableEntry[]> {
  const cases = (await casesAt(tx, { kind: 'exclusion', ...options })).filter((item) => item.attributes.outcome === 'applied');
  const streams = await readStreams(tx, cases.map((item) => item.stream));
  const found: { stream: string; state: ExclusionState; assessment: ProsecutionAssessment }[] = [];
  for (const item of cases) {
    const events = streams.get(item.stream) ?? [];
    const state = stateAt('exclusion', events, options.date, options.asRecordedAt) as ExclusionState;
    const acts = decisionActs({ events }, state);
    if (acts.length === 0) continue;
    const assessment = personCannotBeProsecuted(acts, config);
    if (assessment.cannotBeProsecuted !== 'no') found.push({ stream: item.stream, state, assessment });
  }
  const persons = new Map((await summarisePersons(tx, [...new Set(found.map((item) => item.state.person!).filter(Boolean))])).map((person) => [person.id, person]));
  return found.map((item) => ({
    exclusionCase: item.stream,
    person: persons.get(item.state.person ?? ''),
    decidedOn: item.state.decision?.date ?? '',
    assessment: item.assessment,
  }));
}

export interface ReassessmentGroup {
  nationality: string;
  dossiers: { dossier: string; person: PersonSummary | undefined; barrierSince: string }[];
}

/** R7: open departure dossiers with an Article 3 barrier on the date, grouped by the person's nationality. */
export async function article3Reassessment(tx: Queryable, options: ListOptions & { nationality?: string }): Promise<ReassessmentGroup[]> {
  const dossiers = (await casesAt(tx, { kind: 'departure', ...options, phases: ['open'] })).filter((item) => item.attributes.article3Barrier === true);
  const streams = await readStreams(tx, dossiers.map((item) => item.stream));
  const personOf = new Map(dossiers.map((item) => {
    const opened = (streams.get(item.stream) ?? []).find((event) => event.type === 'departure.opened');
    return [item.stream, String(opened?.data.person ?? '')];
  }));
  const persons = new Map((await summarisePersons(tx, [...new Set(personOf.values())].filter(Boolean))).map((person) => [person.id, person]));
  const groups = new Map<string, ReassessmentGroup>();
  for (const item of dossiers) {
    const person = persons.get(personOf.get(item.stream)!);
    const nationalities = person?.nationalities.length ? person.nationalities : ['onbekend/unknown'];
    for (const nationality of nationalities) {
      if (options.nationality && nationality !== options.nationality) continue;
      const group = groups.get(nationality) ?? { nationality, dossiers: [] };
      group.dossiers.push({ dossier: item.stream, person, barrierSince: item.validFrom });
      groups.set(nationality, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.dossiers.length - a.dossiers.length || a.nationality.localeCompare(b.nationality));
}

export interface OverdueVictim {
  criminalCase: string;
  victim: PersonSummary | undefined;
  status: VictimInformationStatus;
}

/** R5: every registered victim who is overdue for information on the date. */
export async function overdueVictims(tx: Queryable, options: ListOptions, config: RuleConfig): Promise<OverdueVictim[]> {
  const rows = await tx.query<{ stream: string }>(
    `SELECT DISTINCT stream FROM events WHERE type = 'criminal.victim-registered' AND date <= $1::date AND recorded_at <= $2::timestamptz ORDER BY stream`,
    [options.date, options.asRecordedAt],
  );
  const overdue: OverdueVictim[] = [];
  for (const { stream } of rows) {
    const view = await viewStream(tx, stream, options);
    const events = standingEvents(view);
    const victims = new Set(events.filter((event) => event.type === 'criminal.victim-registered').map((event) => String(event.data.victim)));
    for (const victim of victims) {
      const status = victimInformationStatus(events, victim, options.date, config);
      if (status.overdue) overdue.push({ criminalCase: stream, victim: view.persons.find((person) => person.id === victim), status });
    }
  }
  return overdue;
}
