/**
 * The role × endpoint matrix, generated from the policy: every role (and nobody) calls every registered endpoint
 * and gets exactly what config/policy.json says — allowed, or 403 with the reason (401 for nobody). An endpoint
 * without a sample here, or without a policy action, fails the test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issueToken } from '../accounts/api-tokens.js';
import { importEvents } from '../import/import-events.js';
import { objectSource } from '../import/sources.js';
import { checkPolicy, loadPolicy, type Policy } from '../policy/policy.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { buildServer } from './build-server.js';
import { testServerConfig } from './config.js';
import { loadFixture, newEventOfKind, RETRACTABLE } from './testing/fixture.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

const STREAM_KINDS = ['person', 'criminal', 'extradition', 'exclusion', 'departure', 'intake', 'mla'] as const;
const CASE_SAMPLES: Record<string, string> = {
  criminal: 'SZ-1', extradition: 'EX-1', exclusion: 'IF-1', departure: 'VT-1', intake: 'IN-1', mla: 'RH-1',
};
/** Fixture facts the conditions depend on (see testing/fixture.ts). */
const PERSON_NAMED_IN: Record<string, string[]> = { 'P-S': ['criminal', 'intake', 'extradition', 'exclusion'], 'P-X': ['exclusion', 'departure'] };
const HAS_DEPARTURE_DOSSIER: Record<string, boolean> = { 'exclusion/IF-1': true };
/** An evidence item of the criminal case SZ-1, imported by this test (the shared fixture has no evidence). */
const EVIDENCE_ITEM = { id: 'f-ev1', stream: 'evidence/BW-M', type: 'evidence.registered', date: '2024-02-01', recordedAt: '2026-01-10T09:00:00.000Z', data: {
  criminalCases: ['SZ-1'], kind: 'photo', title: 'Matrix photo', source: { type: 'witness' }, acquired: { date: '2024-02-01', by: 'TIM', method: 'handover' },
} };
const EVIDENCE_CASES: Record<string, string[]> = { 'evidence/BW-M': ['criminal'] };
const NO_SUCH_FILE = '0'.repeat(64);
/** A witness of the criminal case SZ-1 (named, no registry person), imported by this test. */
const WITNESS = { id: 'f-w1', stream: 'witness/WM-1', type: 'witness.registered', date: '2024-02-01', recordedAt: '2026-01-10T09:00:00.000Z', data: { criminalCase: 'SZ-1', name: 'Matrix Getuige', pseudonym: 'M-1' } };
const WITNESS_CASES: Record<string, string> = { 'witness/WM-1': 'criminal' };

interface Sample {
  url: string;
  /** The kind of data the request touches (what the policy grants are keyed by). */
  kind?: string;
  /** For a person or stream read: which person (for conditions). */
  person?: string;
  stream?: string;
  body?: (role: string) => unknown;
  /** Statuses that mean "allowed" (default 200/201). */
  ok?: number[];
  /** Needs its own session (it ends it). */
  fresh?: boolean;
}

