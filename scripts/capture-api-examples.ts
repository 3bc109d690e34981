/**
 * `npm run capture:api-examples`: starts the demo (fictional persons only) in a temporary store, asks every operation
 * of the API once as the demo account of a role that may, and writes the answers, trimmed to a few rows per list,
 * to src/server/openapi-examples.json (src/server/openapi-examples.ts puts them into the OpenAPI document).
 * Run it after changing a route's answer; openapi-examples.test.ts says when that is needed.
 *
 * The calls run in order on one store: later calls use what earlier ones returned (a hit id, a token id), and the
 * writes (an event, a publication, an account) change only the temporary store.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_EXAMPLES_FILE, type ApiExamples } from '../src/server/openapi-examples.js';
import { BIN, spawnServer } from '../src/server/testing/server-process.js';

const PASSWORD = 'demo-imketen-2026';
type Role = 'tim' | 'om' | 'ind' | 'dtv' | 'ministerie' | 'beheer' | 'beheer2' | 'toezicht';
const ROLE_NAMES: Record<Role, string> = {
  tim: 'police (TIM)', om: 'prosecutor (OM)', ind: 'IND Unit 1F', dtv: 'DT&V', ministerie: 'ministry', beheer: 'administrator', beheer2: 'second administrator', toezicht: 'auditor',
};

/** What earlier answers told later calls. */
type Found = Record<string, string>;

interface Call {
  operationId: string;
  role: Role | 'nobody';
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string | ((found: Found) => string);
  body?: Record<string, unknown> | ((found: Found) => Record<string, unknown>);
  /** What to remember from the answer for later calls. */
  remember?: (answer: unknown, found: Found) => void;
  /** Raw body instead of JSON (a file upload). */
  raw?: { contentType: string; bytes: Buffer };
}

