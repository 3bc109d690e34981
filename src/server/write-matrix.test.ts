/**
 * The write matrix, generated from the policy: every role × event type × stream owner (streams created by each
 * partner, and by an operator's import) — the answer is what config/policy.json says (201 or 403), and nothing the
 * role could not read before became readable by its writes (GET /api/persons/{id} and GET /api/cases/{kind}/{id}
 * before and after; only the streams the role itself created are new to it). The expected answer is worked out
 * here from the policy file read as data and the fixture's facts, not by the code under test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StreamKind } from '../domain/event.js';
import { STREAM_KINDS } from '../domain/event.js';
import { EVENT_TYPES_BY_KIND } from '../domain/events/schema.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import type { Policy, WriteRule } from '../policy/policy.js';
import { recordingRefusal } from '../policy/recording.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

const OPERATOR = 'operator';
/** The case every witness of the matrix is heard in (an operator's criminal case), and a witness statement of it. */
const WITNESS_CASE = `BASE-${'operator'}`;
const WITNESS_STATEMENT = 'BW-MATRIX';
/** The server's day in this test. */
const TODAY = '2026-06-15';

interface Ev { id: string; stream: string; type: string; date: string; data: Record<string, unknown> }

/** Fixture facts the expected answers use: who registered a person, which case kinds name them. */
interface PersonFacts { registeredBy: string; namedIn: StreamKind[] }
const persons = new Map<string, PersonFacts>();
const caseStreams = new Map<string, { kind: StreamKind; person: string | undefined }>();
/** Events to load per writing organisation (operator first: others' cases name its person). */
const load = new Map<string, Ev[]>();

function write(owner: string, event: Ev): void {
  if (!load.has(owner)) load.set(owner, []);
  load.get(owner)!.push(event);
  const kind = event.stream.split('/')[0] as StreamKind;
  if (kind === 'person' && event.type === 'person.registered') persons.set(event.stream.slice(7), { registeredBy: owner, namedIn: [] });
  if (kind !== 'person' && !caseStreams.has(event.stream)) {
    const person = (event.data.suspect ?? event.data.person ?? (event.data.subjects as string[] | undefined)?.[0]) as string | undefined;
    caseStreams.set(event.stream, { kind, person });
    if (person) persons.get(person)?.namedIn.push(kind);
  }
}

/** The kind of case each organisation keeps its persons in (the first case kind its write rules give it). */
function homeKind(policy: Policy, organisation: string): StreamKind {
  const role = Object.entries(policy.roles).find(([, definition]) => definition.organisation === organisation)?.[0];
  const kinds = (policy.write?.rules[role ?? ''] ?? []).flatMap((rule) => rule.kinds).filter((kind) => kind !== 'person');
  return (kinds[0] ?? 'criminal') as StreamKind;
}

function ruleFor(policy: Policy, role: string, kind: string, type: string): WriteRule | undefined {
  return (policy.write?.rules[role] ?? []).find((rule) => (rule.kinds as readonly string[]).includes(kind) && (rule.types.includes('*') || rule.types.includes(type)));
}

/** The organisations that create streams of a kind over the API (by the write rules), and an operator's import. */
function ownersOf(policy: Policy, kind: StreamKind): string[] {
  const organisations = Object.entries(policy.write?.rules ?? {}).filter(([, rules]) => rules.some((rule) => (rule.kinds as readonly string[]).includes(kind))).map(([role]) => policy.roles[role]!.organisation);
  return [...new Set(organisations), OPERATOR];
}

