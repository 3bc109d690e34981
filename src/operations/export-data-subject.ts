/**
 * A data-subject request (AVG art. 15, Wpg art. 25, docs/retention.md "Data-subject requests"): everything the
 * registry holds about one person that the requesting partner may disclose — the person's record, the cases, witness
 * records and evidence naming them, screening hits and the access log of reads of their data — and what is withheld,
 * on which ground. Every read goes through the access policy as the requesting principal (`authorize`), never
 * around it: what the principal may not read is withheld with its ground, never silently left out, and never named
 * (no ids of cases the partner may not read).
 */
import type { AsOf } from '../domain/as-of.js';
import { CASE_KINDS, parseStreamName, type StreamKind } from '../domain/event.js';
import type { PersonState } from '../domain/person/state.js';
import type { Bilingual } from '../domain/rules/rule-config.js';
import { appendAccess, queryAccessLog } from '../access-log/access-log.js';
import { findAccountByUsername } from '../accounts/accounts.js';
import { ImketenError } from '../domain/errors.js';
import { authorize, grantedKinds } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { restrictView } from '../registry/restrict-view.js';
import { viewStream } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import { readStreams, streamsNaming, type StoredEvent } from '../store/event-store.js';
import { findHits } from '../store/hits-store.js';
import { listCaseEvidence } from './list-case-evidence.js';
import { GROUNDS, type Ground, type GroundCode } from './subject-access-grounds.js';
import { withheldNow } from './witness-streams.js';

export interface DisclosedEvent {
  id: string;
  type: string;
  date: string;
  recordedAt: string;
  /** The event's content; other persons named in it replaced by OTHER_PERSON. */
  data: Record<string, unknown>;
}

export interface DisclosedStream {
  stream: string;
  kind: StreamKind;
  /** How the stream names the person: suspect, victim, subject, person (witness), … */
  roles: string[];
  phase: string;
  legalBasis: string;
  events: DisclosedEvent[];
}

export interface DisclosedEvidence {
  case: string;
  id: string;
  kind: string;
  title: string;
  sourceType: string;
  acquiredOn: string;
  method: string;
  files: number;
  verification: { source: string | null; technical: string | null; content: string | null };
}

export interface DisclosedHit {
  source: string;
  list: string | null;
  /** The watchlist entry matched; for a registry cross-reference the other person is not named. */
  counterpart: string | null;
  score: number;
  status: string;
  firstFoundAt: string;
  lastFoundAt: string;
}

export interface DisclosedAccess {
  at: string;
  organisation: string;
  role: string;
  action: string;
  resource: string;
  purpose: string;
  legalBasis: string | null;
  outcome: 'allowed' | 'denied';
}

export interface WithheldItem {
  /** What is withheld: a record, a case kind, evidence items, a witness record, access-log entries, names in events. */
  what: 'person' | 'case' | 'evidence' | 'witness' | 'screening-hit' | 'access-log' | 'names';
  /** The stream kind, for cases and records. */
  kind: string | null;
  /** How many; null for a standing ground that applies whatever the registry holds (its count would itself disclose). */
  count: number | null;
  ground: Ground;
}

export interface DataSubjectExport {
  person: string;
  requestedBy: { username: string; organisation: string; role: string };
  date: string;
  generatedAt: string;
  identity: { names: string[]; birthDate: string | null; nationalities: string[]; legalBasis: string } | null;
  personEvents: DisclosedEvent[];
  cases: DisclosedStream[];
  witnessRecords: DisclosedStream[];
  evidence: DisclosedEvidence[];
  screeningHits: DisclosedHit[];
  accessLog: DisclosedAccess[];
  withheld: WithheldItem[];
}

export interface DataSubjectRequest {
  principal: Principal;
  person: string;
  /** Today's legal date (the policy's date) and the moment of the request. */
  today: string;
  now: Date;
  asOf: AsOf;
}

export const OTHER_PERSON = '(another person)';
/** The fields that name persons (src/domain/events/schema.ts REFERENCE_FIELDS). */
const PERSON_FIELDS = ['suspect', 'person', 'victim', 'into', 'subjects'] as const;

/** Kinds where an open case is an ongoing investigation whose disclosure could prejudice it. */
function ongoingInvestigation(kind: StreamKind, phase: string): boolean {
  return (kind === 'criminal' && phase === 'investigation') || (kind === 'intake' && phase === 'received');
}

