/**
 * The retention due list (docs/retention.md): the data past its term on a date, per partner — due for removal, or
 * held, with the rule, the reason and what holds it. Reads every case that existed on the date (an open case of
 * another partner may hold a partner's data) and the records of the persons they name.
 */
import type { AsOf } from '../domain/as-of.js';
import { CASE_KINDS } from '../domain/event.js';
import type { StreamKind } from '../domain/event.js';
import { stateAt } from '../domain/replay.js';
import type { RetentionPartner } from '../domain/rules/retention-config.js';
import { assessPerson, assessStream, assessTask, personsOf } from '../domain/rules/retention.js';
import { streamsNamedByTaskKey } from '../domain/task/state.js';
import type { Hold, LegalHold, RetentionAssessment, RetentionStatus, RetentionStream } from '../domain/rules/retention.js';
import type { Bilingual, RuleConfig } from '../domain/rules/rule-config.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt } from '../store/segments.js';

export interface RetentionDueEntry {
  partner: RetentionPartner;
  rule: string;
  law: string;
  article: string;
  data: Bilingual;
  stream: string;
  kind: StreamKind;
  persons: string[];
  status: Exclude<RetentionStatus, 'keep'>;
  startedOn: string;
  dueOn: string;
  reason: Bilingual;
  holds: Hold[];
}

export interface RetentionDueRequest {
  asOf: AsOf;
  /** Only this partner's rules; the person identity records (partner `chain`) only without a partner or with `chain`. */
  partner?: RetentionPartner;
}

export async function listRetentionDue(tx: Queryable, request: RetentionDueRequest, config: RuleConfig): Promise<RetentionDueEntry[]> {
  const { date, recordedAt } = request.asOf;
  const cases: RetentionStream[] = [];
  for (const kind of CASE_KINDS) {
    const rows = await casesAt(tx, { kind, date, asRecordedAt: recordedAt });
    const streams = await readStreams(tx, rows.map((row) => row.stream));
    for (const row of rows) cases.push({ stream: row.stream, kind, state: stateAt(kind, streams.get(row.stream) ?? [], date, recordedAt) } as RetentionStream);
  }
  const personIds = [...new Set(cases.flatMap(personsOf))].sort();
  const personEvents = await readStreams(tx, personIds.map((id) => `person/${id}`));
  const persons = personIds
    .filter((id) => (personEvents.get(`person/${id}`) ?? []).length > 0)
    .map((id) => ({ stream: `person/${id}`, kind: 'person' as const, state: stateAt('person', personEvents.get(`person/${id}`) ?? [], date, recordedAt) }))
    .filter((person) => person.state.registeredOn !== null);

  const byPerson = new Map<string, RetentionStream[]>();
  for (const item of cases) for (const person of personsOf(item)) byPerson.set(person, [...(byPerson.get(person) ?? []), item]);
  const byStream = new Map(cases.map((item) => [item.stream, item]));
  // The legal holds on the persons (person.legal-hold-placed / -lifted), as known on the date.
  const holds: LegalHold[] = persons.flatMap((person) => person.state.legalHolds.map((hold) => ({
    eventId: hold.eventId, person: person.stream.slice('person/'.length), stream: null, placedOn: hold.placedOn, liftedOn: hold.liftedOn, reason: hold.reason,
  })));
  const contextOf = (item: RetentionStream) => ({
    date,
    streams: [...new Set([item, ...personsOf(item).flatMap((person) => byPerson.get(person) ?? [])])],
    holds,
  });

  const assessments = cases.flatMap((item) => assessStream(item, contextOf(item), config, request.partner));
  const personAssessments = persons.map((person) => {
    const id = person.stream.slice('person/'.length);
    return assessPerson(person, { date, streams: [person, ...(byPerson.get(id) ?? [])], holds }, config);
  });
  if (request.partner === undefined || request.partner === 'chain') assessments.push(...personAssessments.flat());

  // Inbox tasks go with the case or person their key names (docs/retention.md, "Inbox tasks").
  const taskStreams = (await tx.query<{ stream: string }>("SELECT DISTINCT stream FROM events WHERE kind = 'task' AND recorded_at <= $1 ORDER BY stream", [recordedAt])).map((row) => row.stream);
  const taskEvents = await readStreams(tx, taskStreams);
  const subjectAssessments = new Map<string, RetentionAssessment[]>();
  for (const item of cases) subjectAssessments.set(item.stream, assessStream(item, contextOf(item), config));
  persons.forEach((person, index) => subjectAssessments.set(person.stream, personAssessments[index]!));
  const taskStates = taskStreams.map((stream) => ({ stream, kind: 'task' as const, state: stateAt('task', taskEvents.get(stream) ?? [], date, recordedAt) }))
    .filter((task) => task.state.phase !== 'not-opened' && task.state.key !== null);
  // a named stream the due list did not assess (a victim's record): gone when it holds no event any more (erased)
  const unassessed = [...new Set(taskStates.flatMap((task) => streamsNamedByTaskKey(task.state.key!)).filter((name) => !subjectAssessments.has(name)))];
  const unassessedEvents = await readStreams(tx, unassessed);
  const gone = new Set(unassessed.filter((name) => (unassessedEvents.get(name) ?? []).length === 0));
  for (const task of taskStates) {
    const named = streamsNamedByTaskKey(task.state.key!);
    const known = named.filter((name) => subjectAssessments.has(name));
    const found = assessTask(task, { named: named.length > 0, assessments: known.flatMap((name) => subjectAssessments.get(name)!), gone: named.some((name) => gone.has(name)) }, { date, streams: [task], holds }, config);
    assessments.push(...found.filter((item) => request.partner === undefined || item.partner === request.partner));
  }
  return assessments
    .filter((item) => item.status !== 'keep')
    .map((item) => ({
      partner: item.partner,
      rule: item.rule.id,
      law: item.rule.law,
      article: item.rule.article,
      data: item.rule.data,
      stream: item.stream,
      kind: item.kind,
      persons: item.kind === 'person' ? [item.stream.slice('person/'.length)] : item.kind === 'task' ? [] : personsOf(byStream.get(item.stream)!),
      status: item.status as Exclude<RetentionStatus, 'keep'>,
      startedOn: item.startedOn!,
      dueOn: item.dueOn!,
      reason: item.reason,
      holds: item.holds,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.stream.localeCompare(b.stream) || a.rule.localeCompare(b.rule));
}