/** A valid event of each type and the events before it that make it valid, on a stream of its kind. */
function recipe(type: string, stream: string, person: string): { prep: Ev[]; target: Omit<Ev, 'id'> } {
  const at = (date: string, eventType: string, data: Record<string, unknown> = {}) => ({ stream, type: eventType, date, data });
  const opened = at('2024-01-01', 'criminal.opened', { suspect: person, offences: ['torture'] });
  const indicted = at('2024-02-01', 'criminal.indicted', { court: 'Rechtbank Den Haag' });
  const judged = (instance: string, date: string) => at(date, 'criminal.judgment', { instance, outcome: 'convicted' });
  const criminalPaths: Record<string, Omit<Ev, 'id'>[]> = {
    'criminal.suspect-arrested': [opened], 'criminal.indicted': [opened], 'criminal.closed': [opened], 'criminal.victim-registered': [opened],
    'criminal.judgment': [opened, indicted], 'criminal.hearing-scheduled': [opened, indicted],
    'criminal.appeal-lodged': [opened, indicted, judged('first-instance', '2024-03-01')],
    'criminal.cassation-lodged': [opened, indicted, judged('first-instance', '2024-03-01'), at('2024-04-01', 'criminal.appeal-lodged', { by: 'defence' }), judged('appeal', '2024-05-01')],
    'criminal.referred-back': [opened, indicted, judged('first-instance', '2024-03-01'), at('2024-04-01', 'criminal.appeal-lodged', { by: 'defence' }), judged('appeal', '2024-05-01'), at('2024-06-01', 'criminal.cassation-lodged', { by: 'defence' }), judged('cassation', '2024-07-01')],
    'criminal.victim-informed': [opened, at('2024-02-01', 'criminal.victim-registered', { victim: person })],
  };
  const targets: Record<string, Record<string, unknown>> = {
    'person.registered': { names: ['Matrix Person'] }, 'person.alias-added': { name: 'M. Alias' }, 'person.merged': { into: person, reason: 'matrix' },
    'person.legal-hold-placed': { reason: 'matrix' }, 'person.legal-hold-lifted': { hold: `${stream.replace('/', '-')}-prep1`, reason: 'matrix' },
    'criminal.opened': { suspect: person, offences: ['war-crimes'] }, 'criminal.suspect-arrested': {}, 'criminal.indicted': { court: 'Rechtbank Den Haag' },
    'criminal.judgment': { instance: 'first-instance', outcome: 'acquitted' }, 'criminal.appeal-lodged': { by: 'prosecution' }, 'criminal.cassation-lodged': { by: 'prosecution' },
    'criminal.referred-back': {}, 'criminal.closed': { reason: 'dismissed' }, 'criminal.hearing-scheduled': { date: '2026-09-01', court: 'Rechtbank Den Haag' },
    'criminal.victim-registered': { victim: person }, 'criminal.victim-informed': { victim: person, about: 'the state of the case' },
    // Ended before the test's day: recording it is checked here, the access an authorisation grants in r3.test.ts.
    'criminal.judge-authorisation': { decisionReference: 'RC matrix', court: 'Rechtbank Den Haag', person, validFrom: '2026-06-01', validUntil: '2026-06-10' },
    'exclusion.information-shared': { recipient: 'OM', person, summary: 'matrix' },
    'extradition.requested': { person, requestingState: 'RWA' }, 'extradition.phase-entered': { phase: 'court-first' }, 'extradition.concluded': { outcome: 'refused' },
    'exclusion.opened': { person }, 'exclusion.suspended': {}, 'exclusion.resumed': {}, 'exclusion.decided': { outcome: 'applied', grounds: ['a'] },
    'exclusion.appeal-lodged': { forum: 'district-court' }, 'exclusion.appeal-decided': { forum: 'district-court', outcome: 'upheld' }, 'exclusion.closed': {},
    'departure.opened': { person }, 'departure.article3-barrier': { present: true }, 'departure.departed': { mode: 'forced' }, 'departure.closed': { reason: 'matrix' },
    'intake.received': { subjects: [person] }, 'intake.assessed': { outcome: 'referred' },
    'mla.sent': { state: 'DEU' }, 'mla.received': { state: 'BEL' }, 'mla.answered': {}, 'mla.closed': {},
    // a witness is heard in the operator's criminal case; a statement is the operator's witness statement of that case
    'witness.registered': { criminalCase: WITNESS_CASE, person, pseudonym: 'A-1' }, 'witness.protection-set': { measure: 'threatened' },
    'witness.statement-linked': { evidence: WITNESS_STATEMENT }, 'witness.availability-changed': { status: 'returned', country: 'SYR' },
  };
  const kind = type.split('.')[0]!;
  const openers: Record<string, Omit<Ev, 'id'>> = {
    person: at('1970-01-01', 'person.registered', { names: ['Matrix Person'] }), criminal: opened,
    extradition: at('2024-01-01', 'extradition.requested', { person, requestingState: 'RWA' }), exclusion: at('2024-01-01', 'exclusion.opened', { person }),
    departure: at('2024-01-01', 'departure.opened', { person }), intake: at('2024-01-01', 'intake.received', { subjects: [person] }), mla: at('2024-01-01', 'mla.sent', { state: 'DEU' }),
    witness: at('2024-01-01', 'witness.registered', { criminalCase: WITNESS_CASE, person, pseudonym: 'A-1' }),
  };
  const paths: Record<string, Omit<Ev, 'id'>[]> = {
    ...criminalPaths,
    'exclusion.resumed': [openers.exclusion!, at('2024-02-01', 'exclusion.suspended')],
    'person.legal-hold-lifted': [openers.person!, at('2024-02-01', 'person.legal-hold-placed', { reason: 'matrix' })],
    'exclusion.appeal-lodged': [openers.exclusion!, at('2024-02-01', 'exclusion.decided', { outcome: 'applied' })],
    'exclusion.appeal-decided': [openers.exclusion!, at('2024-02-01', 'exclusion.decided', { outcome: 'applied' }), at('2024-03-01', 'exclusion.appeal-lodged', { forum: 'district-court' })],
  };
  const creates = ['person.registered', 'criminal.opened', 'extradition.requested', 'exclusion.opened', 'departure.opened', 'intake.received', 'mla.sent', 'mla.received', 'witness.registered'].includes(type);
  const prep = (creates ? [] : paths[type] ?? [openers[kind]!]).map((event, index) => ({ ...event, id: `${stream.replace('/', '-')}-prep${index}` }));
  return { prep, target: at('2026-06-01', type, targets[type]!) };
}

