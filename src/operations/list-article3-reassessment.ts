/**
 * R7: open departure dossiers with an Article 3 barrier on the date, grouped by the person's nationality — to
 * reassess when a country's situation changes (e.g. Syria after 2024-12-08).
 */
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';
import type { AsOf } from '../domain/as-of.js';

export interface ReassessmentGroup {
  nationality: string;
  dossiers: { dossier: string; person: PersonSummary | undefined; barrierSince: string }[];
}

export async function listArticle3Reassessment(tx: Queryable, request: { asOf: AsOf; nationality?: string }): Promise<ReassessmentGroup[]> {
  const { date, recordedAt } = request.asOf;
  const dossiers = (await casesAt(tx, { kind: 'departure', date, asRecordedAt: recordedAt, phases: ['open'] })).filter((item) => item.attributes.article3Barrier === true);
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
      if (request.nationality && nationality !== request.nationality) continue;
      const group = groups.get(nationality) ?? { nationality, dossiers: [] };
      group.dossiers.push({ dossier: item.stream, person, barrierSince: item.validFrom });
      groups.set(nationality, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.dossiers.length - a.dossiers.length || a.nationality.localeCompare(b.nationality));
}