function samplesFor(route: { method: string; url: string }, tokenId: number): Sample[] {
  const key = `${route.method} ${route.url}`;
  if (route.url.startsWith('/api/docs')) return [{ url: route.url.replace('*', 'index.html').replace(/:(\w+)/g, 'x'), ok: [200, 302, 404] }];
  switch (key) {
    case 'GET /api/health': return [{ url: '/api/health' }];
    case 'GET /api/openapi.json': return [{ url: '/api/openapi.json' }];
    case 'GET /api/policy': return [{ url: '/api/policy' }];
    case 'POST /api/session': return [{ url: '/api/session', fresh: true, body: (role) => ({ username: `nobody.${role}`, password: 'wrong password' }), ok: [401] }];
    case 'GET /api/session': return [{ url: '/api/session' }];
    case 'DELETE /api/session': return [{ url: '/api/session', fresh: true, ok: [204] }];
    // allowed to every signed-in role; the wrong current password is refused after the policy let it through (400)
    case 'POST /api/session/password': return [{ url: '/api/session/password', body: () => ({ currentPassword: 'not the password', newPassword: 'matrix new password 2026' }), ok: [400] }];
    case 'GET /api/auth/oidc/login': return [{ url: '/api/auth/oidc/login', ok: [404] }];
    case 'GET /api/auth/oidc/callback': return [{ url: '/api/auth/oidc/callback?code=x&state=y', ok: [404] }];
    case 'GET /api/persons': return [{ url: '/api/persons?limit=5', kind: 'person' }];
    case 'GET /api/persons/:id': return ['P-S', 'P-X'].map((person) => ({ url: `/api/persons/${person}`, kind: 'person', person }));
    case 'GET /api/cases': return Object.keys(CASE_SAMPLES).map((kind) => ({ url: `/api/cases?kind=${kind}&date=2025-12-31`, kind }));
    case 'GET /api/cases/:kind/:id': return Object.entries(CASE_SAMPLES).map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}`, kind, stream: `${kind}/${id}` }));
    case 'POST /api/events': return STREAM_KINDS.map((kind) => ({ url: '/api/events', kind, body: (role: string) => ({ events: [newEventOfKind(kind, role.replace(/[^a-z0-9]/g, ''))] }) }));
    case 'POST /api/retractions': return STREAM_KINDS.map((kind) => ({
      url: '/api/retractions', kind, body: () => ({ ...RETRACTABLE[kind]!, reason: 'entered in error', id: `rt-${kind}`, date: '2026-06-15' }),
    }));
    case 'GET /api/export': return [{ url: '/api/export?limit=10', kind: 'export-any' }, { url: '/api/export?stream=criminal/SZ-1', kind: 'criminal' }];
    case 'GET /api/reports/:year': return [{ url: '/api/reports/2025', kind: 'report' }];
    case 'GET /api/reports/:year/formats/:format': return [{ url: '/api/reports/2025/formats/csv', kind: 'report' }];
    case 'GET /api/reports/:year/explain/:row': return [
      ['criminal-investigations.appeal', 'criminal'], ['extraditions.refused', 'extradition'], ['exclusion-decisions.applied', 'exclusion'],
      ['departure-dossiers.total', 'departure'], ['departures.forced', 'departure'],
    ].map(([row, kind]) => ({ url: `/api/reports/2025/explain/${row}`, kind }));
    case 'POST /api/reports/:year/publication': return [{ url: '/api/reports/2025/publication', kind: 'report', body: () => ({}) }];
    case 'GET /api/reports/:year/diff': return [{ url: '/api/reports/2025/diff', kind: 'report', ok: [200, 404] }];
    case 'GET /api/jobs': return [{ url: '/api/jobs', kind: 'jobs' }];
    // Every signed-in person's own digest preferences (routes/notification-preferences.ts).
    case 'GET /api/me/notification-preferences': return [{ url: '/api/me/notification-preferences' }];
    case 'PUT /api/me/notification-preferences': return [{ url: '/api/me/notification-preferences', body: () => ({ enabled: false, frequency: 'weekly', kinds: ['screening-hit'], language: 'en', email: null }) }];
    case 'GET /api/accounts': return [{ url: '/api/accounts', kind: 'accounts' }];
    // A police account or token waits for a second administrator (202; separation-of-duties.test.ts).
    case 'POST /api/accounts': return [{ url: '/api/accounts', kind: 'accounts', body: (role) => ({ username: `new.${role}`, displayName: 'New', role: 'police', password: 'a long enough password' }), ok: [202] }];
    case 'PATCH /api/accounts/:id': return [{ url: '/api/accounts/1', kind: 'accounts', body: () => ({ unlock: true }) }];
    case 'GET /api/tokens': return [{ url: '/api/tokens', kind: 'tokens' }];
    case 'POST /api/tokens': return [{ url: '/api/tokens', kind: 'tokens', body: (role) => ({ name: `partner-${role}`, role: 'police' }), ok: [202] }];
    case 'GET /api/approvals': return [{ url: '/api/approvals', kind: 'accounts' }];
    case 'POST /api/approvals/:id': return [{ url: '/api/approvals/999999', kind: 'accounts', body: () => ({ decision: 'approve' }), ok: [404] }];
    case 'DELETE /api/tokens/:id': return [{ url: `/api/tokens/${tokenId}`, kind: 'tokens' }];
    case 'POST /api/authorisations': return [{ url: '/api/authorisations', kind: 'authorisations', body: (role) => ({
      decisionReference: `RC matrix ${role}`, court: 'Rechtbank Den Haag', personId: 'P-S', criminalCase: 'SZ-1', exclusionCase: 'IF-S', validFrom: '2026-06-15', validUntil: '2026-07-31',
    }) }];
    case 'GET /api/authorisations': return [{ url: '/api/authorisations', kind: 'authorisations' }];
    case 'GET /api/shared-information': return [{ url: '/api/shared-information?person=P-X', kind: 'exclusion' }];
    case 'GET /api/retention/due': return ['tim', 'om', 'ind', 'dtv'].map((partner) => ({ url: `/api/retention/due?partner=${partner}&on=2040-01-01`, kind: `retention:${partner}` }));
    // erasure (routes/erasure.ts): the administrator's; a request is made (201), decisions and executions of a request that does not exist (404)
    case 'GET /api/retention/erasure/due': return [{ url: '/api/retention/erasure/due?on=2040-01-01', kind: 'retention-erasure' }];
    case 'POST /api/retention/erasure/dry-run': return [{ url: '/api/retention/erasure/dry-run', kind: 'retention-erasure', body: () => ({ streams: ['criminal/SZ-R'], rule: 'tim-criminal-investigation', legalGround: 'matrix' }) }];
    case 'GET /api/retention/erasure/requests': return [{ url: '/api/retention/erasure/requests', kind: 'retention-erasure' }];
    case 'POST /api/retention/erasure/requests': return [{ url: '/api/retention/erasure/requests', kind: 'retention-erasure', body: () => ({ streams: ['criminal/SZ-R'], rule: 'tim-criminal-investigation', legalGround: 'matrix' }), ok: [201] }];
    case 'POST /api/retention/erasure/requests/:id/decision': return [{ url: '/api/retention/erasure/requests/999999/decision', kind: 'retention-erasure', body: () => ({ decision: 'approve' }), ok: [404] }];
    case 'POST /api/retention/erasure/requests/:id/execution': return [{ url: '/api/retention/erasure/requests/999999/execution', kind: 'retention-erasure', body: () => ({}), ok: [404] }];
    case 'GET /api/access-log': return [{ url: '/api/access-log?user=police', kind: 'access-log' }];
    // The web app's views (routes/overview.ts, routes/registry.ts, routes/reports.ts): each reuses the action of the data it shows.
    case 'GET /api/session/options': return [{ url: '/api/session/options' }];
    case 'GET /api/overview/phases': return Object.keys(CASE_SAMPLES).map((kind) => ({ url: `/api/overview/phases?kind=${kind}`, kind }));
    case 'GET /api/overview/situations': return [{ url: '/api/overview/situations', kind: 'criminal' }];
    case 'GET /api/overview/hearings': return [{ url: '/api/overview/hearings', kind: 'criminal' }];
    case 'GET /api/overview/victims': return [{ url: '/api/overview/victims', kind: 'criminal' }];
    case 'GET /api/overview/article3-reassessment': return [{ url: '/api/overview/article3-reassessment', kind: 'departure' }];
    // the task inbox (routes/inbox.ts): for every signed-in user; a task is written only for one in the caller's own
    // inbox, so an allowed write on a task the fixture does not hold ends in 404 after the policy let it through
    case 'GET /api/inbox': return [{ url: '/api/inbox' }];
    case 'POST /api/inbox/tasks/assignments': return [{ url: route.url, kind: 'task', body: () => ({ task: 'hearing:criminal/SZ-1:2026-09-01', assignee: 'nobody' }), ok: [404] }];
    case 'POST /api/inbox/tasks/completions':
    case 'POST /api/inbox/tasks/reopenings': return [{ url: route.url, kind: 'task', body: () => ({ task: 'hearing:criminal/SZ-1:2026-09-01' }), ok: [404] }];
    case 'GET /api/overview/exclusion-decisions': return [{ url: '/api/overview/exclusion-decisions?year=2023', kind: 'exclusion' }];
    case 'GET /api/cases/:kind/:id/derived':
    case 'GET /api/cases/:kind/:id/allowed-events': return [
      ...Object.entries(CASE_SAMPLES).map(([kind, id]) => ({ url: `${route.url.replace(':kind', kind).replace(':id', id)}`, kind, stream: `${kind}/${id}` })),
      { url: '/api/cases/evidence/BW-M/allowed-events', kind: 'evidence', stream: 'evidence/BW-M' },
      { url: '/api/cases/witness/WM-1/allowed-events', kind: 'witness', stream: 'witness/WM-1' },
    ];
    case 'GET /api/persons/:id/subject-access': return ['P-S', 'P-X'].flatMap((person) => [
      { url: `/api/persons/${person}/subject-access`, kind: 'person', person }, { url: `/api/persons/${person}/subject-access?format=pdf`, kind: 'person', person },
    ]);
    case 'GET /api/persons/:id/withheld': return ['P-S', 'P-X'].map((person) => ({ url: `/api/persons/${person}/withheld`, kind: 'person', person }));
    case 'GET /api/reports/trends': return [{ url: '/api/reports/trends', kind: 'report' }];
    case 'GET /api/reports/:year/view': return [{ url: '/api/reports/2025/view', kind: 'report' }];
    case 'GET /api/reports/:year/pdf': return [{ url: '/api/reports/2025/pdf', kind: 'report' }];
    // screening: the fixture has no watchlist and no hit, so an allowed call finds none (404) after the policy let it through
    case 'GET /api/watchlists': return [{ url: '/api/watchlists', kind: 'watchlist' }];
    case 'POST /api/watchlists/:name/versions': return [{ url: '/api/watchlists/matrix-list/versions', kind: 'watchlist', body: () => ({ files: [{ name: 'matrix.jsonl', content: '{"id":"m1","names":["Matrix Person"]}\n' }], format: 'jsonl' }) }];
    case 'GET /api/watchlists/:name/versions/:version/changes': return [{ url: '/api/watchlists/none/versions/1/changes', kind: 'watchlist', ok: [404] }];
    case 'GET /api/vocabularies': return [{ url: '/api/vocabularies', kind: 'vocabulary' }];
    case 'PUT /api/vocabularies/:vocabulary/:code': return [{ url: '/api/vocabularies/courts/matrix-court', kind: 'vocabulary', body: () => ({ labelNl: 'Matrixrechtbank', labelEn: 'Matrix Court', active: true }) }];
    case 'POST /api/watchlists/:name/screening': return [{ url: '/api/watchlists/none/screening', kind: 'watchlist', body: () => ({ queries: [{ id: 'q1', name: 'Sami Suspect' }] }), ok: [404] }];
    case 'POST /api/persons/:id/screening': return ['P-S', 'P-X'].map((person) => ({ url: `/api/persons/${person}/screening`, kind: 'person', person, body: () => ({ list: 'none' }), ok: [404] }));
    case 'POST /api/screening/runs': return Object.keys(CASE_SAMPLES).map((kind) => ({ url: '/api/screening/runs', kind, body: () => ({ list: 'none', kind }), ok: [404] }));
    case 'GET /api/screening/hits': return [{ url: '/api/screening/hits', kind: 'person' }];
    case 'POST /api/persons/:id/hits/:hit/reviews': return ['P-S', 'P-X'].map((person) => ({ url: `/api/persons/${person}/hits/999999/reviews`, kind: 'person', person, body: () => ({ decision: 'rejected', reason: 'matrix' }), ok: [404] }));
    case 'GET /api/persons/:id/cross-references': return ['P-S', 'P-X'].map((person) => ({ url: `/api/persons/${person}/cross-references`, kind: 'person', person }));
    case 'GET /api/matching/persons': return [{ url: '/api/matching/persons?name=Sami', kind: 'person' }];
    // evidence (routes/evidence.ts): the test server has no file store, so an allowed file request ends in 503
    case 'GET /api/cases/:kind/:id/evidence': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/evidence`, kind }));
    case 'GET /api/cases/:kind/:id/evidence-bundle': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/evidence-bundle`, kind }));
    case 'POST /api/cases/:kind/:id/evidence-captures': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/evidence-captures`, kind, body: () => ({ url: 'http://169.254.169.254/latest/meta-data/' }), ok: [400] }));
    case 'GET /api/evidence/:id': return [{ url: '/api/evidence/BW-M', kind: 'evidence', stream: 'evidence/BW-M' }];
    case 'GET /api/evidence/:id/near-duplicates': return [{ url: '/api/evidence/BW-M/near-duplicates', kind: 'evidence', stream: 'evidence/BW-M' }];
    case 'GET /api/evidence/:id/files/:sha256': return [{ url: `/api/evidence/BW-M/files/${NO_SUCH_FILE}`, kind: 'evidence', stream: 'evidence/BW-M', ok: [404, 503] }];
    case 'POST /api/evidence/:id/files': return [{ url: '/api/evidence/BW-M/files?fileName=matrix.png', kind: 'evidence', stream: 'evidence/BW-M', body: () => ({}), ok: [415, 503] }];
    // witnesses (routes/witnesses.ts): the lists over every case are granted per case kind, like an export
    case 'GET /api/cases/:kind/:id/witnesses': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/witnesses`, kind }));
    case 'GET /api/witnesses/:id': return [{ url: '/api/witnesses/WM-1', kind: 'witness', stream: 'witness/WM-1' }];
    case 'GET /api/witnesses/at-risk': return [{ url: '/api/witnesses/at-risk?country=SYR', kind: 'export-any' }];
    case 'GET /api/witnesses/potential': return [{ url: '/api/witnesses/potential', kind: 'export-any' }];
    // what each case rests on (routes/proof.ts)
    case 'GET /api/cases/:kind/:id/elements': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/elements`, kind, stream: `${kind}/${id}` }));
    case 'GET /api/cases/:kind/:id/proof': return [['criminal', 'SZ-1'], ['exclusion', 'IF-1']].map(([kind, id]) => ({ url: `/api/cases/${kind}/${id}/proof`, kind, stream: `${kind}/${id}` }));
    case 'GET /api/evidence-at-risk': return ['criminal', 'exclusion'].map((kind) => ({ url: `/api/evidence-at-risk?kind=${kind}`, kind }));
    default: return [];
  }
}