/**
 * The kinds whose streams name persons (the generic recipes above). Evidence items (`evidence/…`) name cases instead
 * and are read through the cases they belong to (condition evidence-of-readable-case): their writes have their own
 * recipes below (evidenceCombinations), checked against the same policy. Witnesses are in: each is heard in the
 * operator's criminal case (a witness of a 1F file: src/server/routes/witnesses.test.ts). Tasks of the inbox
 * (`task/<ORG>-…`) name no stream: their recipes are below (taskRecipes), and their writes over the inbox routes are
 * tried role by role in src/server/routes/inbox.test.ts.
 */
const MATRIX_KINDS = STREAM_KINDS.filter((kind): kind is Exclude<StreamKind, 'evidence' | 'task'> => kind !== 'evidence' && kind !== 'task');

/** What each kind's retraction takes back: an event its stream stays valid without. */
const RETRACTABLE: Record<StreamKind, string> = {
  person: 'person.alias-added', criminal: 'criminal.suspect-arrested', extradition: 'extradition.phase-entered', exclusion: 'exclusion.suspended',
  departure: 'departure.article3-barrier', intake: 'intake.assessed', mla: 'mla.answered', witness: 'witness.availability-changed', evidence: 'evidence.verified',
  task: 'task.assigned',
};

/**
 * A task event of each type on an organisation's task stream, and what comes before it. Sent over POST /api/events,
 * every one is refused (400) for every role: the server writes task events itself, for a task in the writer's own
 * inbox (POST /api/inbox/tasks/…), with the writer's username and organisation — a client could otherwise note work it
 * cannot see, or in a colleague's or another partner's name. No role retracts one (no events.retract grant on task).
 */
function taskRecipes(owner: string): { type: string; stream: string; prep: Ev[]; target: Omit<Ev, 'id'> }[] {
  const key = `hearing:criminal/BASE-${owner}:2026-09-01`;
  const stream = `task/${owner}-${'0'.repeat(24)}`;
  const data = (extra: Record<string, unknown>) => ({ task: key, organisation: owner, by: `${owner.toLowerCase()}.matrix`, ...extra });
  const assigned = { id: `${owner}-task-prep0`, stream, type: 'task.assigned', date: '2026-01-05', data: data({ assignee: `${owner.toLowerCase()}.matrix` }) };
  const done = { id: `${owner}-task-prep1`, stream, type: 'task.marked-done', date: '2026-01-06', data: data({}) };
  return [
    { type: 'task.assigned', stream, prep: [assigned, done], target: { stream, type: 'task.assigned', date: '2026-06-01', data: data({ assignee: 'someone.else' }) } },
    { type: 'task.marked-done', stream: `task/${owner}-${'1'.repeat(24)}`, prep: [], target: { stream: `task/${owner}-${'1'.repeat(24)}`, type: 'task.marked-done', date: '2026-06-01', data: data({}) } },
    { type: 'task.reopened', stream, prep: [], target: { stream, type: 'task.reopened', date: '2026-06-01', data: data({}) } },
  ];
}

/** `criminal/SZ-1` as the field an evidence event names it in. */
function caseField(stream: string): Record<string, string> {
  const [kind, id] = stream.split('/') as [string, string];
  return kind === 'criminal' ? { criminalCase: id } : { exclusionCase: id };
}

function evidenceRegistration(cases: readonly string[]): Record<string, unknown> {
  const ids = (kind: string) => cases.filter((stream) => stream.startsWith(`${kind}/`)).map((stream) => stream.slice(kind.length + 1));
  return {
    ...(ids('criminal').length ? { criminalCases: ids('criminal') } : {}), ...(ids('exclusion').length ? { exclusionCases: ids('exclusion') } : {}),
    kind: 'document', title: 'Matrix evidence', source: { type: 'witness' }, acquired: { date: '2024-01-01', by: 'TIM', method: 'interview' },
  };
}

/**
 * A valid evidence event of each type on an item of `home` (a case of its owner), and what it needs before it.
 * `evidence.registered` and `evidence.linked` are tried twice: on cases of one kind, and across kinds (a police item to a 1F file,
 * an IND item to a criminal case) — the way a role could try to bring an item to, or read through, a case it may not
 * read. `evidence.file-attached` goes through the upload (POST /api/evidence/{id}/files), its only way in.
 */
