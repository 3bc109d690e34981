/**
 * The cases of a kind with their phase on a date, as known at a moment: every case in stream order for the command
 * line and the other lists, and for the API a page of one kind — sorted, narrowed by phase or text, keyset-paged —
 * with the columns a list needs: the person the case is about, the situation (or requesting state), the court and
 * the next hearing.
 */
import type { CaseKind } from '../domain/event.js';
import { stateAt } from '../domain/replay.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import { casesAt, pageCasesAt, sinceCursor, type CaseAt, type CaseSort, type SortOrder } from '../store/segments.js';
import type { AsOf } from '../domain/as-of.js';

export async function listCases(
  tx: Queryable, request: { kind: CaseKind; asOf: AsOf; phase?: string; after?: string; limit?: number },
): Promise<CaseAt[]> {
  return casesAt(tx, {
    kind: request.kind, date: request.asOf.date, asRecordedAt: request.asOf.recordedAt,
    phases: request.phase === undefined ? undefined : [request.phase], after: request.after, limit: request.limit,
  });
}

export interface CaseListItem extends CaseAt {
  /** The person the case is about (a criminal case's suspect), with names, birth date and nationalities. */
  person: PersonSummary | null;
  /** The situation the case belongs to (a country or conflict as recorded) or, for extradition, the requesting state. */
  situation: string | null;
  court: string | null;
  /** The first hearing on or after the list's date, if one is scheduled. */
  nextHearing: { date: string; court: string } | null;
}

export interface CasePage {
  items: CaseListItem[];
  next: string | null;
}

/** A page of cases of a kind: `limit` rows after the cursor, in the requested order, with the list's columns. */
export async function listCasePage(
  tx: Queryable,
  request: { kind: CaseKind; asOf: AsOf; phase?: string; text?: string; sort?: CaseSort; order?: SortOrder; after?: string; limit: number },
): Promise<CasePage> {
  const sort = request.sort ?? 'case';
  const rows = await pageCasesAt(tx, {
    kind: request.kind, date: request.asOf.date, asRecordedAt: request.asOf.recordedAt,
    phases: request.phase === undefined ? undefined : [request.phase], text: request.text?.trim() || undefined,
    sort, order: request.order ?? 'asc', after: request.after, limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const next = rows.length > request.limit && last ? (sort === 'since' ? sinceCursor(last) : last.stream) : null;
  return { items: await describeCases(tx, page, request.asOf.date), next };
}

interface CaseFacts {
  person?: string | null;
  suspect?: string | null;
  situation?: string | null;
  requestingState?: string | null;
  court?: string | null;
  hearings?: { date: string; court: string }[];
}

async function describeCases(tx: Queryable, rows: readonly CaseAt[], date: string): Promise<CaseListItem[]> {
  const streams = await readStreams(tx, rows.map((row) => row.stream));
  const facts = new Map(rows.map((row) => {
    const kind = row.stream.split('/')[0] as CaseKind;
    return [row.stream, stateAt(kind, streams.get(row.stream) ?? [], date) as unknown as CaseFacts];
  }));
  const personIds = [...new Set([...facts.values()].map((state) => state.suspect ?? state.person).filter((id): id is string => Boolean(id)))];
  const persons = new Map((await summarisePersons(tx, personIds)).map((person) => [person.id, person]));
  return rows.map((row) => {
    const state = facts.get(row.stream)!;
    const personId = state.suspect ?? state.person ?? null;
    const upcoming = (state.hearings ?? []).filter((hearing) => hearing.date >= date).sort((a, b) => a.date.localeCompare(b.date))[0];
    return {
      ...row,
      validFrom: String(row.validFrom).slice(0, 10),
      person: personId ? persons.get(personId) ?? null : null,
      situation: state.situation ?? state.requestingState ?? null,
      court: state.court ?? upcoming?.court ?? null,
      nextHearing: upcoming ? { date: upcoming.date, court: upcoming.court } : null,
    };
  });
}