/** What the policy file says, read as data (not through authorize): allowed, 401 or 403. */
function expected(policy: Policy, role: string | undefined, action: string, sample: Sample): 'allowed' | 401 | 403 {
  const definition = policy.actions[action]!;
  if (definition.public) return 'allowed';
  if (!role) return 401;
  if (definition.authenticated) return 'allowed';
  const grants = definition.grants?.[role] ?? [];
  if (sample.kind === 'export-any') return grants.some((grant) => !grant.condition) ? 'allowed' : 403;
  const readable = (policy.actions['stream.read']!.grants?.[role] ?? []).filter((grant) => !grant.condition).flatMap((grant) => grant.kinds).filter((kind) => kind !== 'person');
  for (const grant of grants.filter((candidate) => sample.kind !== undefined && candidate.kinds.includes(sample.kind))) {
    if (!grant.condition) return 'allowed';
    if (grant.condition === 'person-named-in-readable-case' && sample.person && PERSON_NAMED_IN[sample.person]!.some((kind) => readable.includes(kind))) return 'allowed';
    if (grant.condition === 'person-in-own-departure-dossier' && sample.stream && HAS_DEPARTURE_DOSSIER[sample.stream]) return 'allowed';
    if (grant.condition === 'evidence-of-readable-case' && sample.stream && EVIDENCE_CASES[sample.stream]!.some((kind) => readable.includes(kind))) return 'allowed';
    if (grant.condition === 'witness-of-readable-case' && sample.stream && readable.includes(WITNESS_CASES[sample.stream]!)) return 'allowed';
  }
  // Sharing regimes need a judge's authorisation or the bill: the fixture has neither (see r3.test.ts).
  return 403;
}