export async function exportDataSubject(tx: Queryable, policy: Policy, request: DataSubjectRequest): Promise<DataSubjectExport> {
  const { principal, person } = request;
  const personStream = `person/${person}`;
  const facts = registryFacts(tx, request.now);
  const decide = (action: string, kind: string, stream: string) => authorize(policy, principal, action, { kind, stream }, { date: request.today, facts });
  const withheld = new Map<string, WithheldItem>();
  const withhold = (what: WithheldItem['what'], kind: string | null, code: GroundCode, count: number | null = 1) => {
    const key = `${what}|${kind ?? ''}|${code}`;
    const item = withheld.get(key) ?? { what, kind, count: count === null ? null : 0, ground: GROUNDS[code] };
    if (item.count !== null && count !== null) item.count += count;
    withheld.set(key, item);
  };
  let redactedEvents = 0;
  const disclose = (events: readonly StoredEvent[]): DisclosedEvent[] => events.map((event) => {
    const { data, redacted } = withoutOtherPersons(event.data, person);
    if (redacted) redactedEvents += 1;
    return { id: event.id, type: event.type, date: event.date, recordedAt: event.recordedAt, data };
  });

  // The person's own record.
  const personDecision = await decide('stream.read', 'person', personStream);
  let identity: DataSubjectExport['identity'] = null;
  let personEvents: DisclosedEvent[] = [];
  if (personDecision.allowed) {
    const view = await viewStream(tx, personStream, { date: request.asOf.date, asRecordedAt: request.asOf.recordedAt });
    const state = view.state as PersonState;
    identity = { names: state.names, birthDate: state.birthDate, nationalities: state.nationalities, legalBasis: personDecision.legalBasis };
    personEvents = disclose(view.timeline.map((entry) => entry.event));
  } else {
    withhold('person', 'person', 'not-readable');
  }

  // The streams naming the person: cases, witness records (a person merged into this one is no case).
  const naming = (await streamsNaming(tx, personStream)).filter((stream) => !stream.startsWith('person/'));
  const cases: DisclosedStream[] = [];
  const witnessRecords: DisclosedStream[] = [];
  const withheldStreams = new Map<string, GroundCode>();
  const mayIdentifyKinds = grantedKinds(policy, principal.role, 'witness-identity.read');
  const witnessEvents = await readStreams(tx, naming.filter((stream) => stream.startsWith('witness/')));
  for (const stream of naming) {
    const kind = parseStreamName(stream)?.kind;
    if (!kind) continue;
    const isCase = (CASE_KINDS as readonly string[]).includes(kind);
    if (kind === 'witness') {
      // A protected witness the principal may not identify is not linked to the person at all: the standing ground
      // below says so for every export, so its presence discloses nothing.
      if (withheldNow(witnessEvents.get(stream) ?? [], (caseStream) => mayIdentifyKinds.includes(caseStream.slice(0, caseStream.indexOf('/'))))) continue;
    } else if (!isCase) {
      continue;
    }
    const decision = await decide('stream.read', kind, stream);
    if (!decision.allowed) {
      withhold(isCase ? 'case' : 'witness', kind, 'not-readable');
      withheldStreams.set(stream, 'not-readable');
      continue;
    }
    const view = restrictView(await viewStream(tx, stream, { date: request.asOf.date, asRecordedAt: request.asOf.recordedAt }), decision.view);
    const phase = String((view.state as { phase?: unknown }).phase ?? '');
    if (ongoingInvestigation(kind, phase)) {
      withhold('case', kind, 'ongoing-investigation');
      withheldStreams.set(stream, 'ongoing-investigation');
      continue;
    }
    const events = view.timeline.map((entry) => entry.event);
    const disclosed: DisclosedStream = { stream, kind, roles: rolesOf(events, person), phase, legalBasis: decision.legalBasis, events: disclose(events) };
    (isCase ? cases : witnessRecords).push(disclosed);
  }

  // Evidence metadata of the cases disclosed, each item through the policy (evidence.read).
  const evidence: DisclosedEvidence[] = [];
  for (const item of cases) {
    for (const summary of await listCaseEvidence(tx, { caseStream: item.stream, asOf: request.asOf })) {
      const decision = await decide('evidence.read', 'evidence', `evidence/${summary.id}`);
      if (!decision.allowed) { withhold('evidence', 'evidence', 'not-readable'); continue; }
      evidence.push({
        case: item.stream, id: summary.id, kind: summary.kind, title: summary.title, sourceType: summary.sourceType,
        acquiredOn: summary.acquired.date, method: summary.acquired.method, files: summary.files.length, verification: summary.verification,
      });
    }
  }

  // Screening hits on the person, when the principal may see the person's hits (screening.hits).
  const screeningHits: DisclosedHit[] = [];
  const hits = await findHits(tx, { person, currentOnly: false });
  if (hits.length > 0) {
    const decision = await decide('screening.hits', 'person', personStream);
    if (!decision.allowed || !personDecision.allowed) {
      withhold('screening-hit', null, 'not-readable', hits.length);
    } else {
      for (const hit of hits) {
        const other = hit.source === 'registry';
        if (other) redactedEvents += 1;
        screeningHits.push({
          source: hit.source, list: hit.list, counterpart: other ? OTHER_PERSON : hit.counterpart, score: hit.score, status: hit.status,
          firstFoundAt: hit.firstFoundAt, lastFoundAt: hit.lastFoundAt,
        });
      }
    }
  }

  // The access log of reads of the person's data: the requesting partner's own reads, without its officers' names.
  const disclosedStreams = new Set([personStream, ...cases.map((item) => item.stream), ...witnessRecords.map((item) => item.stream)]);
  const accessLog: DisclosedAccess[] = [];
  for (const row of await queryAccessLog(tx, { person, limit: 100_000 })) {
    if (row.organisation !== principal.organisation) continue;
    const ground = withheldStreams.get(row.resource);
    if (ground) { withhold('access-log', null, ground); continue; }
    if (row.resource.includes('/') && !disclosedStreams.has(row.resource) && !row.resource.startsWith(`${personStream}:`)) {
      withhold('access-log', null, 'not-readable');
      continue;
    }
    accessLog.push({
      at: row.at, organisation: row.organisation, role: row.role, action: row.action, resource: row.resource,
      purpose: row.purpose, legalBasis: row.legalBasis, outcome: row.outcome,
    });
  }

  // Standing grounds: they apply to every export of this principal, whatever the registry holds.
  withhold('access-log', null, 'other-partner-reads', null);
  withhold('access-log', null, 'staff-identity', null);
  if (!(['criminal', 'exclusion'] as const).every((kind) => mayIdentifyKinds.includes(kind))) withhold('witness', 'witness', 'protected-witness', null);
  if (redactedEvents > 0) withhold('names', null, 'third-party', redactedEvents);

  return {
    person,
    requestedBy: { username: principal.username, organisation: principal.organisation, role: principal.role },
    date: request.today,
    generatedAt: request.now.toISOString(),
    identity,
    personEvents,
    cases,
    witnessRecords,
    evidence,
    screeningHits,
    accessLog,
    withheld: [...withheld.values()],
  };
}

