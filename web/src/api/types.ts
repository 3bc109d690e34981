/**
 * Shapes the API names `unknown` (a stream's state differs per kind), as the web app reads them, and short
 * names for response types of the generated client.
 */
import type { paths } from './schema';

type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;

export type SessionInfo = Get<'/api/session'>;
export type Principal = SessionInfo['principal'];
export type StreamView = Get<'/api/cases/{kind}/{id}'>;
export type TimelineEntry = StreamView['timeline'][number];
export type PersonSummary = StreamView['persons'][number];
export type AllowedEvents = Get<'/api/cases/{kind}/{id}/allowed-events'>;
export type AllowedEvent = AllowedEvents['events'][number];
export type FormField = AllowedEvent['fields'][number];
export type Derived = Get<'/api/cases/{kind}/{id}/derived'>;
export type Withheld = Get<'/api/persons/{id}/withheld'>;
export type Approval = Get<'/api/approvals'>['items'][number];
export type ReportWithView = Get<'/api/reports/{year}/view'>;
export type Trends = Get<'/api/reports/trends'>;
export type PhaseCounts = Get<'/api/overview/phases'>;
export type Hearings = Get<'/api/overview/hearings'>;
export type Situations = Get<'/api/overview/situations'>;
export type Victims = Get<'/api/overview/victims'>;
export type Reassessment = Get<'/api/overview/article3-reassessment'>;
export type ExclusionDecisions = Get<'/api/overview/exclusion-decisions'>;
export type CaseList = Get<'/api/cases'>;
export type ReportDiff = Get<'/api/reports/{year}/diff'>;
export type PersonMatches = Get<'/api/matching/persons'>;
export type NotificationPreferences = Get<'/api/me/notification-preferences'>;
export type PersonMatch = PersonMatches['items'][number];
export type Watchlists = Get<'/api/watchlists'>;
export type ScreeningHits = Get<'/api/screening/hits'>;
export type ScreeningHit = ScreeningHits['items'][number];
type Post<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer R } } } } } ? R : never;
export type GroupScreening = Post<'/api/screening/runs'>;
export type ScreeningRun = GroupScreening['run'];
export type CrossReferences = Get<'/api/persons/{id}/cross-references'>;
export type CrossReferenceMatch = CrossReferences['matches'][number];

/** The statuses of a hit, and the decisions a reviewer records (src/screening/hits-store.ts). */
export const HIT_DECISIONS = ['confirmed', 'rejected', 'unsure'] as const;
export type HitDecision = (typeof HIT_DECISIONS)[number];
export type HitStatus = 'open' | HitDecision;
/** The status filter of GET /api/screening/hits: 'review' (its default) is open and unsure. */
export const HIT_FILTERS = ['review', 'open', 'unsure', 'confirmed', 'rejected', 'all'] as const;
export type HitFilter = (typeof HIT_FILTERS)[number];

/** A list entry as screened (the API names it `unknown`; src/matching/person-score.ts WatchlistEntry). */
export interface WatchlistEntryView {
  id: string;
  names: string[];
  birthDates?: string[];
  nationalities?: string[];
  kind?: string;
}

export type MatchHow = 'exact' | 'transliteration' | 'spelling' | 'phonetic' | 'typo' | 'initial' | 'abbreviation' | 'compound';

/**
 * Why a match scored what it did (the API names it `unknown`; src/matching/person-score.ts HitExplanation): the
 * names compared part by part, and what the birth date and nationality did to the score.
 */
export interface MatchExplanation {
  name: {
    score: number;
    queryName: string;
    entryName: string;
    parts: { query: string; entry: string; how: MatchHow; similarity: number; distance?: number; detail?: string }[];
    unmatchedQuery: string[];
    unmatchedEntry: string[];
    deductions: { reason: string; amount: number }[];
  };
  nameScore: number;
  birthDate: { outcome: 'agree' | 'compatible' | 'near' | 'conflict' | 'unknown'; precision?: 'day' | 'month' | 'year'; query?: string; entry?: string; detail: string; effect: number; confirmsName?: true };
  nationality: { outcome: 'agree' | 'conflict' | 'unknown'; query: string[]; entry: string[]; detail: string; effect: number };
}

/** The explanation as the pages read it, or undefined when it has not that shape (an older or other kind of hit). */
export function asExplanation(value: unknown): MatchExplanation | undefined {
  const candidate = value as Partial<MatchExplanation> | null | undefined;
  return candidate && typeof candidate === 'object' && candidate.name && Array.isArray(candidate.name.parts) && candidate.birthDate && candidate.nationality
    ? candidate as MatchExplanation
    : undefined;
}

export type CaseKind = 'criminal' | 'extradition' | 'exclusion' | 'departure' | 'intake' | 'mla';

/** The parts of a stream's state the pages show; every kind has a phase. */
export interface StateView {
  phase: string;
  suspect?: string | null;
  person?: string | null;
  offences?: string[];
  situation?: string | null;
  court?: string | null;
  victims?: string[];
  hearings?: { date: string; court: string; scheduledOn: string }[];
  names?: string[];
  birthDate?: string | null;
  nationalities?: string[];
  gender?: string | null;
  article3Barrier?: boolean | null;
  /** A 1F file's pending appeal: at the district court or the Council of State. */
  appealForum?: string | null;
  attributes?: Record<string, unknown>;
}
