/**
 * Erasure over the API (docs/retention.md, "Erasure", "What the administrator sees"), on both engines: the
 * administrator's due list names no one, the dry run writes nothing, the requester cannot approve, a second
 * administrator approves, the execution erases, and the item leaves the due list; every step is in the access log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { queryAccessLog } from '../../access-log/access-log.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { readStream } from '../../store/event-store.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../../testing/event-factory.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

// Fictional: a suspect whose case closed in 2012 (the police's five years ended in 2017).
const NAME = 'Egbert Vergetelheid';
const BIRTH = '1959-11-03';
const HOLD_REASON = 'Klacht van Egbert bij de Nationale ombudsman';
const f = new EventFactory();
const EVENTS = [
  f.event('person/P-E', 'person.registered', '1959-11-03', { names: [NAME], birthDate: BIRTH }),
  f.criminalOpened('SZ-E', 'P-E', '2010-01-01'),
  f.event('criminal/SZ-E', 'criminal.closed', '2012-01-01', { reason: 'dismissed' }),
  // Another person's closed case, held by a legal hold with a reason in free text.
  f.event('person/P-H', 'person.registered', '1970-01-01', { names: ['Hanna Vastgehouden'] }),
  f.criminalOpened('SZ-H', 'P-H', '2010-01-01'),
  f.event('criminal/SZ-H', 'criminal.closed', '2012-01-01', { reason: 'dismissed' }),
  f.event('person/P-H', 'person.legal-hold-placed', '2020-01-01', { reason: HOLD_REASON }),
];
const ERASE = { streams: ['criminal/SZ-E', 'person/P-E'], rule: 'tim-criminal-investigation', legalGround: 'Wpg art. 14: term ended' };

for (const engine of TEST_ENGINES) {
  describe(`erasure over the API (${engine.name})`, { skip: engine.skip }, () => {
    let server: TestServer;
    let first: Client;
    let second: Client;
    let police: Client;
    let id: number;
    before(async () => {
      server = await startTestServer(engine);
      await importEvents(server.store.db, [textSource('erase.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
      first = await server.signIn('admin', 'beheer1');
      second = await server.signIn('admin', 'beheer2');
      police = await server.signIn('police');
    });
    after(async () => { await server?.close(); });

    const due = async () => (await first.request('GET', '/api/retention/erasure/due?partner=tim')).json<{ entries: { stream: string; status: string; rule: string; holds: { kind: string }[] }[] }>().entries;

    it("lists what is due and what holds it, by stream id, rule and dates: no name, date of birth or a hold's free text", async () => {
      const response = await first.request('GET', '/api/retention/erasure/due');
      assert.equal(response.statusCode, 200);
      for (const secret of [NAME, BIRTH, HOLD_REASON, 'Hanna']) assert.ok(!response.body.includes(secret), secret);
      const entries = await due();
      assert.deepEqual(entries.map((entry) => [entry.stream, entry.status, entry.rule, entry.holds.map((hold) => hold.kind)]), [
        ['criminal/SZ-E', 'due', 'tim-criminal-investigation', []],
        ['criminal/SZ-H', 'held', 'tim-criminal-investigation', ['legal-hold']],
      ]);
      assert.equal((await police.request('GET', '/api/retention/erasure/due')).statusCode, 403);
    });

    it('shows the dry run as counts and writes nothing', async () => {
      const response = await first.request('POST', '/api/retention/erasure/dry-run', ERASE);
      assert.equal(response.statusCode, 200, response.body);
      const effect = response.json<{ streams: { stream: string; events: number }[] }>();
      assert.deepEqual(effect.streams.map((stream) => [stream.stream, stream.events]), [['criminal/SZ-E', 2], ['person/P-E', 1]]);
      assert.ok(!response.body.includes(NAME));
      assert.equal((await readStream(server.store.db, 'person/P-E')).length, 1);
    });

    const found = async (name: string) => (await police.request('GET', `/api/matching/persons?name=${encodeURIComponent(name)}`)).json<{ items: { person: { id: string } }[] }>().items.map((item) => item.person.id);

    it('stores a request that its requester may not approve; a second administrator approves; then it is carried out', async () => {
      assert.deepEqual(await found(NAME), ['P-E'], 'found by name before the erasure (the registry index holds the name)');
      const requested = await first.request('POST', '/api/retention/erasure/requests', ERASE);
      assert.equal(requested.statusCode, 201, requested.body);
      id = requested.json<{ request: { id: number; status: string } }>().request.id;
      assert.equal(requested.json<{ request: { status: string } }>().request.status, 'pending');
      assert.equal((await first.request('POST', `/api/retention/erasure/requests/${id}/execution`, {})).statusCode, 400);
      const own = await first.request('POST', `/api/retention/erasure/requests/${id}/decision`, { decision: 'approve' });
      assert.equal(own.statusCode, 403, own.body);
      const approved = await second.request('POST', `/api/retention/erasure/requests/${id}/decision`, { decision: 'approve' });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.deepEqual([approved.json<{ status: string }>().status, approved.json<{ decidedBy: string }>().decidedBy], ['approved', 'beheer2']);
      const executed = await first.request('POST', `/api/retention/erasure/requests/${id}/execution`, {});
      assert.equal(executed.statusCode, 200, executed.body);
      assert.equal(executed.json<{ events: number }>().events, 3);
      assert.equal((await readStream(server.store.db, 'person/P-E')).length, 0);
      const listed = (await first.request('GET', '/api/retention/erasure/requests')).json<{ items: { id: number; executed: boolean }[] }>().items;
      assert.equal(listed.find((item) => item.id === id)?.executed, true);
      assert.equal((await first.request('POST', `/api/retention/erasure/requests/${id}/execution`, {})).statusCode, 400);
    });

    it('the item leaves the due list; the held one stays; the name is gone from the registry index', async () => {
      assert.deepEqual((await due()).map((entry) => entry.stream), ['criminal/SZ-H']);
      assert.deepEqual(await found(NAME), []);
    });

    it('records every step in the access log with the persons concerned', async () => {
      const rows = (await queryAccessLog(server.store.db, { limit: 1000 })).filter((row) => row.action === 'retention.erase');
      const resources = rows.map((row) => `${row.username} ${row.outcome} ${row.resource}`);
      for (const expected of ['beheer1 allowed retention-erasure:dry-run', `beheer1 allowed approval/${id}:erasure-request`, `beheer2 allowed approval/${id}:erasure-approve`, `beheer1 allowed approval/${id}:erasure-execution`]) {
        assert.ok(resources.includes(expected), `${expected} in ${resources.join(' | ')}`);
      }
      assert.ok(rows.some((row) => row.resource === `approval/${id}:erasure-approve` && row.username === 'beheer1' && row.outcome === 'denied'));
      assert.ok(rows.filter((row) => row.resource.endsWith('erasure-execution')).every((row) => row.persons.includes('P-E')));
    });
  });
}