function evidenceRecipes(stream: string, home: string, second: string, otherKind: string): { type: string; variant: string; prep: Omit<Ev, 'id'>[]; target: Omit<Ev, 'id'>; cases: string[]; named: string[] }[] {
  const at = (date: string, type: string, data: Record<string, unknown>) => ({ stream: `${stream}`, type, date, data });
  const registered = at('2024-01-01', 'evidence.registered', evidenceRegistration([home]));
  const plain = (type: string, data: Record<string, unknown>) => ({ type, variant: '', prep: [registered], target: at('2026-06-01', type, data), cases: [home], named: [] as string[] });
  const withConsent = at('2024-02-01', 'evidence.conditions-set', { conditions: 'evidence-with-consent', originator: 'Matrix mechanism' });
  const consentAsked = at('2024-03-01', 'evidence.consent-requested', { from: 'Matrix mechanism' });
  return [
    { type: 'evidence.registered', variant: '', prep: [], target: at('2026-06-01', 'evidence.registered', evidenceRegistration([home])), cases: [home], named: [home] },
    { type: 'evidence.registered', variant: 'cross', prep: [], target: at('2026-06-01', 'evidence.registered', evidenceRegistration([home, otherKind])), cases: [home, otherKind], named: [home, otherKind] },
    plain('evidence.file-attached', {}),
    plain('evidence.custody-transferred', { from: 'TIM', to: 'OM', purpose: 'matrix' }),
    plain('evidence.verified', { step: 'technical', outcome: 'confirmed', method: 'sha256 compared' }),
    plain('evidence.disclosed', { to: 'court', recipient: 'Rechtbank Den Haag', what: 'matrix' }),
    { ...plain('evidence.linked', caseField(second)), named: [second] },
    { ...plain('evidence.linked', caseField(otherKind)), variant: 'cross', named: [otherKind] },
    {
      type: 'evidence.unlinked', variant: '', prep: [at('2024-01-01', 'evidence.registered', evidenceRegistration([home, second]))],
      target: at('2026-06-01', 'evidence.unlinked', caseField(second)), cases: [home, second], named: [second],
    },
    // R8: an element of an offence of the home case (config/elements.json), the originator's conditions, consent, availability
    plain('evidence.element-linked', { ...caseField(home), ...elementOf(home), relation: 'supports', reasoning: 'matrix', weight: 'moderate' }),
    { ...plain('evidence.element-unlinked', { ...caseField(home), ...elementOf(home) }), prep: [registered, at('2025-01-01', 'evidence.element-linked', { ...caseField(home), ...elementOf(home), relation: 'supports', reasoning: 'matrix', weight: 'moderate' })] },
    plain('evidence.conditions-set', { conditions: 'evidence-with-consent', originator: 'Matrix mechanism' }),
    { ...plain('evidence.consent-requested', { from: 'Matrix mechanism' }), prep: [registered, withConsent] },
    { ...plain('evidence.consent-given', { by: 'Matrix mechanism' }), prep: [registered, withConsent, consentAsked] },
    { ...plain('evidence.consent-refused', { by: 'Matrix mechanism' }), prep: [registered, withConsent, consentAsked] },
    plain('evidence.availability-changed', { available: false, reason: 'matrix' }),
  ];
}

/** An element the home case's offence has: war crimes for a criminal case (its opening names them), ground 1F-a for a 1F file. */
function elementOf(home: string): { offence: string; element: string } {
  return home.startsWith('criminal/') ? { offence: 'war-crimes', element: 'wc-iac.wilful-killing.killing' } : { offence: '1F-a', element: '1F-a.individual-responsibility' };
}

interface Combination {
  role: string; type: string; kind: StreamKind; owner: string; opens?: boolean; url: string; body: unknown; headers?: Record<string, string>;
  expected: 201 | 400 | 403; why: string; creates?: string;
}