describe('role × endpoint matrix (from config/policy.json)', () => {
  let server: TestServer;
  let tokenId: number;
  const clients = new Map<string, Client>();

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
    await importEvents(server.store.db, [objectSource('matrix-evidence', [EVIDENCE_ITEM, WITNESS])], { now: () => new Date('2026-01-10T10:00:00.000Z') });
    tokenId = (await issueToken(server.store.db, server.policy, { name: 'to-revoke', role: 'dtv' }, undefined, server.clock.now)).apiToken.id;
    for (const role of Object.keys(server.policy.roles)) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  test('every registered endpoint has a policy action and a matrix sample', () => {
    const missing = server.app.imketenRoutes.filter((route) => samplesFor(route, 1).length === 0);
    assert.deepEqual(missing, [], 'endpoints without a matrix sample: add one here, and an action in config/policy.json');
    for (const route of server.app.imketenRoutes) assert.ok(server.policy.actions[route.action], `${route.method} ${route.url}: action ${route.action} not in the policy`);
  });

  for (const role of [undefined, 'police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor']) {
    test(`${role ?? 'nobody (not signed in)'} gets exactly what the policy says on every endpoint`, async () => {
      assert.ok(role === undefined || server.policy.roles[role], `role ${role} is in the policy`);
      const failures: string[] = [];
      for (const route of server.app.imketenRoutes) {
        for (const sample of samplesFor(route, tokenId)) {
          const client = role === undefined ? server.anonymous : sample.fresh ? await server.signIn(role) : clients.get(role)!;
          const response = await client.request(route.method, sample.url, sample.body?.(role ?? 'anonymous'));
          const want = expected(server.policy, role, route.action, sample);
          const label = `${route.method} ${sample.url} [${route.action}${sample.kind ? ` ${sample.kind}` : ''}]`;
          if (want === 'allowed') {
            const okStatuses = sample.ok ?? [200, 201];
            if (!okStatuses.includes(response.statusCode)) failures.push(`${label}: expected ${okStatuses.join('/')} but got ${response.statusCode} ${response.body.slice(0, 300)}`);
          } else if (response.statusCode !== want) {
            failures.push(`${label}: expected ${want} but got ${response.statusCode} ${response.body.slice(0, 300)}`);
          } else {
            const problem = response.json<{ code: string; detail: string; allowingBases?: string[] }>();
            assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
            if (want === 403) {
              assert.equal(problem.code, 'FORBIDDEN', label);
              assert.ok(problem.detail.includes(`${role} (`), `${label}: the reason names the role: ${problem.detail}`);
              assert.ok(Array.isArray(problem.allowingBases), `${label}: says which basis would allow it`);
            }
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});

describe('the server and the policy', () => {
  test('refuses to start when an endpoint has no entry in the access policy', async () => {
    const store = await TEST_ENGINES[0]!.open();
    try {
      const raw = JSON.parse(JSON.stringify(loadPolicy())) as { actions: Record<string, unknown> };
      delete raw.actions['export.read'];
      const incomplete = checkPolicy(raw, 'test');
      await assert.rejects(buildServer({ db: store.db, config: testServerConfig(), policy: incomplete }), /GET \/api\/export has action 'export.read', which is not in the access policy/);
    } finally {
      await store.dispose();
    }
  });
});
