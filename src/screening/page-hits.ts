/**
 * The reviewer's list of watchlist hits a page at a time: narrowed by status, list, the partner's files the person
 * is named in (a case kind) and a name, sorted by score, date found, list or status, with a keyset position (the
 * last row's sort key and id) so that paging never repeats or skips a hit, ties included: the order is total, the
 * hit id breaking ties in the direction of the order. Hits are sorted in memory: a status is derived from the last
 * review (src/store/hits-store.ts) and visibility from the registry, and a registry holds hundreds of hits, not
 * millions (README, "Screening and matching").
 */
import { describeHits, type HitView } from './describe-hits.js';
import type { Queryable } from '../store/db.js';
import { findHits, type HitRow, type HitStatus } from '../store/hits-store.js';
import { visiblePersons } from '../store/visible-persons.js';

export const HIT_SORTS = ['score', 'date', 'list', 'status'] as const;
export type HitSort = (typeof HIT_SORTS)[number];
export type HitOrder = 'asc' | 'desc';

/** Open first, then unsure, confirmed and rejected: the order of a reviewer's work. */
const STATUS_RANK: Record<HitStatus, number> = { open: 0, unsure: 1, confirmed: 2, rejected: 3 };

export interface HitPageRequest {
  watchlistId?: number;
  person?: string;
  statuses?: readonly HitStatus[];
  /** The case kinds the caller may read: only hits on persons named in such a case are shown. */
  readableKinds: readonly string[];
  /** Only persons named in a case of this kind (the partner's files), itself one of readableKinds. */
  kind?: string;
  /** Text in a name of the person or of the list entry (case-insensitive). */
  text?: string;
  sort: HitSort;
  order: HitOrder;
  /** The position after which the page starts (from the previous page's last row). */
  after?: { key: string | number; id: number };
  limit: number;
}

export interface HitPage {
  items: HitView[];
  /** The last row's position when there is a next page. */
  next: { key: string | number; id: number } | null;
}

/** The value a hit sorts by. */
export function sortKeyOf(hit: HitRow, sort: HitSort): string | number {
  switch (sort) {
    case 'score': return hit.score;
    case 'date': return new Date(hit.firstFoundAt).toISOString();
    case 'list': return hit.list ?? '';
    case 'status': return STATUS_RANK[hit.status];
  }
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export async function pageHits(tx: Queryable, request: HitPageRequest): Promise<HitPage> {
  const hits = await findHits(tx, {
    source: 'watchlist', ...(request.watchlistId !== undefined ? { watchlistId: request.watchlistId } : {}),
    ...(request.person ? { person: request.person } : {}), ...(request.statuses ? { statuses: request.statuses } : {}),
  });
  const kinds = request.kind === undefined ? request.readableKinds : request.readableKinds.filter((kind) => kind === request.kind);
  const visible = await visiblePersons(tx, [...new Set(hits.map((hit) => hit.personId))], kinds);
  let shown = hits.filter((hit) => visible.has(hit.personId));
  const needle = request.text?.trim().toLocaleLowerCase();
  let described: Map<number, HitView> | undefined;
  if (needle) {
    described = new Map((await describeHits(tx, shown)).map((hit) => [hit.id, hit]));
    shown = shown.filter((hit) => {
      const view = described!.get(hit.id)!;
      return [hit.personId, ...view.person.names, ...(view.entry?.names ?? [])].some((name) => name.toLocaleLowerCase().includes(needle));
    });
  }
  const sign = request.order === 'asc' ? 1 : -1;
  const keyed = shown.map((hit) => ({ hit, key: sortKeyOf(hit, request.sort) }));
  const compare = (a: { key: string | number; id: number }, b: { key: string | number; id: number }) => sign * (compareKeys(a.key, b.key) || a.id - b.id);
  keyed.sort((a, b) => compare({ key: a.key, id: a.hit.id }, { key: b.key, id: b.hit.id }));
  const after = request.after;
  const rest = after ? keyed.filter((row) => compare({ key: row.key, id: row.hit.id }, after) > 0) : keyed;
  const page = rest.slice(0, request.limit);
  const last = page.at(-1);
  const items = described ? page.map((row) => described!.get(row.hit.id)!) : await describeHits(tx, page.map((row) => row.hit));
  return { items, next: rest.length > request.limit && last ? { key: last.key, id: last.hit.id } : null };
}
