/**
 * Security of the API: CSRF, session fixation, cookie flags, brute-force lockout and throttling, hostile strings in
 * every string parameter, oversized and malformed bodies, unknown fields, revoked tokens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LOGIN_LIMITS } from '../accounts/login-throttle.js';
import { dummyPasswordHash } from '../accounts/passwords.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture, newEventOfKind } from './testing/fixture.js';
import { sessionCookie, startTestServer, TEST_PASSWORD, type TestServer } from './testing/test-server.js';

const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  "P-S' UNION SELECT username, password_hash FROM accounts --",
  '$1) OR 1=1 --',
  'criminal/SZ-1\u0000',
  '../../etc/passwd',
  '{"$gt": ""}',
];

interface Problem { code: string; detail: string; status: number; reason?: { key: string; params?: Record<string, unknown> } }

describe('security', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, {
      config: { bodyLimitBytes: 64 * 1024, trustProxy: true },
    });
    await loadFixture(server.store.db);
  });
  after(async () => { await server?.close(); });

  test('CSRF: a cookie session cannot change data without its CSRF token; an API token needs none', async () => {
    const police = await server.signIn('police');
    const event = () => ({ events: [newEventOfKind('intake', `csrf${Math.random().toString(36).slice(2, 8)}`)] });
    const missing = await server.app.inject({ method: 'POST', url: '/api/events', payload: event(), headers: { cookie: police.cookie! } });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json<Problem>().code, 'CSRF_TOKEN_INVALID');
    const wrong = await police.request('POST', '/api/events', event(), { 'x-csrf-token': 'x'.repeat(43) });
    assert.equal(wrong.statusCode, 403);
    const right = await police.request('POST', '/api/events', event());
    assert.equal(right.statusCode, 201, right.body);
    const { client } = await server.token('police');
    assert.equal((await client.request('POST', '/api/events', event())).statusCode, 201);
  });

  test('session fixation: a cookie chosen before sign-in is never the session; sign-in always issues a new one', async () => {
    await server.signIn('prosecutor', 'fixation.target');
    const planted = 'imketen_session=attacker-chosen-value-aaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const login = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'fixation.target', password: TEST_PASSWORD }, headers: { cookie: planted } });
    assert.equal(login.statusCode, 200);
    const issued = sessionCookie(login);
    assert.notEqual(issued, planted);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: planted } })).statusCode, 401);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: issued } })).statusCode, 200);
    // Signing in again from a live session replaces it: the old token stops working.
    const again = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'fixation.target', password: TEST_PASSWORD }, headers: { cookie: issued } });
    assert.notEqual(sessionCookie(again), issued);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: issued } })).statusCode, 401);
  });

  test('the session cookie is HttpOnly and SameSite=Strict, and Secure behind TLS', async () => {
    await server.signIn('dtv', 'cookie.check');
    const plain = await server.anonymous.request('POST', '/api/session', { username: 'cookie.check', password: TEST_PASSWORD });
    const cookie = plain.cookies.find((candidate) => candidate.name === 'imketen_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const proxied = await startTestServer(TEST_ENGINES[0]!, { config: { trustProxy: true } });
    try {
      await proxied.signIn('dtv', 'cookie.check');
      const tls = await proxied.anonymous.request('POST', '/api/session', { username: 'cookie.check', password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https' });
      assert.equal(tls.cookies.find((candidate) => candidate.name === 'imketen_session')!.secure, true);
    } finally {
      await proxied.close();
    }
  });

  test('no lockout: wrong passwords for an account slow it down with growing delays but never lock it', async () => {
    await server.signIn('ind-1f', 'brute.target');
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const response = await server.anonymous.request('POST', '/api/session', { username: 'brute.target', password: `guess number ${attempt}` }, { 'x-forwarded-for': `192.0.2.${attempt}` });
      assert.equal(response.statusCode, 401, `attempt ${attempt}, a while after the one before, is answered: ${response.body}`);
      assert.equal(response.json<Problem>().detail, 'Wrong username or password.');
      // The same as a key a client phrases in its own language.
      assert.deepEqual(response.json<Problem>().reason, { key: 'wrongCredentials' });
      server.clock.now = new Date(server.clock.now.getTime() + 5 * 60_000);
    }
    // Throttled: an attempt right after a failure waits, and the wait grows.
    const first = await server.anonymous.request('POST', '/api/session', { username: 'brute.target', password: 'guess 9' });
    assert.equal(first.statusCode, 401);
    const early = await server.anonymous.request('POST', '/api/session', { username: 'brute.target', password: TEST_PASSWORD });
    assert.equal(early.statusCode, 429);
    const wait = Number(early.headers['retry-after']);
    assert.ok(wait >= 2, `a growing delay after 9 failures: ${wait}`);
    assert.deepEqual(early.json<Problem>().reason, { key: 'signInThrottled', params: { seconds: wait } });
    server.clock.now = new Date(server.clock.now.getTime() + wait * 1000);
    const right = await server.anonymous.request('POST', '/api/session', { username: 'brute.target', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 200, 'the right password works once the delay has passed: nobody can lock the account');
  });

  test('known, unknown and disabled accounts get the same answers, throttled alike', async () => {
    const quiet = await startTestServer(TEST_ENGINES[0]!, { config: { trustProxy: true } });
    try {
      await quiet.signIn('police', 'known.user');
      await quiet.signIn('police', 'disabled.user');
      const admin = await quiet.signIn('admin', 'the.admin');
      const disabled = (await quiet.store.db.query<{ id: number }>(`SELECT id FROM accounts WHERE username = 'disabled.user'`))[0]!.id;
      assert.equal((await admin.request('PATCH', `/api/accounts/${disabled}`, { disabled: true })).statusCode, 200);
      const answers = async (username: string, password: string) => {
        const seen: string[] = [];
        for (let attempt = 0; attempt < 9; attempt += 1) {
          const response = await quiet.anonymous.request('POST', '/api/session', { username, password }, { 'x-forwarded-for': `198.51.100.${attempt}` });
          const problem = response.json<Problem & { retryAfter?: number }>();
          seen.push(`${response.statusCode} ${problem.code} ${problem.detail.replace(/\d+ seconds/, 'N seconds')} ${response.headers['retry-after'] ?? ''}`);
        }
        return seen;
      };
      const known = await answers('known.user', 'a wrong password');
      const unknown = await answers('no.such.user', 'a wrong password');
      const disabledRight = await answers('disabled.user', TEST_PASSWORD);
      assert.deepEqual(unknown, known);
      assert.deepEqual(disabledRight, known, 'a disabled account answers like a wrong password, even with the right one');
      assert.ok(known.some((answer) => answer.startsWith('429')), 'the repeated attempts were throttled');
      assert.ok(known.every((answer) => !answer.startsWith('423')));
    } finally {
      await quiet.close();
    }
  });

  test('a failed sign-in of a known and of an unknown user costs the same password hash', async () => {
    // Timing itself is measured by no test (a loaded machine makes it noise): what makes it equal is that an
    // unknown user's password is verified against a dummy hash of exactly the parameters a real account's has.
    await server.signIn('police', 'timed.user');
    const [account] = await server.store.db.query<{ hash: string }>("SELECT password_hash AS hash FROM accounts WHERE username = 'timed.user'");
    const parameters = (phc: string) => phc.split('$').slice(1, 4).join('$');
    assert.ok(account, 'a test account with a password');
    assert.equal(parameters(await dummyPasswordHash()), parameters(account.hash));
    assert.match(parameters(account.hash), /^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
    const unknown = await server.anonymous.request('POST', '/api/session', { username: 'nobody.at.all', password: 'a wrong password' }, { 'x-forwarded-for': '203.0.113.1' });
    const known = await server.anonymous.request('POST', '/api/session', { username: 'timed.user', password: 'a wrong password' }, { 'x-forwarded-for': '203.0.113.2' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(known.statusCode, 401);
    assert.equal(unknown.body, known.body);
  });

  test('throttling: many failed sign-ins from one address get 429 with Retry-After', async () => {
    const throttled = await startTestServer(TEST_ENGINES[0]!, { config: { login: { ...DEFAULT_LOGIN_LIMITS, addressFreeAttempts: 3 } } });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        assert.equal((await throttled.anonymous.request('POST', '/api/session', { username: `user${attempt}`, password: 'wrong' })).statusCode, 401);
      }
      const blocked = await throttled.anonymous.request('POST', '/api/session', { username: 'another', password: 'wrong' });
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
    } finally {
      await throttled.close();
    }
  });

  test('SQL injection strings in every string parameter of every endpoint: refused or harmless, never a server error', async () => {
    const clients = [await server.signIn('police', 'sqli.police'), await server.signIn('admin', 'sqli.admin'), await server.signIn('auditor', 'sqli.auditor')];
    const before = (await server.store.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM events'))[0]!.count;
    const failures: string[] = [];
    let calls = 0;
    for (const route of server.app.imketenRoutes) {
      if (route.url.startsWith('/api/docs') || route.url === '/api/session' || route.url.startsWith('/api/auth/')) continue;
      const inputs = [
        ...route.stringInputs.params.map((name) => ({ where: 'params', name })),
        ...route.stringInputs.query.map((name) => ({ where: 'query', name })),
        ...route.stringInputs.body.map((name) => ({ where: 'body', name })),
        ...(route.url === '/api/events' ? ['id', 'stream', 'type', 'date'].map((name) => ({ where: 'event', name })) : []),
      ];
      for (const input of inputs) {
        for (const hostile of HOSTILE) {
          let url = route.url.replace(':kind', 'criminal').replace(':year', '2025').replace(':format', 'csv').replace(/:id/, route.url.includes('cases') || route.url.includes('persons') ? 'SZ-1' : '1').replace(':row', 'departures.forced');
          if (input.where === 'params') url = route.url.replace(`:${input.name}`, encodeURIComponent(hostile)).replace(/:(\w+)/g, (_, name: string) => (name === 'year' ? '2025' : name === 'kind' ? 'criminal' : 'SZ-1'));
          if (input.where === 'query') url += `?${input.name}=${encodeURIComponent(hostile)}${route.url === '/api/cases' && input.name !== 'kind' ? '&kind=criminal' : ''}`;
          let body: unknown;
          if (input.where === 'body') body = { [input.name]: hostile };
          if (input.where === 'event') body = { events: [{ ...newEventOfKind('criminal', 'sqli'), [input.name]: hostile }] };
          if (route.method === 'POST' && body === undefined) body = {};
          for (const client of clients) {
            const response = await client.request(route.method, url, body);
            calls += 1;
            if (response.statusCode >= 500) failures.push(`${route.method} ${url} ${input.where}.${input.name}=${JSON.stringify(hostile)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
            if (response.statusCode >= 400) assert.match(String(response.headers['content-type']), /problem\+json/, `${route.method} ${url}`);
            assert.doesNotMatch(response.body, /\$argon2id\$/, 'no password hash ever leaves the server');
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(calls > 200, `ran ${calls} hostile requests`);
    const afterCount = (await server.store.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM events'))[0]!.count;
    assert.ok(afterCount >= before, 'the event log is intact');
    const tables = await server.store.db.query("SELECT 1 FROM pg_tables WHERE tablename IN ('events', 'accounts', 'access_log')");
    assert.equal(tables.length, 3);
  });

  test('an oversized body gets 413 with a problem a person understands', async () => {
    const { client } = await server.token('police');
    const events = Array.from({ length: 1000 }, (_, n) => newEventOfKind('intake', `big${n}`));
    const response = await client.request('POST', '/api/events', { events });
    assert.equal(response.statusCode, 413);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    assert.match(response.json<Problem>().detail, /larger than the limit of 65536 bytes/);
  });

  test('malformed JSON and unknown fields get 400 naming the problem', async () => {
    const { client } = await server.token('police');
    const malformed = await server.app.inject({ method: 'POST', url: '/api/events', payload: '{"events": [', headers: { authorization: `Bearer ${client.bearer}`, 'content-type': 'application/json' } });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json<Problem>().detail, /not valid JSON/);
    const unknownTop = await client.request('POST', '/api/events', { events: [newEventOfKind('intake', 'unk1')], sneaky: true });
    assert.equal(unknownTop.statusCode, 400);
    assert.match(unknownTop.json<Problem>().detail, /unknown fields: sneaky/);
    const unknownInEvent = await client.request('POST', '/api/events', { events: [{ ...newEventOfKind('intake', 'unk2'), colour: 'red' }] });
    assert.equal(unknownInEvent.statusCode, 400);
    assert.match(unknownInEvent.json<Problem>().detail, /colour/);
    const unknownInData = await client.request('POST', '/api/events', { events: [{ ...newEventOfKind('intake', 'unk3'), data: { colour: 'red' } }] });
    assert.equal(unknownInData.statusCode, 400);
    assert.match(unknownInData.json<Problem>().detail, /Nothing was stored/);
    const problems = unknownInData.json<{ problems: { field: string }[] }>().problems;
    assert.ok(problems.some((problem) => problem.field.startsWith('events[0]')), JSON.stringify(problems));
    const unknownQuery = await client.request('GET', '/api/cases?kind=criminal&colour=red');
    assert.equal(unknownQuery.statusCode, 400);
  });

  test('events are all or nothing: one bad event and none is stored', async () => {
    const { client } = await server.token('police');
    const good = newEventOfKind('intake', 'atomic1');
    // a judgment in a case never opened breaks the state machine (naming an unknown person is refused earlier, 403)
    const bad = { ...newEventOfKind('criminal', 'atomic2'), type: 'criminal.judgment', data: { instance: 'first-instance', outcome: 'convicted' } };
    const response = await client.request('POST', '/api/events', { events: [good, bad] });
    assert.equal(response.statusCode, 422);
    assert.match(response.json<Problem>().detail, /Nothing was stored/);
    assert.equal((await server.store.db.query('SELECT 1 FROM events WHERE id = $1', [good.id])).length, 0);
  });

  test('an event id already stored with other content gets 409', async () => {
    const { client } = await server.token('police');
    const event = newEventOfKind('intake', 'conflict1');
    assert.equal((await client.request('POST', '/api/events', { events: [event] })).statusCode, 201);
    const changed = await client.request('POST', '/api/events', { events: [{ ...event, date: '2025-02-02' }] });
    assert.equal(changed.statusCode, 409);
    assert.match(changed.json<Problem>().detail, /Nothing was stored/);
  });

    test('a revoked API token gets 401 at once', async () => {
    const { client, id } = await server.token('dtv');
    assert.equal((await client.request('GET', '/api/cases?kind=departure')).statusCode, 200);
    const admin = await server.signIn('admin', 'revoking.admin');
    assert.equal((await admin.request('DELETE', `/api/tokens/${id}`)).statusCode, 200);
    const refused = await client.request('GET', '/api/cases?kind=departure');
    assert.equal(refused.statusCode, 401);
    assert.match(refused.json<Problem>().detail, /revoked/);
  });
});
