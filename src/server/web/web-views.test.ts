/**
 * The web app's views through the API (inject): what each role gets, and the static plugin's SPA fallback.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { loadFixture } from '../testing/fixture.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { webApp } from './web-app.js';

describe('the web views', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
  });
  after(async () => { await server?.close(); });

  it('offers the police an indictment on an investigation, and DT&V no events on it', async () => {
    const police = await server.signIn('police');
    const response = await police.request('GET', '/api/cases/criminal/SZ-1/allowed-events');
    assert.equal(response.statusCode, 200);
    const body = response.json<{ phase: string; mayAppend: boolean; events: { type: string }[] }>();
    assert.equal(body.phase, 'investigation');
    assert.ok(body.mayAppend);
    assert.ok(body.events.some((event) => event.type === 'criminal.indicted'));
    const dtv = await server.signIn('dtv');
    assert.equal((await dtv.request('GET', '/api/cases/criminal/SZ-1/allowed-events')).statusCode, 403);
  });

  it('offers on an evidence item and a witness only the event types the role\'s write rules give it, and who recorded each entry', async () => {
    type Allowed = { mayAppend: boolean; events: { type: string; fields: { name: string }[] }[]; opens: string[] };
    const prosecutor = await server.signIn('prosecutor');
    const added = await prosecutor.request('POST', '/api/events', { events: [
      { id: 'wv-ev1', stream: 'evidence/BW-WV', type: 'evidence.registered', date: '2024-02-01', data: {
        criminalCases: ['SZ-1'], kind: 'photo', title: 'A photo', source: { type: 'witness' }, acquired: { date: '2024-02-01', by: 'TIM', method: 'handover' } } },
      { id: 'wv-w1', stream: 'witness/WV-1', type: 'witness.registered', date: '2024-02-01', data: { criminalCase: 'SZ-1', name: 'Getuige Fictief' } },
    ] });
    assert.equal(added.statusCode, 201, added.body);
    const evidence = (await prosecutor.request('GET', '/api/cases/evidence/BW-WV/allowed-events')).json<Allowed>();
    assert.ok(evidence.mayAppend);
    const linked = evidence.events.find((event) => event.type === 'evidence.element-linked');
    assert.deepEqual(linked?.fields.map((field) => field.name).sort(), ['criminalCase', 'element', 'exclusionCase', 'offence', 'reasoning', 'relation', 'weight']);
    const police = await server.signIn('police');
    const byPolice = (await police.request('GET', '/api/cases/evidence/BW-WV/allowed-events')).json<Allowed>();
    assert.ok(!byPolice.events.some((event) => event.type === 'evidence.disclosed'), 'disclosure is not the police\'s');
    const witness = (await prosecutor.request('GET', '/api/cases/witness/WV-1/allowed-events')).json<Allowed>();
    assert.ok(witness.events.some((event) => event.type === 'witness.availability-changed'));
    assert.ok(!witness.events.some((event) => event.type === 'witness.protection-set'), 'a protective measure is the police\'s to record');
    assert.ok((await police.request('GET', '/api/cases/witness/WV-1/allowed-events')).json<Allowed>().events.some((event) => event.type === 'witness.protection-set'));
    assert.deepEqual((await prosecutor.request('GET', '/api/cases/criminal/SZ-1/allowed-events')).json<Allowed>().opens, ['evidence.registered', 'witness.registered']);
    assert.equal((await server.signIn('dtv').then((dtv) => dtv.request('GET', '/api/cases/evidence/BW-WV/allowed-events'))).statusCode, 403);
    const timeline = (await prosecutor.request('GET', '/api/cases/criminal/SZ-1')).json<{ timeline: { recordedBy?: string | null }[] }>().timeline;
    assert.ok(timeline.every((entry) => entry.recordedBy === null), 'the fixture is an import at the server');
    const mine = (await prosecutor.request('GET', '/api/evidence/BW-WV')).statusCode;
    assert.equal(mine, 200);
  });

  it('says what the policy withholds about a person, and which basis would allow it', async () => {
    const prosecutor = await server.signIn('prosecutor');
    const response = await prosecutor.request('GET', '/api/persons/P-S/withheld');
    assert.equal(response.statusCode, 200);
    const items = response.json<{ items: { kind: string; reason: string; allowingBases: string[] }[] }>().items;
    const exclusion = items.find((item) => item.kind === 'exclusion');
    assert.ok(exclusion, JSON.stringify(items));
    assert.ok(exclusion.allowingBases.some((basis) => /investigating judge|r3/i.test(basis)), exclusion.allowingBases.join('; '));
  });

  it('derives the consequences of a 1F decision; DT&V gets them without the assessment of the acts', async () => {
    const ind = await server.signIn('ind-1f');
    const full = (await ind.request('GET', '/api/cases/exclusion/IF-1/derived')).json<{ sentences: unknown[]; exclusion?: { applies: boolean } }>();
    assert.equal(full.exclusion?.applies, true);
    const dtv = await server.signIn('dtv');
    const restricted = await dtv.request('GET', '/api/cases/exclusion/IF-1/derived');
    assert.equal(restricted.statusCode, 200);
    assert.equal(restricted.json<{ prosecution?: unknown }>().prosecution, undefined);
  });

  it('finds persons by name with the matcher (the header search), only among those the role may see', async () => {
    const search = (name: string) => `/api/matching/persons?name=${encodeURIComponent(name)}`;
    const police = await server.signIn('police');
    const found = (await police.request('GET', search('Sami'))).json<{ items: { person: { id: string }; score: number; explanation: unknown }[] }>().items;
    assert.deepEqual(found.map((item) => item.person.id), ['P-S']);
    assert.ok(found[0]!.score > 0 && found[0]!.explanation, 'each match carries its score and explanation');
    const dtv = await server.signIn('dtv');
    assert.deepEqual((await dtv.request('GET', search('Sami'))).json<{ items: unknown[] }>().items, []);
    assert.equal((await (await server.signIn('ministry')).request('GET', search('Sami'))).statusCode, 403);
    assert.equal((await police.request('GET', '/api/search/persons?name=Sami')).statusCode, 404, 'one person search: the simple one is gone');
  });

  it('renders the report as PDF and gives the trends since 2014', async () => {
    const ministry = await server.signIn('ministry');
    const pdf = await ministry.request('GET', '/api/reports/2025/pdf?lang=en');
    assert.equal(pdf.statusCode, 200);
    assert.match(pdf.headers['content-type'] as string, /^application\/pdf/);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const trends = (await ministry.request('GET', '/api/reports/trends')).json<{ years: { year: number }[] }>();
    assert.equal(trends.years[0]?.year, 2014);
    assert.equal(trends.years.at(-1)?.year, 2026);
  });
});

describe('serving the web app', () => {
  const root = mkdtempSync(join(tmpdir(), 'imketen-web-'));
  const app = Fastify();
  before(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    app.setNotFoundHandler((_request, reply) => reply.code(404).type('application/problem+json').send({ code: 'ROUTE_NOT_FOUND' }));
    await app.register(webApp, { root });
  });
  after(async () => { await app.close(); rmSync(root, { recursive: true, force: true }); });

  it('sends files, answers every other page with index.html, and leaves /api to the API', async () => {
    const page = await app.inject({ url: '/cases/criminal/SZ-1' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>app<\/title>/);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.equal((await app.inject({ url: '/assets/app.js' })).body, 'console.log(1)');
    assert.equal((await app.inject({ url: '/api/nothing' })).statusCode, 404);
    assert.match((await app.inject({ url: '/%2e%2e/%2e%2e/etc/passwd' })).body, /<title>app<\/title>/);
  });
});