/** A date counted from today (YYYY-MM-DD): the server refuses planned dates in the past and decisions in the future. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const HEARING = { id: 'ev-voorbeeld-1', stream: 'criminal/SZ-2015-001', type: 'criminal.hearing-scheduled', date: daysFromToday(0), data: { date: daysFromToday(60), court: 'Rechtbank Den Haag' } };

const first = (answer: unknown, key = 'items') => ((answer as Record<string, unknown[]>)[key] ?? [])[0] as Record<string, unknown> | undefined;

const CALLS: Call[] = [
  { operationId: 'getLiveness', role: 'nobody', path: '/health' },
  { operationId: 'getReadiness', role: 'nobody', path: '/ready' },
  { operationId: 'getHealth', role: 'nobody', path: '/api/health' },
  { operationId: 'getSignInOptions', role: 'nobody', path: '/api/session/options' },
  { operationId: 'getPolicy', role: 'om', path: '/api/policy' },
  { operationId: 'getSession', role: 'om', path: '/api/session' },
  { operationId: 'listPersons', role: 'om', path: '/api/persons?limit=2' },
  { operationId: 'showPerson', role: 'om', path: '/api/persons/P-00001' },
  { operationId: 'listWithheld', role: 'om', path: '/api/persons/P-00001/withheld' },
  { operationId: 'listCases', role: 'om', path: '/api/cases?kind=criminal&limit=2' },
  { operationId: 'showCase', role: 'om', path: '/api/cases/criminal/SZ-2015-001' },
  { operationId: 'deriveCase', role: 'ind', path: '/api/cases/exclusion/IF-2015-001/derived' },
  { operationId: 'listAllowedEvents', role: 'om', path: '/api/cases/criminal/SZ-2015-001/allowed-events' },
  {
    operationId: 'appendEvents', role: 'om', method: 'POST', path: '/api/events',
    body: { events: [HEARING] },
    remember: (_answer, found) => { found.appended = 'ev-voorbeeld-1'; },
  },
  // The same event again: already present, nothing added (200).
  {
    operationId: 'appendEvents', role: 'om', method: 'POST', path: '/api/events',
    body: { events: [HEARING] },
  },
  {
    operationId: 'retractEvent', role: 'om', method: 'POST', path: '/api/retractions',
    body: (found) => ({ id: 'rt-voorbeeld-1', stream: 'criminal/SZ-2015-001', event: found.appended, date: daysFromToday(0), reason: 'Zitting dubbel ingevoerd.' }),
  },
  {
    operationId: 'retractEvent', role: 'om', method: 'POST', path: '/api/retractions',
    body: (found) => ({ id: 'rt-voorbeeld-1', stream: 'criminal/SZ-2015-001', event: found.appended, date: daysFromToday(0), reason: 'Zitting dubbel ingevoerd.' }),
  },
  { operationId: 'computeReport', role: 'ministerie', path: '/api/reports/2025' },
  { operationId: 'explainFigure', role: 'om', path: '/api/reports/2025/explain/criminal-investigations.appeal' },
  { operationId: 'reportTrends', role: 'ministerie', path: '/api/reports/trends' },
  { operationId: 'viewReport', role: 'ministerie', path: '/api/reports/2025/view' },
  { operationId: 'publishReport', role: 'ministerie', method: 'POST', path: '/api/reports/2025/publication', body: {} },
  { operationId: 'diffReport', role: 'ministerie', path: '/api/reports/2025/diff' },
  { operationId: 'listJobs', role: 'beheer', path: '/api/jobs' },
  { operationId: 'listAccounts', role: 'beheer', path: '/api/accounts?limit=2' },
  {
    operationId: 'createAccount', role: 'beheer', method: 'POST', path: '/api/accounts',
    body: { username: 'nieuw.demo', displayName: 'Nieuwe Medewerker (fictief)', role: 'ministry', password: 'een lang genoeg wachtwoord' },
    remember: (answer, found) => { found.account = String((answer as { id?: number; account?: { id: number } }).id ?? (answer as { account?: { id: number } }).account?.id); },
  },
  // A role that reads case data waits for a second administrator (202).
  {
    operationId: 'createAccount', role: 'beheer', method: 'POST', path: '/api/accounts',
    body: { username: 'rechercheur.demo', displayName: 'Nieuwe Rechercheur (fictief)', role: 'police', password: 'een lang genoeg wachtwoord' },
  },
  { operationId: 'updateAccount', role: 'beheer', method: 'PATCH', path: (found) => `/api/accounts/${found.account}`, body: { disabled: true } },
  { operationId: 'updateAccount', role: 'beheer', method: 'PATCH', path: (found) => `/api/accounts/${found.account}`, body: { role: 'prosecutor' } },
  { operationId: 'listApiTokens', role: 'beheer', path: '/api/tokens' },
  {
    operationId: 'issueApiToken', role: 'beheer', method: 'POST', path: '/api/tokens', body: { name: 'rapportage-koppeling', role: 'ministry' },
    remember: (answer, found) => { found.token = String((answer as { apiToken: { id: number } }).apiToken.id); },
  },
  { operationId: 'issueApiToken', role: 'beheer', method: 'POST', path: '/api/tokens', body: { name: 'recherche-koppeling', role: 'police' } },
  { operationId: 'revokeApiToken', role: 'beheer', method: 'DELETE', path: (found) => `/api/tokens/${found.token}` },
  {
    operationId: 'listApprovals', role: 'beheer2', path: '/api/approvals',
    remember: (answer, found) => { found.approval = String(first(answer)?.id); },
  },
  { operationId: 'decideApproval', role: 'beheer2', method: 'POST', path: (found) => `/api/approvals/${found.approval}`, body: { decision: 'approve' } },
  {
    operationId: 'registerAuthorisation', role: 'om', method: 'POST', path: '/api/authorisations',
    body: () => ({ decisionReference: 'RC-2026-0412 (fictief)', court: 'Rechtbank Den Haag', personId: 'P-00001', criminalCase: 'SZ-2023-001', exclusionCase: 'IF-2026-901', validFrom: daysFromToday(0), validUntil: daysFromToday(90) }),
  },
  { operationId: 'listAuthorisations', role: 'om', path: '/api/authorisations' },
  { operationId: 'listSharedInformation', role: 'ind', path: '/api/shared-information?person=P-00084' },
  { operationId: 'listAccesses', role: 'toezicht', path: '/api/access-log?limit=2' },
  { operationId: 'countPhases', role: 'om', path: '/api/overview/phases?kind=criminal' },
  { operationId: 'countSituations', role: 'om', path: '/api/overview/situations' },
  { operationId: 'listHearings', role: 'om', path: '/api/overview/hearings' },
  { operationId: 'listVictims', role: 'om', path: '/api/overview/victims' },
  { operationId: 'listArticle3Reassessment', role: 'dtv', path: '/api/overview/article3-reassessment' },
  { operationId: 'listExclusionDecisions', role: 'ind', path: '/api/overview/exclusion-decisions?year=2023' },
  { operationId: 'listWatchlists', role: 'tim', path: '/api/watchlists' },
  {
    operationId: 'importWatchlist', role: 'tim', method: 'POST', path: '/api/watchlists/voorbeeldlijst/versions',
    body: { format: 'jsonl', files: [{ name: 'voorbeeldlijst.jsonl', content: '{"id":"VB-1","names":["Youssef Halaby"],"birthDate":"1971"}\n' }] },
  },
  { operationId: 'screenNames', role: 'tim', method: 'POST', path: '/api/watchlists/voorbeeldlijst/screening', body: { queries: [{ id: 'q1', name: 'Yusuf al-Halabi' }] } },
  { operationId: 'screenPerson', role: 'tim', method: 'POST', path: '/api/persons/P-00001/screening', body: { list: 'voorbeeldlijst' } },
  { operationId: 'screenGroup', role: 'tim', method: 'POST', path: '/api/screening/runs', body: { list: 'voorbeeldlijst', kind: 'criminal' } },
  {
    operationId: 'listHits', role: 'tim', path: '/api/screening/hits?limit=2',
    remember: (answer, found) => { const hit = first(answer); found.hit = String(hit?.id); found.hitPerson = String(hit?.personId); },
  },
  { operationId: 'reviewHit', role: 'tim', method: 'POST', path: (found) => `/api/persons/${found.hitPerson}/hits/${found.hit}/reviews`, body: { decision: 'confirmed', reason: 'Geboortedatum en nationaliteit komen overeen (fictief).' } },
  { operationId: 'listCrossReferences', role: 'tim', path: '/api/persons/P-00001/cross-references' },
  { operationId: 'searchPersons', role: 'tim', path: '/api/matching/persons?name=Yusuf%20Halabi&limit=2' },
  { operationId: 'listRetentionDue', role: 'ind', path: '/api/retention/due?partner=ind&on=2040-01-01' },
  { operationId: 'listCaseEvidence', role: 'om', path: '/api/cases/criminal/SZ-2023-003/evidence' },
  { operationId: 'showEvidence', role: 'om', path: '/api/evidence/BW-OOM-01' },
  { operationId: 'findNearDuplicates', role: 'om', path: '/api/evidence/BW-OOM-01/near-duplicates' },
  {
    operationId: 'uploadEvidenceFile', role: 'om', method: 'POST', path: '/api/evidence/BW-OOM-01/files?fileName=notitie.txt',
    raw: { contentType: 'application/octet-stream', bytes: Buffer.from('Fictieve notitie bij het bewijsstuk.\n') },
  },
  { operationId: 'listCaseWitnesses', role: 'om', path: '/api/cases/criminal/SZ-2020-002/witnesses' },
  { operationId: 'showWitness', role: 'om', path: '/api/witnesses/GT-002' },
  { operationId: 'listWitnessesAtRisk', role: 'om', path: '/api/witnesses/at-risk?country=SYR' },
  { operationId: 'listPotentialWitnesses', role: 'tim', path: '/api/witnesses/potential' },
  { operationId: 'showProofMatrix', role: 'om', path: '/api/cases/criminal/SZ-2023-003/proof' },
  { operationId: 'listEvidenceAtRisk', role: 'om', path: '/api/evidence-at-risk?kind=criminal' },
  { operationId: 'listCaseElements', role: 'om', path: '/api/cases/criminal/SZ-2023-003/elements' },
  { operationId: 'listWatchlistChanges', role: 'tim', path: '/api/watchlists/demo-signaleringen/versions/1/changes' },
  { operationId: 'exportDataSubject', role: 'om', path: '/api/persons/P-00001/subject-access' },
  // the task inbox: a task of the prosecutor's, assigned to a colleague, done, and reopened
  { operationId: 'listInbox', role: 'om', path: '/api/inbox', remember: (answer, found) => { found.task = String(first(answer)?.key); } },
  { operationId: 'assignTask', role: 'om', method: 'POST', path: '/api/inbox/tasks/assignments', body: (found) => ({ task: found.task!, assignee: 'om2.demo' }) },
  { operationId: 'completeTask', role: 'om', method: 'POST', path: '/api/inbox/tasks/completions', body: (found) => ({ task: found.task!, note: 'Besproken met de zaaksofficier (fictief).' }) },
  { operationId: 'reopenTask', role: 'om', method: 'POST', path: '/api/inbox/tasks/reopenings', body: (found) => ({ task: found.task!, reason: 'Toch nog niet afgerond.' }) },
  { operationId: 'getNotificationPreferences', role: 'om', path: '/api/me/notification-preferences' },
  {
    operationId: 'updateNotificationPreferences', role: 'om', method: 'PUT', path: '/api/me/notification-preferences',
    body: { enabled: true, frequency: 'daily', kinds: ['victim-information', 'hearing'], language: 'nl', email: 'om.demo@example.org' },
  },
  { operationId: 'listVocabularies', role: 'om', path: '/api/vocabularies' },
  { operationId: 'updateVocabularyEntry', role: 'beheer', method: 'PUT', path: '/api/vocabularies/courts/rb-voorbeeld', body: { labelNl: 'Rechtbank Voorbeeld (fictief)', labelEn: 'Example District Court (fictional)', active: true } },
  // erasure: what is due, a dry run, a request, a second administrator's approval, the execution
  {
    operationId: 'listErasureDue', role: 'beheer', path: '/api/retention/erasure/due?partner=ind&on=2040-01-01',
    remember: (answer, found) => {
      const due = ((answer as { entries: { stream: string; rule: string; status: string }[] }).entries).find((entry) => entry.status === 'due');
      found.erasureStream = String(due?.stream); found.erasureRule = String(due?.rule);
    },
  },
  { operationId: 'planErasure', role: 'beheer', method: 'POST', path: '/api/retention/erasure/dry-run', body: (found) => ({ streams: [found.erasureStream!], rule: found.erasureRule!, legalGround: 'Bewaartermijn verstreken (fictief voorbeeld).' }) },
  {
    operationId: 'requestErasure', role: 'beheer', method: 'POST', path: '/api/retention/erasure/requests', body: (found) => ({ streams: [found.erasureStream!], rule: found.erasureRule!, legalGround: 'Bewaartermijn verstreken (fictief voorbeeld).' }),
    remember: (answer, found) => { found.erasure = String((answer as { request: { id: number } }).request.id); },
  },
  { operationId: 'listErasureRequests', role: 'beheer2', path: '/api/retention/erasure/requests' },
  { operationId: 'decideErasure', role: 'beheer2', method: 'POST', path: (found) => `/api/retention/erasure/requests/${found.erasure}/decision`, body: { decision: 'approve' } },
  { operationId: 'executeErasure', role: 'beheer2', method: 'POST', path: (found) => `/api/retention/erasure/requests/${found.erasure}/execution` },
  { operationId: 'signIn', role: 'nobody', method: 'POST', path: '/api/session', body: { username: 'om.demo', password: PASSWORD } },
  // Last: the ministry's demo account chooses a new password (its session stays signed in; no later call signs in as it).
  { operationId: 'updateOwnPassword', role: 'ministerie', method: 'POST', path: '/api/session/password', body: { currentPassword: PASSWORD, newPassword: 'een-nieuw-wachtwoord-2026' } },
];

/** Secrets a capture sees (a new API token, a session's CSRF token): the document shows their form, never their value. */
const SECRETS: Record<string, string> = { token: 'imk_voorbeeld-geen-echt-token', csrfToken: 'voorbeeld-csrf-token' };