describe('write matrix: role × event type × stream owner (from config/policy.json)', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();
  const combinations: Combination[] = [];

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date(`${TODAY}T10:00:00.000Z`) });
    const policy = server.policy;
    const organisations = [...new Set(MATRIX_KINDS.flatMap((kind) => ownersOf(policy, kind)))];
    const writers = organisations.filter((organisation) => organisation !== OPERATOR && ownersOf(policy, 'person').includes(organisation));
    // Each organisation that registers persons has one, in a case of its own; an operator's import has one in every kind.
    const personOf = (owner: string) => (owner === OPERATOR ? `P-${OPERATOR}` : `P-${owner}`);
    write(OPERATOR, { id: 'base-op', stream: `person/P-${OPERATOR}`, type: 'person.registered', date: '1960-01-01', data: { names: ['Operator Person'] } });
    for (const kind of ['criminal', 'exclusion', 'departure'] as const) write(OPERATOR, { id: `base-op-${kind}`, ...recipe(`${kind}.opened`, `${kind}/BASE-${OPERATOR}`, `P-${OPERATOR}`).target, date: '2020-01-01' });
    write(OPERATOR, { id: 'base-op-statement', stream: `evidence/${WITNESS_STATEMENT}`, type: 'evidence.registered', date: '2020-02-01', data: {
      criminalCases: [WITNESS_CASE], kind: 'witness-statement', title: 'Matrix statement', source: { type: 'witness' }, acquired: { date: '2020-02-01', by: 'TIM', method: 'interview' },
    } });
    for (const owner of organisations.filter((organisation) => organisation !== OPERATOR)) {
      // an organisation that registers no persons itself (DT&V) keeps one an operator's import registered
      write(writers.includes(owner) ? owner : OPERATOR, { id: `base-${owner}`, stream: `person/P-${owner}`, type: 'person.registered', date: '1960-01-01', data: { names: [`${owner} Person`] } });
      write(owner, { id: `base-${owner}-case`, ...recipe(`${homeKind(policy, owner)}.opened`, `${homeKind(policy, owner)}/BASE-${owner}`, `P-${owner}`).target, date: '2020-01-01' });
    }

    /** A person is kept in a case of the owner's, as a partner's persons are. */
    const keepInHomeCase = (owner: string, stream: string, tag: string, type: string) => {
      const home = owner === OPERATOR ? 'criminal' : homeKind(policy, owner);
      write(owner, { id: `${stream.replace('/', '-')}-home`, ...recipe(`${home}.opened`, `${home}/H-${tag}-${type.replace(/[^a-z0-9]/g, '')}-${owner}`, stream.slice(7)).target, date: '2020-01-01' });
    };
    const appendKinds = (role: string, action: string) => (policy.actions[action]!.grants?.[role] ?? []).filter((grant) => !grant.condition).flatMap((grant) => grant.kinds);
    const readGrants = (role: string) => policy.actions['stream.read']!.grants?.[role] ?? [];
    const readKinds = (role: string) => readGrants(role).filter((grant) => !grant.condition).flatMap((grant) => grant.kinds).filter((kind) => kind !== 'person');
    const personReadable = (role: string, person: string) => {
      const facts = persons.get(person)!;
      return facts.registeredBy === policy.roles[role]!.organisation || facts.namedIn.some((kind) => readKinds(role).includes(kind));
    };
    const caseReadable = (role: string, stream: string) => {
      const { kind, person } = caseStreams.get(stream)!;
      // a witness and the statement are of the operator's criminal case: read with that case
      return readGrants(role).some((grant) => (grant.kinds as string[]).includes(kind) && (!grant.condition
        || (grant.condition === 'person-in-own-departure-dossier' && person !== undefined && persons.get(person)!.namedIn.includes('departure'))
        || ((grant.condition === 'witness-of-readable-case' || grant.condition === 'evidence-of-readable-case') && readKinds(role).includes('criminal'))));
    };
    const readable = (role: string, stream: string) => (stream.startsWith('person/') ? personReadable(role, stream.slice(7)) : caseReadable(role, stream));

    for (const role of Object.keys(policy.roles)) {
      const organisation = policy.roles[role]!.organisation;
      const tag = role.replace(/[^a-z0-9]/g, '');
      for (const kind of MATRIX_KINDS) {
        for (const type of [...EVENT_TYPES_BY_KIND[kind], 'retracted']) {
          // a new stream is the writer's own: what varies is whose person it names (every partner's, and an operator's)
          const opens = type !== 'retracted' && recipe(type, `${kind}/x`, 'x').prep.length === 0;
          for (const owner of opens ? organisations : ownersOf(policy, kind)) {
            const person = personOf(owner);
            const stream = `${kind}/W-${tag}-${type.replace(/[^a-z0-9]/g, '')}-${owner}`;
            const base = { role, type, kind, owner, opens };
            if (type === 'retracted') {
              const retracted = RETRACTABLE[kind];
              const { prep, target } = recipe(retracted, stream, person);
              for (const event of prep) write(owner, event);
              if (kind === 'person') keepInHomeCase(owner, stream, tag, type);
              write(owner, { ...target, id: `${stream.replace('/', '-')}-target`, date: '2025-01-01' });
              const rule = ruleFor(policy, role, kind, retracted);
              const expected = !appendKinds(role, 'events.retract').includes(kind) ? [403, 'no events.retract grant']
                : !rule ? [403, `no write rule for ${retracted}`]
                  : !readable(role, stream) ? [403, 'stream not readable']
                    : owner !== organisation && owner !== OPERATOR ? [403, 'another organisation\'s event'] : [201, 'own or operator event'];
              combinations.push({ ...base, url: '/api/retractions', body: { stream, event: `${stream.replace('/', '-')}-target`, reason: 'matrix', date: '2026-06-01' }, expected: expected[0] as 201 | 403, why: expected[1] as string });
              continue;
            }
            const { prep, target } = recipe(type, stream, person);
            for (const event of prep) write(owner, event);
            if (kind === 'person' && prep.length > 0) keepInHomeCase(owner, stream, tag, type);
            const creates = prep.length === 0;
            const rule = ruleFor(policy, role, kind, type);
            const named = [target.data.suspect, target.data.person, target.data.victim, target.data.into, ...((target.data.subjects as string[] | undefined) ?? [])].filter((id): id is string => typeof id === 'string');
            const namedCases = [
              ...(typeof target.data.criminalCase === 'string' && kind === 'witness' ? [`criminal/${target.data.criminalCase}`] : []),
              ...(typeof target.data.evidence === 'string' ? [`evidence/${target.data.evidence}`] : []),
            ];
            const expected: [201 | 403, string] = !appendKinds(role, 'events.append').includes(kind) ? [403, 'no events.append grant']
              : !rule ? [403, `no write rule for ${type}`]
                : recordingRefusal(policy, role, type, { eventDate: target.date, today: TODAY }) ? [403, 'a sharing regime names who records it, and when']
                : !creates && !readable(role, stream) ? [403, 'stream not readable']
                  : named.some((id) => !personReadable(role, id)) ? [403, 'names a person the role may not read']
                  : namedCases.some((stream) => !readable(role, stream)) ? [403, 'names a case or evidence the role may not read']
                    : rule.requires?.includes('confirmed-match') ? [403, 'no confirmed match in the fixture']
                      : [201, 'allowed'];
            combinations.push({ ...base, url: '/api/events', body: { events: [{ ...target, id: `${stream.replace('/', '-')}-target` }] }, expected: expected[0], why: expected[1], ...(creates && expected[0] === 201 ? { creates: stream } : {}) });
          }
        }
      }
    }
    // Evidence: items of every evidence-writing owner (and an operator's import), each on a case of its owner's. An item
    // is readable by a role that reads, without condition, the kind of one of its cases (evidence-of-readable-case).
    const evidenceOwners = ownersOf(policy, 'evidence');
    const homeCaseOf = (owner: string) => {
      const home = owner === OPERATOR ? 'criminal' : homeKind(policy, owner);
      return home === 'criminal' || home === 'exclusion' ? `${home}/BASE-${owner}` : `exclusion/BASE-${OPERATOR}`;
    };
    for (const owner of organisations) {
      const home = homeCaseOf(owner);
      if (caseStreams.has(home.replace('/BASE-', '/BASE2-'))) continue;
      const [kind, id] = home.replace('/BASE-', '/BASE2-').split('/') as [StreamKind, string];
      write(home.endsWith(`-${OPERATOR}`) ? OPERATOR : owner, { id: `base2-${kind}-${id}`, ...recipe(`${kind}.opened`, `${kind}/${id}`, `P-${home.slice(home.indexOf('BASE-') + 5)}`).target, date: '2020-01-01' });
    }
    const evidenceReadable = (role: string, cases: readonly string[]) => readGrants(role).some((grant) => (grant.kinds as string[]).includes('evidence'))
      && cases.some((stream) => readKinds(role).includes(stream.slice(0, stream.indexOf('/')) as StreamKind));
    for (const role of Object.keys(policy.roles)) {
      const organisation = policy.roles[role]!.organisation;
      const tag = role.replace(/[^a-z0-9]/g, '');
      const uploads = (policy.actions['evidence.upload']!.grants?.[role] ?? []).some((grant) => (grant.kinds as string[]).includes('evidence'));
      for (const type of [...EVENT_TYPES_BY_KIND.evidence, 'retracted']) {
        for (const owner of type === 'evidence.registered' ? organisations : evidenceOwners) {
          const home = homeCaseOf(owner);
          const otherKind = home.startsWith('criminal/') ? `exclusion/BASE-${OPERATOR}` : `criminal/BASE-${OPERATOR}`;
          const base = { role, type, kind: 'evidence' as StreamKind, owner, opens: type === 'evidence.registered' };
          if (type === 'retracted') {
            // Taking back a verification; and taking back an unlink across kinds, which would link the item to a
            // case the role may not read again (a retraction names what the retracted event named).
            const variants = [
              { variant: '', takesBack: RETRACTABLE.evidence, cases: [home], named: [] as string[] },
              { variant: 'cross', takesBack: 'evidence.unlinked', cases: [home], named: [otherKind] },
            ];
            for (const variant of variants) {
              const stream = `evidence/W-${tag}-retracted${variant.variant}-${owner}`;
              const prep = variant.variant ? [{ stream, type: 'evidence.registered', date: '2024-01-01', data: evidenceRegistration([home, otherKind]) }] : evidenceRecipes(stream, home, home, otherKind).find((entry) => entry.type === RETRACTABLE.evidence)!.prep;
              const target = variant.variant ? { stream, type: 'evidence.unlinked', date: '2025-01-01', data: caseField(otherKind) } : { stream, type: RETRACTABLE.evidence, date: '2025-01-01', data: { step: 'technical', outcome: 'confirmed', method: 'sha256 compared' } };
              for (const [index, event] of prep.entries()) write(owner, { ...event, id: `${stream.replace('/', '-')}-prep${index}` });
              write(owner, { ...target, id: `${stream.replace('/', '-')}-target` });
              const rule = ruleFor(policy, role, 'evidence', variant.takesBack);
              const expected = !appendKinds(role, 'events.retract').includes('evidence') ? [403, 'no events.retract grant']
                : !rule ? [403, `no write rule for ${variant.takesBack}`]
                  : !evidenceReadable(role, variant.cases) ? [403, 'evidence not readable']
                    : owner !== organisation && owner !== OPERATOR ? [403, 'another organisation\'s event']
                      : variant.named.some((named) => !caseReadable(role, named)) ? [403, 'the retracted event names a case the role may not read']
                        : [201, 'own or operator event'];
              combinations.push({
                ...base, url: '/api/retractions', body: { stream, event: `${stream.replace('/', '-')}-target`, reason: 'matrix', date: '2026-06-01' },
                expected: expected[0] as 201 | 403, why: `${expected[1] as string}${variant.variant ? ` (takes back ${variant.takesBack} across kinds)` : ''}`,
              });
            }
            continue;
          }
          for (const entry of evidenceRecipes('', home, home.replace('/BASE-', '/BASE2-'), otherKind).filter((candidate) => candidate.type === type)) {
            const stream = `evidence/W-${tag}-${type.replace(/[^a-z0-9]/g, '')}${entry.variant}-${owner}`;
            const { prep, target } = evidenceRecipes(stream, home, home.replace('/BASE-', '/BASE2-'), otherKind).find((candidate) => candidate.type === type && candidate.variant === entry.variant)!;
            for (const [index, event] of prep.entries()) write(owner, { ...event, id: `${stream.replace('/', '-')}-prep${index}` });
            const creates = prep.length === 0;
            const rule = ruleFor(policy, role, 'evidence', type);
            const readableItem = evidenceReadable(role, entry.cases);
            const why: [201 | 403, string] = type === 'evidence.file-attached' && !uploads ? [403, 'no evidence.upload grant']
              : type === 'evidence.file-attached' && !readableItem ? [403, 'evidence not readable (upload)']
                : !appendKinds(role, 'events.append').includes('evidence') ? [403, 'no events.append grant']
                  : !rule ? [403, `no write rule for ${type}`]
                    : recordingRefusal(policy, role, type, { eventDate: target.date, today: TODAY }) ? [403, 'a sharing regime names who records it, and when']
                      : !creates && !readableItem ? [403, 'evidence not readable']
                        : entry.named.some((named) => !caseReadable(role, named)) ? [403, 'names a case the role may not read']
                          : [201, 'allowed'];
            const request = type === 'evidence.file-attached'
              ? { url: `/api/evidence/${stream.slice('evidence/'.length)}/files?fileName=matrix.txt&date=2026-06-01`, body: Buffer.from(`matrix bytes of ${stream}`), headers: { 'content-type': 'application/octet-stream' } }
              : { url: '/api/events', body: { events: [{ ...target, id: `${stream.replace('/', '-')}-target` }] } };
            combinations.push({ ...base, ...request, expected: why[0], why: `${why[1]}${entry.variant ? '; across kinds' : ''}`, ...(creates && why[0] === 201 ? { creates: stream } : {}) });
          }
        }
      }
    }
    // Tasks: every role sends each task event type, and a retraction, to each organisation's task stream (its own too).
    const taskOwners = [...new Set(Object.entries(policy.write?.rules ?? {}).filter(([, rules]) => rules.some((rule) => (rule.kinds as readonly string[]).includes('task'))).map(([role]) => policy.roles[role]!.organisation))];
    for (const owner of taskOwners) for (const { prep } of taskRecipes(owner)) for (const event of prep) write(owner, event);
    for (const role of Object.keys(policy.roles)) {
      for (const owner of taskOwners) {
        for (const { type, target } of taskRecipes(owner)) {
          // a role without any events.append grant is refused by the route's action before the event is looked at
          const appends = (policy.actions['events.append']!.grants?.[role] ?? []).length > 0;
          combinations.push({
            role, type, kind: 'task', owner, url: '/api/events', body: { events: [{ ...target, id: `${role}-${owner}-${type}-target` }] },
            expected: appends ? 400 : 403, why: appends ? 'task events are written by the server for a task in the writer\'s own inbox (POST /api/inbox/tasks/…)' : 'no events.append grant',
          });
        }
        const { stream } = taskRecipes(owner)[0]!;
        combinations.push({
          role, type: 'retracted', kind: 'task', owner, url: '/api/retractions', body: { stream, event: `${owner}-task-prep0`, reason: 'matrix', date: '2026-06-01' },
          expected: 403, why: 'no events.retract grant on task streams: a task is reopened or reassigned, not retracted',
        });
      }
    }
    for (const owner of [OPERATOR, ...organisations.filter((organisation) => organisation !== OPERATOR)]) {
      const events = load.get(owner) ?? [];
      if (events.length === 0) continue;
      const source = { ...textSource(`fixture-${owner}`, events.map((event) => JSON.stringify({ ...event, recordedAt: '2026-01-10T09:00:00.000Z' })).join('\n')), ...(owner === OPERATOR ? {} : { organisation: owner }) };
      await importEvents(server.store.db, [source], { now: () => new Date('2026-01-10T10:00:00.000Z') }).catch((error: { message: string; problems?: unknown[] }) => {
        throw new Error(`the fixture of ${owner} does not load: ${error.message} ${JSON.stringify(error.problems ?? []).slice(0, 2000)}`);
      });
    }
    for (const role of Object.keys(policy.roles)) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  test('the matrix covers every role, event type and stream owner, with both answers', () => {
    const types = new Set(combinations.map((combination) => combination.type));
    assert.deepEqual([...types].sort(), [...STREAM_KINDS.flatMap((kind) => EVENT_TYPES_BY_KIND[kind]), 'retracted'].sort());
    assert.ok(combinations.some((combination) => combination.kind === 'evidence' && combination.expected === 201) && combinations.some((combination) => combination.kind === 'evidence' && combination.expected === 403));
    assert.deepEqual([...new Set(combinations.map((combination) => combination.role))].sort(), Object.keys(server.policy.roles).sort());
    assert.ok(combinations.some((combination) => combination.expected === 201) && combinations.some((combination) => combination.expected === 403));
    for (const owner of ['TIM', 'OM', 'IND', 'DTV', OPERATOR]) assert.ok(combinations.some((combination) => combination.owner === owner), `streams owned by ${owner}`);
    const witnesses = combinations.filter((combination) => combination.kind === 'witness');
    assert.deepEqual([...new Set(witnesses.filter((combination) => combination.expected === 201).map((combination) => combination.role))].sort(), ['police', 'prosecutor'],
      'the case owners (police, prosecutor) write witnesses of a criminal case; the IND cannot name it');
    assert.ok(witnesses.some((combination) => combination.role === 'prosecutor' && combination.type === 'witness.protection-set' && combination.expected === 403), 'a measure is the police\'s');
  });

  for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor']) {
    test(`${role}: every write answers as the policy says, and reads nothing it could not read before`, async () => {
      const client = clients.get(role)!;
      const mine = combinations.filter((combination) => combination.role === role);
      assert.ok(mine.length > 0);
      // every person, the base cases, and the streams of this role's writes (the others' are alike)
      const tag = `-${role.replace(/[^a-z0-9]/g, '')}-`;
      const cases = [...caseStreams.keys()].filter((stream) => stream.includes('/BASE-') || stream.includes(tag));
      const items = [...new Set(load.values())].flat().map((event) => event.stream).filter((stream) => stream.startsWith('evidence/'));
      const watched = [...new Set([...persons.keys()].map((id) => `person/${id}`).concat(cases, items, mine.flatMap((combination) => (combination.creates ? [combination.creates] : []))))];
      const url = (stream: string) => (stream.startsWith('person/') ? `/api/persons/${stream.slice(7)}` : stream.startsWith('evidence/') ? `/api/evidence/${stream.slice(9)}` : stream.startsWith('witness/') ? `/api/witnesses/${stream.slice(8)}` : `/api/cases/${stream}`);
      const snapshot = async () => new Map(await Promise.all(watched.map(async (stream) => [stream, (await client.request('GET', url(stream))).statusCode] as const)));
      const before = await snapshot();
      const failures: string[] = [];
      for (const combination of mine) {
        const response = await client.request('POST', combination.url, combination.body, combination.headers);
        const where = combination.opens
          ? (combination.kind === 'evidence' ? `a new evidence item on a case of ${combination.owner}` : `a new ${combination.kind} stream naming ${combination.owner}'s person`)
          : `a ${combination.kind} stream of ${combination.owner}`;
        const label = `${role} ${combination.type} on ${where} (${combination.why})`;
        if (response.statusCode !== combination.expected) failures.push(`${label}: expected ${combination.expected}, got ${response.statusCode} ${response.body.slice(0, 300)}`);
        else if (combination.expected === 400 && response.json<{ code: string }>().code !== 'INVALID_EVENT') failures.push(`${label}: ${response.body.slice(0, 200)}`);
        else if (combination.expected === 403) {
          const problem = response.json<{ code: string; detail: string }>();
          if (problem.code !== 'FORBIDDEN' || !problem.detail.includes(`${role} (`)) failures.push(`${label}: ${response.body.slice(0, 200)}`);
        }
      }
      const after = await snapshot();
      const created = new Set(mine.flatMap((combination) => (combination.creates ? [combination.creates] : [])));
      for (const stream of watched) {
        if (before.get(stream) !== 200 && after.get(stream) === 200 && !created.has(stream)) failures.push(`${role} reads ${stream} after its writes, which it could not before (${before.get(stream)})`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
