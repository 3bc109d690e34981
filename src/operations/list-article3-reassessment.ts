/**
 * R7: open departure dossiers with an Article 3 barrier on the date, grouped by the person's nationality — to
 * reassess when a country's situation changes (e.g. Syria after 2024-12-08). Per dossier and nationality the rule of
 * the case page (src/domain/rules/article3-reassessment.ts): the last assessment (the latest
 * `departure.article3-barrier` finding) and, once the country's situation changed after it (config/rules.json
 * `countrySituations`), the reassessment due since the day of that change. No periodic term is invented: the law
 * names none (docs/domain.md, "R7, reassessment").
 */
import type { AsOf } from '../domain/as-of.js';
import { article3Reassessment, type Article3Reassessment } from '../domain/rules/article3-reassessment.js';
import type { CountrySituation } from '../domain/rules/country-situations.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';

export interface ReassessmentDossier {
  dossier: string;
  person: PersonSummary | undefined;
  barrierSince: string;
  /** The day of the latest Article 3 finding on the dossier. */
  lastAssessment: string;
  /** `due` since `dueDate`, the day the country's situation changed after the last assessment; else `current`. */
  status: Article3Reassessment['status'];
  dueDate: string | null;
}

export interface ReassessmentGroup {
  nationality: string;
  dossiers: ReassessmentDossier[];
}

export async function listArticle3Reassessment(
  tx: Queryable, request: { asOf: AsOf; nationality?: string; situations?: readonly CountrySituation[] },
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
      const r7 = article3Reassessment({ phase: 'open', article3Barrier: true, article3AssessedOn: fact.lastAssessment }, [nationality], request.situations ?? [], date)!;
      group.dossiers.push({ dossier: item.stream, person, barrierSince: item.validFrom, lastAssessment: fact.lastAssessment, status: r7.status, dueDate: r7.dueDate });
      groups.set(nationality, group);
    }
  }
  // due first, the longest due first; then the dossiers assessed longest ago
  const order = (dossier: ReassessmentDossier) => `${dossier.status === 'due' ? 0 : 1}${dossier.dueDate ?? ''}${dossier.lastAssessment}`;
  for (const group of groups.values()) group.dossiers.sort((a, b) => order(a).localeCompare(order(b)) || a.dossier.localeCompare(b.dossier));
  return [...groups.values()].sort((a, b) => b.dossiers.length - a.dossiers.length || a.nationality.localeCompare(b.nationality));
}
