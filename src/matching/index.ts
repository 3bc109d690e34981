/**
 * An in-memory index of watchlist entries. A search never compares the query with every entry: the query's
 * name parts give keys (keys.ts), the entries sharing the rarest keys become candidates, and only those are
 * scored (person-score.ts).
 */
import { KEY_KIND_WEIGHTS, nameKeys } from './keys.js';
import { DEFAULT_THRESHOLD, prepareSubject, scorePreparedSubjects } from './person-score.js';
import type { HitExplanation, PreparedSubject, ScreeningQuery, WatchlistEntry } from './person-score.js';

/** One hit of a search. */
export interface Hit {
  /** The list entry's id. */
  readonly id: string;
  /** 0..1 */
  readonly score: number;
  readonly explanation: HitExplanation;
}

/** The result of screening one query. */
export interface ScreeningResult {
  readonly query: string;
  readonly hits: readonly Hit[];
}

export interface SearchOptions {
  /** Hits below this score are left out. Default DEFAULT_THRESHOLD. */
  readonly threshold?: number;
  /** At most this many hits, best first. Default 10. */
  readonly limit?: number;
  /** How many candidates to score at most. Default 100. */
  readonly candidates?: number;
}

interface IndexedEntry {
  readonly entry: WatchlistEntry;
  readonly subject: PreparedSubject;
  readonly keys: readonly string[];
}

/** A key shared by more than this share of the entries is skipped while rarer keys can find candidates. */
const COMMON_KEY_SHARE = 0.05;
const COMMON_KEY_MINIMUM = 500;

export class MatchIndex {
  private readonly docs: Array<IndexedEntry | undefined> = [];
  private readonly ids = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private liveCount = 0;
  private scratchScores = new Float64Array(0);
  private scratchBest = new Float64Array(0);

  /** Builds an index from entries. */
  static from(entries: Iterable<WatchlistEntry>): MatchIndex {
    const index = new MatchIndex();
    for (const entry of entries) index.add(entry);
    return index;
  }

  /** The number of entries. */
  get size(): number {
    return this.liveCount;
  }

  /** Adds an entry; an entry with the same id is replaced. */
  add(entry: WatchlistEntry): void {
    if (this.ids.has(entry.id)) this.remove(entry.id);
    const subject = prepareSubject(entry);
    const keys = new Set<string>();
    for (const name of subject.names) for (const tokenKeys of nameKeys(name)) for (const key of tokenKeys) keys.add(key);
    const doc = this.docs.length;
    this.docs.push({ entry, subject, keys: [...keys] });
    this.ids.set(entry.id, doc);
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (posting) posting.push(doc);
      else this.postings.set(key, [doc]);
    }
    this.liveCount++;
  }

  /** Removes an entry by id; returns whether it was there. */
  remove(id: string): boolean {
    const doc = this.ids.get(id);
    if (doc === undefined) return false;
    const indexed = this.docs[doc];
    if (indexed) {
      for (const key of indexed.keys) {
        const posting = this.postings.get(key);
        if (!posting) continue;
        const at = posting.indexOf(doc);
        if (at >= 0) posting.splice(at, 1);
        if (posting.length === 0) this.postings.delete(key);
      }
    }
    this.docs[doc] = undefined;
    this.ids.delete(id);
    this.liveCount--;
    return true;
  }

  /** The entry with this id, if indexed. */
  get(id: string): WatchlistEntry | undefined {
    const doc = this.ids.get(id);
    return doc === undefined ? undefined : this.docs[doc]?.entry;
  }

  /**
   * The candidates for a prepared query: entries sharing keys with its name parts, ranked by the rarity of what
   * they share (each query part counts once per entry, by its best key).
   */
  candidates(query: PreparedSubject, max: number): number[] {
    const total = Math.max(this.liveCount, 1);
    if (this.scratchScores.length < this.docs.length) {
      this.scratchScores = new Float64Array(this.docs.length * 2);
      this.scratchBest = new Float64Array(this.docs.length * 2);
    }
    const scores = this.scratchScores;
    const best = this.scratchBest;
    const touched: number[] = [];
    const commonLimit = Math.max(COMMON_KEY_MINIMUM, total * COMMON_KEY_SHARE);
    const parts = query.names.flatMap(nameKeys);
    const hasRareKey = parts.some((keys) => [...keys].some((key) => (this.postings.get(key)?.length ?? 0) <= commonLimit));
    for (const keys of parts) {
      const partTouched: number[] = [];
      for (const key of keys) {
        const posting = this.postings.get(key);
        if (!posting || (hasRareKey && posting.length > commonLimit)) continue;
        const weight = (KEY_KIND_WEIGHTS[key[0] ?? ''] ?? 0.5) * Math.log(1 + total / posting.length);
        for (const doc of posting) {
          if (best[doc] === 0) partTouched.push(doc);
          if (weight > (best[doc] ?? 0)) best[doc] = weight;
        }
      }
      for (const doc of partTouched) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + (best[doc] ?? 0);
        best[doc] = 0;
      }
    }
    touched.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    const chosen = touched.slice(0, max);
    for (const doc of touched) scores[doc] = 0;
    return chosen;
  }

  /**
   * Screens one query: candidates from the index, each scored, hits at or above the threshold, best first.
   * @example index.search({ name: 'Mohamad El Hassan', birthDates: ['1976'] }, { threshold: 0.7, limit: 5 })
   */
  search(query: ScreeningQuery | string, options: SearchOptions = {}): ScreeningResult {
    const q: ScreeningQuery = typeof query === 'string' ? { name: query } : query;
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? 10;
    const prepared = prepareSubject({ names: [q.name], ...(q.birthDates ? { birthDates: q.birthDates } : {}), ...(q.nationalities ? { nationalities: q.nationalities } : {}) });
    const hits: Hit[] = [];
    for (const doc of this.candidates(prepared, options.candidates ?? 100)) {
      const indexed = this.docs[doc];
      if (!indexed) continue;
      const result = scorePreparedSubjects(prepared, indexed.subject, threshold);
      if (result && result.score >= threshold) hits.push({ id: indexed.entry.id, score: result.score, explanation: result.explanation });
    }
    hits.sort((a, b) => b.score - a.score || b.explanation.nameScore - a.explanation.nameScore || a.id.localeCompare(b.id));
    return { query: q.name, hits: hits.slice(0, limit) };
  }
}
