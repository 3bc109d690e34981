/**
 * The screening API under the access policy: the hit/no-hit rule across partners (a partner learns that a possible
 * match exists in another partner's files, never who, until the policy gives a legal basis), reviews, screening a
 * person, and search by name restricted to the persons the caller may see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { crossReferenceRegistry } from '../../screening/cross-reference-registry.js';
import { importWatchlist } from '../../screening/import-watchlist.js';
import { clock, listJsonl, loadRegistry, textFile } from '../../screening/testing/fixtures.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

interface CrossReferences {
  person: string;
  hit: boolean;
  matchElsewhere: boolean;
  matches: Array<{ hitId: number; person: { id: string }; score: number; legalBasis: string }>;
  notice: string | null;
}

describe('screening over the API, under the access policy', () => {
  let server: TestServer;
  let police: Client;
  let ind: Client;
  let dtv: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadRegistry(server.store.db);
    await crossReferenceRegistry(server.store.db, { policy: server.policy, by: 'tester', now: clock() });
    await importWatchlist(server.store.db, [textFile('un.jsonl', listJsonl([{ id: 'UN-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] }]))], { name: 'un', now: clock() });
    police = await server.signIn('police');
    ind = await server.signIn('ind-1f');
    dtv = await server.signIn('dtv');
  });
  after(async () => { await server?.close(); });

  it("tells the police that their suspect probably is a person in another partner's files, and nothing more", async () => {
    const response = await police.request('GET', '/api/persons/P-1/cross-references');
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json<CrossReferences>();
    assert.deepEqual([view.hit, view.matchElsewhere, view.matches], [true, true, []]);
    assert.match(view.notice ?? '', /another partner's files/);
    for (const secret of ['P-2', 'محمد', 'Alhasan', 'IF-1']) assert.ok(!response.body.includes(secret), `leaks ${secret}`);
    const [logged] = await server.store.db.query<{ persons: string[]; legal_basis: string }>(
      "SELECT persons, legal_basis FROM access_log WHERE resource = 'person/P-1:cross-references' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(logged?.persons, ['P-1']);
  });

  it('tells the IND the same about its 1F person, and refuses it a review of the pair (it may not see the other person)', async () => {
    const view = (await ind.request('GET', '/api/persons/P-2/cross-references')).json<CrossReferences>();
    assert.deepEqual([view.hit, view.matchElsewhere, view.matches.length], [true, true, 0]);
    const [hit] = await server.store.db.query<{ id: number }>("SELECT id FROM screening_hits WHERE source = 'registry'");
    const review = await ind.request('POST', `/api/persons/P-2/hits/${hit!.id}/reviews`, { decision: 'rejected', reason: 'not the same' });
    assert.equal(review.statusCode, 403, review.body);
    assert.ok(!review.body.includes('Mohammed'), review.body);
    assert.ok(!review.body.includes('P-1'), review.body);
  });

  it("refuses the cross-references of a person the caller may not read (DT&V and the police's suspect)", async () => {
    const response = await dtv.request('GET', '/api/persons/P-1/cross-references');
    assert.equal(response.statusCode, 403);
    assert.equal(response.json<{ code: string }>().code, 'FORBIDDEN');
  });

  it('shows the police who it is once the policy gives a basis: the other person becomes a suspect in a criminal case', async () => {
    const f = new EventFactory('api');
    await importEvents(server.store.db, [textSource('basis.jsonl', jsonl([f.event('criminal/SZ-2', 'criminal.opened', '2026-02-20', { suspect: 'P-2', offences: ['war-crimes'] })]))], { now: clock() });
    const view = (await police.request('GET', '/api/persons/P-1/cross-references')).json<CrossReferences>();
    assert.deepEqual([view.matchElsewhere, view.matches.map((match) => match.person.id)], [false, ['P-2']]);
    assert.match(view.matches[0]!.legalBasis, /Wpg art\. 9/);
    const [logged] = await server.store.db.query<{ persons: string[] }>(
      "SELECT persons FROM access_log WHERE resource = 'person/P-1:cross-references' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(logged?.persons, ['P-1', 'P-2']);
    const review = await police.request('POST', `/api/persons/P-1/hits/${view.matches[0]!.hitId}/reviews`, { decision: 'confirmed', reason: 'same passport number in both files' });
    assert.equal(review.statusCode, 200, review.body);
    assert.equal(review.json<{ status: string }>().status, 'confirmed');
  });

  it('screens one person against a list, stores the hit, and lets the police review it with a reason', async () => {
    const screened = await police.request('POST', '/api/persons/P-1/screening', { list: 'un' });
    assert.equal(screened.statusCode, 200, screened.body);
    const body = screened.json<{ run: { personsInScope: number }; hits: Array<{ id: number; counterpart: string; status: string; explanation: unknown }> }>();
    assert.deepEqual([body.run.personsInScope, body.hits.map((hit) => [hit.counterpart, hit.status])], [1, [['UN-1', 'open']]]);
    const hitId = body.hits[0]!.id;
    const noReason = await police.request('POST', `/api/persons/P-1/hits/${hitId}/reviews`, { decision: 'rejected', reason: '' });
    assert.equal(noReason.statusCode, 400);
    const wrongPerson = await police.request('POST', `/api/persons/P-4/hits/${hitId}/reviews`, { decision: 'rejected', reason: 'x' });
    assert.equal(wrongPerson.statusCode, 404);
    const rejected = await police.request('POST', `/api/persons/P-1/hits/${hitId}/reviews`, { decision: 'rejected', reason: 'born in another city' });
    assert.equal(rejected.json<{ status: string; lastDecision: { reviewedBy: string } }>().lastDecision.reviewedBy, 'police');
    const open = (await police.request('GET', '/api/screening/hits')).json<{ items: unknown[] }>();
    assert.deepEqual(open.items, []);
    const all = (await police.request('GET', '/api/screening/hits?status=all')).json<{ items: Array<{ id: number; status: string }> }>();
    assert.deepEqual(all.items.map((hit) => [hit.id, hit.status]), [[hitId, 'rejected']]);
    // DT&V reads no case naming P-1: its hits are not listed for it
    assert.deepEqual((await dtv.request('GET', '/api/screening/hits?status=all')).json<{ items: unknown[] }>().items, []);
  });

  it('searches persons by name only among those the caller may see', async () => {
    const forPolice = (await police.request('GET', `/api/matching/persons?name=${encodeURIComponent('Mohamad El Hassan')}`)).json<{ items: Array<{ person: { id: string }; score: number }> }>();
    assert.deepEqual(forPolice.items.map((item) => item.person.id).sort(), ['P-1', 'P-2']);
    const forDtv = (await dtv.request('GET', `/api/matching/persons?name=${encodeURIComponent('Mohamad El Hassan')}`)).json<{ items: unknown[] }>();
    assert.deepEqual(forDtv.items, []);
    const olena = (await dtv.request('GET', `/api/matching/persons?name=${encodeURIComponent('Олена Коваленко')}`)).json<{ items: Array<{ person: { id: string } }> }>();
    assert.deepEqual(olena.items.map((item) => item.person.id), ['P-3']);
  });

  it('screens names sent by the caller against a list without storing anything', async () => {
    const response = await ind.request('POST', '/api/watchlists/un/screening', { queries: [{ id: 'q-1', name: 'Muhammad Alhasan', birthDate: '1976-10-05' }, { id: 'q-2', name: 'Olena Kovalenko' }] });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ version: number; results: Array<{ query: string; hits: Array<{ id: string }> }> }>();
    assert.deepEqual(body.results.map((result) => [result.query, result.hits.map((hit) => hit.id)]), [['q-1', ['UN-1']], ['q-2', []]]);
    const lists = (await ind.request('GET', '/api/watchlists')).json<{ items: Array<{ name: string; versions: Array<{ entries: number }> }> }>();
    assert.deepEqual(lists.items.map((list) => [list.name, list.versions[0]?.entries]), [['un', 1]]);
  });
});