/**
 * The same export at the command line (`imketen subject-access PERSON --by USERNAME`): the account named acts, with
 * its own role; the policy decides (subject-access.read) as it does over the API, and the access — allowed or
 * refused — goes to the access log as the operator's, naming the account.
 */
export async function exportDataSubjectForAccount(tx: Queryable, policy: Policy, request: { username: string; person: string; now: Date }): Promise<DataSubjectExport> {
  const account = await findAccountByUsername(tx, request.username);
  if (!account || account.disabled) throw new ImketenError('ACCOUNT_NOT_FOUND', `No enabled account '${request.username}'.`);
  const organisation = policy.roles[account.role]?.organisation ?? account.organisation;
  const principal: Principal = { kind: 'user', accountId: account.id, username: account.username, organisation, role: account.role };
  const today = request.now.toISOString().slice(0, 10);
  const stream = `person/${request.person}`;
  const decision = await authorize(policy, principal, 'subject-access.read', { kind: 'person', stream }, { date: today, facts: registryFacts(tx, request.now) });
  const entry = (fields: { outcome: 'allowed' | 'denied'; legalBasis: string | null; reason: string | null }) => ({
    at: request.now.toISOString(), principalKind: 'operator' as const, accountId: account.id, tokenId: null, username: account.username, organisation,
    role: account.role, action: 'subject-access.read', resource: `${stream}:subject-access`, persons: [request.person], purpose: 'data-subject request', requestId: null, ...fields,
  });
  if (!decision.allowed) {
    await appendAccess(tx, entry({ outcome: 'denied', legalBasis: null, reason: decision.reason }));
    throw new ImketenError('FORBIDDEN', `Account '${account.username}' (${account.role}) may not answer a data-subject request about ${request.person}: it does not exist, or the access policy does not let that account see the person (subject-access.read).`);
  }
  const result = await exportDataSubject(tx, policy, { principal, person: request.person, today, now: request.now, asOf: { date: today, recordedAt: request.now.toISOString(), recordedAtGiven: false } });
  await appendAccess(tx, entry({ outcome: 'allowed', legalBasis: decision.legalBasis, reason: null }));
  return result;
}

/** The person-level fields that name the person in a stream's events. */
function rolesOf(events: readonly StoredEvent[], person: string): string[] {
  const roles = new Set<string>();
  for (const event of events) {
    for (const field of PERSON_FIELDS) {
      const value = event.data[field];
      if (value === person || (Array.isArray(value) && value.includes(person))) roles.add(field === 'subjects' ? 'subject' : field);
    }
  }
  return [...roles].sort();
}

/** The event's data with every other person id in a person field replaced: a person's export names no one else. */
export function withoutOtherPersons(data: Record<string, unknown>, person: string): { data: Record<string, unknown>; redacted: boolean } {
  let redacted = false;
  const out: Record<string, unknown> = { ...data };
  for (const field of PERSON_FIELDS) {
    const value = out[field];
    if (typeof value === 'string' && value !== person) { out[field] = OTHER_PERSON; redacted = true; }
    if (Array.isArray(value)) {
      out[field] = value.map((item) => {
        if (typeof item === 'string' && item !== person) { redacted = true; return OTHER_PERSON; }
        return item;
      });
    }
  }
  return { data: out, redacted };
}

/** The bilingual label of a ground, for renderers. */
export function groundText(ground: Ground, language: keyof Bilingual): string {
  return ground.text[language];
}