/** At most three rows of any list, at any depth (an example shows the shape, not the demo), and no secrets. */
function trimmed(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 3).map(trimmed);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, typeof child === 'string' && key in SECRETS ? SECRETS[key] : trimmed(child)]));
}

class Sessions {
  private readonly cookies = new Map<Role, { cookie: string; csrf: string }>();
  constructor(private readonly base: string) {}

  async headersFor(role: Role | 'nobody'): Promise<Record<string, string>> {
    if (role === 'nobody') return {};
    let session = this.cookies.get(role);
    if (!session) {
      const response = await fetch(`${this.base}/api/session`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `${role}.demo`, password: PASSWORD }),
      });
      if (!response.ok) throw new Error(`signing in as ${role}.demo: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!;
      session = { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
      this.cookies.set(role, session);
    }
    return { cookie: session.cookie, 'x-csrf-token': session.csrf };
  }
}

async function capture(base: string): Promise<ApiExamples> {
  const sessions = new Sessions(base);
  const found: Found = {};
  const examples: ApiExamples = {};
  const failures: string[] = [];
  for (const call of CALLS) {
    const method = call.method ?? 'GET';
    const path = typeof call.path === 'function' ? call.path(found) : call.path;
    const body = typeof call.body === 'function' ? call.body(found) : call.body;
    const headers = await sessions.headersFor(call.role);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(call.raw ? { 'content-type': call.raw.contentType } : body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: call.raw ? call.raw.bytes : body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      failures.push(`${call.operationId}: ${method} ${path} as ${call.role} answered ${response.status}: ${text.slice(0, 400)}`);
      continue;
    }
    // Files (a PDF, a ZIP, JSON lines) are not shown as examples: only JSON answers are.
    const answer = text && response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) as unknown : undefined;
    call.remember?.(answer, found);
    const who = call.role === 'nobody' ? 'without signing in' : `as the demo's ${ROLE_NAMES[call.role]}`;
    // An operation asked twice (201, then 200 for the same again; 201, then 202 waiting for approval) keeps its first request.
    const example = examples[call.operationId] ??= {
      summary: `${method} ${path.split('?')[0]} ${who} (fictional demo data)`,
      ...(body !== undefined ? { request: body } : {}),
      responses: {},
    };
    if (answer !== undefined) example.responses[String(response.status)] = trimmed(answer);
    process.stderr.write(`${response.status} ${call.operationId}\n`);
  }
  if (failures.length > 0) throw new Error(`${failures.length} calls failed; nothing was written:\n${failures.join('\n')}`);
  return examples;
}

/**
 * What the demo lacks for some calls, imported as the operator beside the running server: a suspect of an open
 * criminal case (SZ-2023-001) with a 1F file of his own, which a judge's authorisation must name.
 */
const SETUP_EVENTS = [
  { id: 'ev-voorbeeld-1f', stream: 'exclusion/IF-2026-901', type: 'exclusion.opened', date: daysFromToday(-30), data: { person: 'P-00001', trigger: 'asylum application' } },
];

function importSetup(dataDir: string): void {
  const file = join(dataDir, 'voorbeeld-setup.jsonl');
  writeFileSync(file, SETUP_EVENTS.map((event) => JSON.stringify(event)).join('\n') + '\n');
  execFileSync(process.execPath, [BIN, '--data-dir', dataDir, 'import', file], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const dataDir = mkdtempSync(join(tmpdir(), 'imketen-api-examples-'));
const server = await spawnServer('start', { IMKETEN_DATA_DIR: dataDir });
try {
  importSetup(dataDir);
  const examples = await capture(server.url);
  const sorted = Object.fromEntries(Object.entries(examples).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(API_EXAMPLES_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(sorted).length} operations' examples to ${API_EXAMPLES_FILE}\n`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
