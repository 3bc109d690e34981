/**
 * The API refuses input that is not what it claims with 400 and a problem naming the field, on every route that
 * takes a JSON body, and the server stays up (README, "Input limits"): bytes that are not UTF-8, duplicate keys,
 * deep nesting (checked before parsing), NUL and lone surrogates, over-long names and texts, legal dates after
 * today, the year 0000.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { INPUT_LIMITS } from '../domain/input-limits.js';
import { logPosition } from '../store/event-store.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

interface ProblemBody { status: number; code: string; detail: string; problems?: { field?: string; message: string }[] }

describe('the API refuses input that is not what it claims', () => {
  let server: TestServer;
  let police: Client;
  let bearer: Record<string, string>;

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
    const token = await server.token('police');
    police = token.client;
    bearer = { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
  });
  after(async () => { await server?.close(); });

  /** Posts raw body text (escapes reach the server as written) and expects a 400 problem; nothing is stored. */
  async function refused(body: string | Buffer, url = '/api/events', headers = bearer): Promise<ProblemBody> {
    const before = await logPosition(server.store.db);
    const response = await server.app.inject({ method: 'POST', url, payload: body, headers });
    assertProblem(response, 400);
    assert.equal(await logPosition(server.store.db), before, 'something was stored');
    await assertServerUp();
    return response.json<ProblemBody>();
  }

  async function assertServerUp(): Promise<void> {
    assert.equal((await server.anonymous.request('GET', '/api/health')).statusCode, 200);
  }

  const event = (id: string, names: string, extra = '') =>
    `{"events":[{"id":"ev-${id}","stream":"person/P-IN-${id}","type":"person.registered","date":"1990-01-01","data":{"names":[${names}]${extra}}}]}`;

  const fields = (problem: ProblemBody) => (problem.problems ?? []).map((item) => item.field);

  test('a lone surrogate in event data is 400 naming the field, not 500', async () => {
    const problem = await refused(event('s1', '"Ali\\ud800"'));
    assert.deepEqual(fields(problem), ['events[0].data.names[0]']);
    assert.match(problem.detail, /lone surrogate/);
  });

  test('NUL in a name is 400 naming the field', async () => {
    const problem = await refused(event('n1', '"Ali\\u0000"'));
    assert.deepEqual(fields(problem), ['events[0].data.names[0]']);
    assert.match(problem.detail, /NUL/);
  });

  test('a duplicate key, at the top of an event and nested in its data, is 400 naming it', async () => {
    const top = await refused('{"events":[{"id":"ev-d1","id":"ev-d2","stream":"person/P-IN-d1","type":"person.registered","date":"1990-01-01","data":{"names":["D"]}}]}');
    assert.deepEqual(fields(top), ['events[0].id']);
    assert.match(top.detail, /the key 'id' appears twice/);
    const nested = await refused(event('d3', '"D"', ',"birthDate":"1970","birthDate":"1971"'));
    assert.deepEqual(fields(nested), ['events[0].data.birthDate']);
  });

  test('the year 0000 in an event date and in asRecordedAt is 400, not 500', async () => {
    const problem = await refused(JSON.stringify({ events: [{ id: 'ev-z1', stream: 'person/P-IN-z1', type: 'person.registered', date: '0000-01-01', data: { names: ['Z'] } }] }));
    assert.deepEqual(fields(problem), ['events[0].date']);
    const prosecutor = await server.signIn('prosecutor');
    for (const url of ['/api/cases?kind=criminal&asRecordedAt=0000-01-01', '/api/cases/criminal/SZ-1?asRecordedAt=0000-06-01T00:00:00Z', '/api/cases?kind=criminal&date=0000-01-01']) {
      assertProblem(await prosecutor.request('GET', url), 400);
    }
    await assertServerUp();
  });

  test('deep nesting is refused before parsing: depth 5,000 signed in, 100,000 signed out', async () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const signedIn = await refused(event('deep', '"D"', `,"gender":${deep(5000)}`));
    assert.match(signedIn.detail, /nest deeper than 32 levels/);
    const signedOut = await refused(`{"username":"x","password":${deep(100_000)}}`, '/api/session', { 'content-type': 'application/json' });
    assert.match(signedOut.detail, /nest deeper than 32 levels/);
  });

  test('a legal date after today is 400 naming the field', async () => {
    const problem = await refused(JSON.stringify({ events: [{ id: 'ev-f1', stream: 'person/P-IN-f1', type: 'person.registered', date: '2099-01-01', data: { names: ['F'] } }] }));
    assert.deepEqual(fields(problem), ['events[0].date']);
    assert.match(problem.problems![0]!.message, /after the day of import \(2026-06-15\)/);
  });

  test('a name and a free text over their limits are 400 naming the field', async () => {
    const name = await refused(event('l1', JSON.stringify('N'.repeat(INPUT_LIMITS.nameChars + 1))));
    assert.deepEqual(fields(name), ['events[0].data.names[0]']);
    const text = await refused(event('l2', '"L"', `,"gender":${JSON.stringify('g'.repeat(INPUT_LIMITS.freeTextChars + 1))}`));
    assert.deepEqual(fields(text), ['events[0].data.gender']);
  });

  test('a body that is not UTF-8 is 400', async () => {
    const problem = await refused(Buffer.from(event('u1', '"Müller"'), 'latin1'));
    assert.match(problem.detail, /not UTF-8/);
  });

  test('every route taking JSON has the same parser: a duplicate key when signing in is 400', async () => {
    const problem = await refused('{"username":"police","password":"x","password":"y"}', '/api/session', { 'content-type': 'application/json' });
    assert.deepEqual(fields(problem), ['password']);
  });

  test('a well-formed event still goes through', async () => {
    const response = await police.request('POST', '/api/events', JSON.parse(event('ok1', '"Anna de Vries"')) as object);
    assert.equal(response.statusCode, 201, response.body);
  });
});

function assertProblem(response: LightMyRequestResponse, status: number): void {
  assert.equal(response.statusCode, status, response.body.slice(0, 500));
  assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
  const body = response.json<ProblemBody>();
  assert.equal(body.status, status);
  assert.ok(body.detail.length > 0);
}
