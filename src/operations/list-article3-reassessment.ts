/**
 * R7: open departure dossiers with an Article 3 barrier on the date, grouped by the person's nationality — to
 * reassess when a country's situation changes (e.g. Syria after 2024-12-08) and in any case periodically.
 * Per dossier: the last assessment (the latest `departure.article3-barrier` finding), when the next one is due and
 * its status. Due: on the day of a change in the country's situation after the last assessment
 * (config/rules.json `countrySituations`), else `reassessmentMonths` after the last assessment (README, "Web app":
 * 12 months, a working interval, not a legal term). Status: overdue (due before the date), due within 30 days, or
 * planned.
 */
import { addDays, addMonths, type CalendarDate } from '../domain/dates.js';
import { situationChangesOf, type CountrySituation } from '../domain/rules/country-situations.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';
import type { AsOf } from '../domain/as-of.js';

export const REASSESSMENT_MONTHS = 12;
const DUE_SOON_DAYS = 30;

export type ReassessmentStatus = 'overdue' | 'due-soon' | 'planned';

export interface ReassessmentDossier {
  dossier: string;
  person: PersonSummary | undefined;
  barrierSince: string;
  /** The day of the latest Article 3 finding on the dossier. */
  lastAssessment: string;
  dueDate: string;
  /** Why it is due then: a change of the country's situation since the last assessment, or the periodic term. */
  dueBecause: 'country-situation-changed' | 'periodic';
  status: ReassessmentStatus;
}

export interface ReassessmentGroup {
  nationality: string;
  dossiers: ReassessmentDossier[];
}

export async function listArticle3Reassessment(
  tx: Queryable, request: { asOf: AsOf; nationality?: string; situations?: readonly CountrySituation[]; reassessmentMonths?: number },
): Promise<ReassessmentGroup[]> {
  const { date, recordedAt } = request.asOf;
  const dossiers = (await casesAt(tx, { kind: 'departure', date, asRecordedAt: recordedAt, phases: ['open'] })).filter((item) => item.attributes.article3Barrier === true);
  const streams = await readStreams(tx, dossiers.map((item) => item.stream));
  const retracted = new Set([...streams.values()].flat().filter((event) => event.type === 'retracted').map((event) => String(event.data.event)));
  const facts = new Map(dossiers.map((item) => {
    const events = (streams.get(item.stream) ?? []).filter((event) => !retracted.has(event.id) && event.date <= date);
    const opened = events.find((event) => event.type === 'departure.opened');
    const assessments = events.filter((event) => event.type === 'departure.article3-barrier').map((event) => String(event.date).slice(0, 10)).sort();
    return [item.stream, { person: String(opened?.data.person ?? ''), lastAssessment: assessments.at(-1) ?? String(item.validFrom).slice(0, 10) }];
  }));
  const persons = new Map((await summarisePersons(tx, [...new Set([...facts.values()].map((fact) => fact.person))].filter(Boolean))).map((person) => [person.id, person]));
  const groups = new Map<string, ReassessmentGroup>();
  for (const item of dossiers) {
    const fact = facts.get(item.stream)!;
    const person = persons.get(fact.person);
    const nationalities = person?.nationalities.length ? person.nationalities : ['onbekend/unknown'];
    for (const nationality of nationalities) {
      if (request.nationality && nationality !== request.nationality) continue;
      const group = groups.get(nationality) ?? { nationality, dossiers: [] };
      group.dossiers.push({ dossier: item.stream, person, barrierSince: item.validFrom, ...dueOf(fact.lastAssessment, nationality, date, request) });
      groups.set(nationality, group);
    }
  }
  for (const group of groups.values()) group.dossiers.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.dossier.localeCompare(b.dossier));
  return [...groups.values()].sort((a, b) => b.dossiers.length - a.dossiers.length || a.nationality.localeCompare(b.nationality));
}

function dueOf(
  lastAssessment: string, nationality: string, date: string, request: { situations?: readonly CountrySituation[]; reassessmentMonths?: number },
): Pick<ReassessmentDossier, 'lastAssessment' | 'dueDate' | 'dueBecause' | 'status'> {
  const change = situationChangesOf(request.situations ?? [], nationality, date).find((situation) => situation.date > lastAssessment);
  const dueDate = change ? change.date : addMonths(lastAssessment as CalendarDate, request.reassessmentMonths ?? REASSESSMENT_MONTHS);
  const status: ReassessmentStatus = dueDate < date ? 'overdue' : dueDate <= addDays(date as CalendarDate, DUE_SOON_DAYS) ? 'due-soon' : 'planned';
  return { lastAssessment, dueDate, dueBecause: change ? 'country-situation-changed' : 'periodic', status };
}
