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
import { assessPerson, assessStream, personsOf } from '../domain/rules/retention.js';
import type { Hold, LegalHold, RetentionStatus, RetentionStream } from '../domain/rules/retention.js';
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
  if (request.partner === undefined || request.partner === 'chain') {
    for (const person of persons) {
      const id = person.stream.slice('person/'.length);
      assessments.push(...assessPerson(person, { date, streams: [person, ...(byPerson.get(id) ?? [])], holds }, config));
    }
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
      persons: item.kind === 'person' ? [item.stream.slice('person/'.length)] : personsOf(byStream.get(item.stream)!),
      status: item.status as Exclude<RetentionStatus, 'keep'>,
      startedOn: item.startedOn!,
      dueOn: item.dueOn!,
      reason: item.reason,
      holds: item.holds,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.stream.localeCompare(b.stream) || a.rule.localeCompare(b.rule));
}

