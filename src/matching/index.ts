/**
 * An in-memory index of watchlist entries. A search never compares the query with every entry: the query's
 * name parts give keys (keys.ts), the entries sharing the rarest keys become candidates, and only those are
 * scored (person-score.ts).
 */
import { KEY_KIND_WEIGHTS, nameKeys } from './keys.js';
import { keySkeleton } from './normalize.js';
import { RARITY } from './score.js';
import type { NameToken, PreparedName } from './tokens.js';
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
  /** How many candidates to score at most. Default 15, 30 for names in a script without vowels. */
  readonly candidates?: number;
}

interface IndexedEntry {
  readonly entry: WatchlistEntry;
  readonly subject: PreparedSubject;
  readonly keys: readonly string[];
  /** The keys of each name, to score only the names that share a key with the query. */
  readonly nameKeys: ReadonlyArray<ReadonlySet<string>>;
}

/** Word forms numbered beyond this (a long-running process) get their rarity computed each time. */
const MAX_CACHED_RARITY_ID = 4_000_000;
/** Smoothing of part rarity: as if the list had this many more entries, none with the part (a small list
 *  cannot tell a rare part from a common one, and then takes it for rare). */
const RARITY_PRIOR = 10_000;
/** Information is (−log10(share of entries with the part) − RARITY_OFFSET) / RARITY_SCALE, within [RARITY.floor, 1]. */
const RARITY_OFFSET = 1.2;
const RARITY_SCALE = 2.5;

/** A key shared by more than this share of the entries is skipped while rarer keys can find candidates. */
const COMMON_KEY_SHARE = 0.02;
const COMMON_KEY_MINIMUM = 500;
/** How many candidates are scored, at most (twice as many for names in Arabic or Hebrew script). */
const DEFAULT_CANDIDATES = 15;
/** Postings read per query part at most, beyond its rarest key. */
const PART_POSTINGS_BUDGET = 800;
/** Candidates whose keys weigh less than this share of the best candidate's are not scored. */
const RELATIVE_KEY_SCORE = 0.35;

/**
 * The entry's names that share keys with the most parts of the query: only those can score best, and scoring
 * every alias of every candidate would cost most of the search time.
 */
function closestNames(indexed: IndexedEntry, queryParts: ReadonlyArray<ReadonlySet<string>>): PreparedSubject['names'] {
  if (indexed.subject.names.length === 1) return indexed.subject.names;
  let most = 0;
  const overlaps = indexed.nameKeys.map((keys) => {
    let overlap = 0;
    for (const part of queryParts) {
      for (const key of part) {
        if (keys.has(key)) {
          overlap++;
          break;
        }
      }
    }
    if (overlap > most) most = overlap;
    return overlap;
  });
  if (most === 0) return indexed.subject.names;
  return indexed.subject.names.filter((_, position) => (overlaps[position] ?? 0) >= most);
}

export class MatchIndex {
  private readonly docs: Array<IndexedEntry | undefined> = [];
  private readonly ids = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private liveCount = 0;
  /** Rarity by word form id (forms are interned and numbered, see tokens.ts), valid while its stamp is
   *  rarityGeneration: an array, not a map, because every compared part asks for it. */
  private rarityValues = new Float64Array(0);
  private rarityStamps = new Uint32Array(0);
  /** Changes with every added or removed entry (0 is never a valid stamp). */
  private rarityGeneration = 1;
  private scratchScores = new Float64Array(0);
  private scratchBest = new Float64Array(0);
  /** Which query part last touched a doc (see candidates). */
  private scratchStamps = new Uint32Array(0);
  private partStamp = 0;

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
    const perName = subject.names.map((name) => new Set(nameKeys(name).flatMap((tokenKeys) => [...tokenKeys])));
    for (const name of perName) for (const key of name) keys.add(key);
    const doc = this.docs.length;
    this.docs.push({ entry, subject, keys: [...keys], nameKeys: perName });
    this.ids.set(entry.id, doc);
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (posting) posting.push(doc);
      else this.postings.set(key, [doc]);
    }
    this.liveCount++;
    this.rarityGeneration++;
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
    this.rarityGeneration++;
    return true;
  }

  /** The entry with this id, if indexed. */
  get(id: string): WatchlistEntry | undefined {
    const doc = this.ids.get(id);
    return doc === undefined ? undefined : this.docs[doc]?.entry;
  }

  /**
   * How much a name part says in this index (see PartRarity in score.ts): from the share of entries that have
   * it (its sound key: most spellings of the name), smoothed so that a small list does
   * not take every part for rare: share = (entries with it + 1) / (entries + RARITY_PRIOR).
   */
  readonly rarity = (token: NameToken): number => {
    const forms = token.forms;
    const id = forms.id;
    if (id < this.rarityStamps.length && this.rarityStamps[id] === this.rarityGeneration) return this.rarityValues[id] ?? 1;
    // the sound key counts most spellings of a name at once (Muhammad, Mohamed: MHMT): rarity is of the name;
    // a name in a script without vowels has only its consonant key (محمد: mhmd)
    const count = forms.syllabic
      ? (this.postings.get(`f:${forms.native}`)?.length ?? 0)
      : forms.abjad
        ? (this.postings.get(`s:${keySkeleton(forms.skeletons[0] ?? '')}`)?.length ?? 0)
        : Math.max(this.postings.get(`m:${forms.phonetic[0] ?? ''}`)?.length ?? 0, this.postings.get(`f:${forms.folded[0] ?? ''}`)?.length ?? 0);
    const information = (-Math.log10((count + 1) / (this.liveCount + RARITY_PRIOR)) - RARITY_OFFSET) / RARITY_SCALE;
    const rarity = Math.max(RARITY.floor, Math.min(1, information));
    if (id >= this.rarityStamps.length && id < MAX_CACHED_RARITY_ID) {
      const size = Math.min(MAX_CACHED_RARITY_ID, Math.max(1024, id * 2));
      const values = new Float64Array(size);
      const stamps = new Uint32Array(size);
      values.set(this.rarityValues);
      stamps.set(this.rarityStamps);
      this.rarityValues = values;
      this.rarityStamps = stamps;
    }
    if (id < this.rarityStamps.length) {
      this.rarityValues[id] = rarity;
      this.rarityStamps[id] = this.rarityGeneration;
    }
    return rarity;
  };

  /**
   * The candidates for a prepared query: entries sharing keys with its name parts, ranked by the rarity of what
   * they share (each query part counts once per entry, by its best key).
   */
  candidates(query: PreparedSubject, max: number, queryParts?: ReadonlyArray<ReadonlySet<string>>): number[] {
    const total = Math.max(this.liveCount, 1);
    if (this.scratchScores.length < this.docs.length) {
      this.scratchScores = new Float64Array(this.docs.length * 2);
      this.scratchBest = new Float64Array(this.docs.length * 2);
    }
    if (this.scratchStamps.length < this.docs.length) this.scratchStamps = new Uint32Array(this.docs.length * 2);
    const scores = this.scratchScores;
    const best = this.scratchBest;
    const stamps = this.scratchStamps;
    let partStamp = this.partStamp;
    const touched: number[] = [];
    const commonLimit = Math.max(COMMON_KEY_MINIMUM, total * COMMON_KEY_SHARE);
    const parts = queryParts ?? query.names.flatMap(nameKeys);
    let hasRareKey = false;
    for (const keys of parts) {
      for (const key of keys) {
        if ((this.postings.get(key)?.length ?? Infinity) <= commonLimit) {
          hasRareKey = true;
          break;
        }
      }
      if (hasRareKey) break;
    }
    const postings: Array<[string, number[]]> = [];
    for (const keys of parts) {
      // a doc counts once per query part, by its best key: the weight already added for this part is kept in
      // `best`, valid while the doc's stamp is this part's
      partStamp = partStamp === 0xffffffff ? 1 : partStamp + 1;
      if (partStamp === 1) stamps.fill(0);
      // the rarest keys of a part first, and no more postings than the budget once one key has been read: the
      // common keys would only add entries that share a sound with one part of the query
      postings.length = 0;
      for (const key of keys) {
        const posting = this.postings.get(key);
        if (posting && !(hasRareKey && posting.length > commonLimit)) postings.push([key, posting]);
      }
      if (postings.length > 1) postings.sort((a, b) => a[1].length - b[1].length);
      let read = 0;
      for (const [key, posting] of postings) {
        if (read > 0 && read + posting.length > PART_POSTINGS_BUDGET) break;
        read += posting.length;
        const weight = (KEY_KIND_WEIGHTS[key[0] ?? ''] ?? 0.5) * Math.log(1 + total / posting.length);
        for (let at = 0; at < posting.length; at++) {
          const doc = posting[at] as number;
          if (stamps[doc] !== partStamp) {
            stamps[doc] = partStamp;
            best[doc] = weight;
            if (scores[doc] === 0) touched.push(doc);
            scores[doc] = (scores[doc] as number) + weight;
          } else if (weight > (best[doc] as number)) {
            scores[doc] = (scores[doc] as number) + weight - (best[doc] as number);
            best[doc] = weight;
          }
        }
      }
    }
    this.partStamp = partStamp;
    // entries that share only a small part of what the best candidates share (a common first name, where the
    // best share a rare surname too) cannot outscore them; select before sorting, the touched set can be large
    let top = 0;
    for (const doc of touched) if ((scores[doc] ?? 0) > top) top = scores[doc] ?? 0;
    const cutoff = top * RELATIVE_KEY_SCORE;
    let chosen = touched.filter((doc) => (scores[doc] ?? 0) >= cutoff);
    if (chosen.length > 4 * max) {
      // only the best `max` are kept: find the score of the max-th best by a numeric sort (no comparator calls)
      // and sort only those at or above it; the stable sort keeps the same order among equal scores
      const values = new Float64Array(chosen.length);
      for (let i = 0; i < chosen.length; i++) values[i] = scores[chosen[i] ?? 0] ?? 0;
      values.sort();
      const least = values[values.length - max] ?? 0;
      chosen = chosen.filter((doc) => (scores[doc] ?? 0) >= least);
    }
    chosen.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    if (chosen.length > max) chosen.length = max;
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
    const queryParts = prepared.names.flatMap(nameKeys);
    const hits: Hit[] = [];
    // names in a script without vowels give less selective keys (consonants only): look at more candidates
    const abjad = prepared.names.some((name) => name.tokens.some((token) => token.forms.abjad));
    const maxCandidates = options.candidates ?? (abjad ? 2 * DEFAULT_CANDIDATES : DEFAULT_CANDIDATES);
    for (const doc of this.candidates(prepared, maxCandidates, queryParts)) {
      const indexed = this.docs[doc];
      if (!indexed) continue;
      let names = closestNames(indexed, queryParts);
      if (q.kind === 'person' && indexed.entry.kind !== undefined && indexed.entry.kind !== 'person') names = names.map(asOrganisation);
      const subject = names === indexed.subject.names ? indexed.subject : { ...indexed.subject, names };
      const result = scorePreparedSubjects(prepared, subject, threshold, { onlyAtOrAbove: threshold, rarity: this.rarity });
      if (result && result.score >= threshold) hits.push({ id: indexed.entry.id, score: result.score, explanation: result.explanation });
    }
    hits.sort((a, b) => b.score - a.score || b.explanation.nameScore - a.explanation.nameScore || a.id.localeCompare(b.id));
    return { query: q.name, hits: hits.slice(0, limit) };
  }
}

/** An entry's name read as an organisation's, whether or not it carries a legal form. */
function asOrganisation(name: PreparedName): PreparedName {
  return name.organisation ? name : { ...name, organisation: true };
}
