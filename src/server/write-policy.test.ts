/**
 * Writing must not open doors (the write policy, docs/server.md): a partner names only persons it may already read
 * (or registers its own), edits only person records it reads, merges only a confirmed match whose reviewer reads
 * both, retracts only its own organisation's events, and never sets the transaction time over the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { insertHits, insertReview } from '../store/hits-store.js';
import { mergePersons } from '../screening/merge-persons.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

interface Problem { code: string; detail: string; allowingBases?: string[]; problems?: { field?: string; message: string }[] }

/** Persons known to one partner only (an operator's import of each partner's files). */
const PARTNER_ONLY = [
  { id: 'w-pol', stream: 'person/P-POL', type: 'person.registered', date: '1971-01-01', data: { names: ['Paula Politiedossier'], birthDate: '1971-04-04', nationalities: ['SYR'] } },
  { id: 'w-pol-c', stream: 'criminal/SZ-POL', type: 'criminal.opened', date: '2024-02-01', data: { suspect: 'P-POL', offences: ['war-crimes'] } },
  { id: 'w-ind', stream: 'person/P-IND', type: 'person.registered', date: '1972-01-01', data: { names: ['Ivan Indossier'], birthDate: '1972-05-05', nationalities: ['AFG'] } },
  { id: 'w-ind-x', stream: 'exclusion/IF-IND', type: 'exclusion.opened', date: '2023-03-01', data: { person: 'P-IND' } },
  { id: 'w-ind2', stream: 'person/P-IND2', type: 'person.registered', date: '1973-01-01', data: { names: ['Irina Tweededossier'], birthDate: '1973-06-06', nationalities: ['IRQ'] } },
  { id: 'w-ind2-x', stream: 'exclusion/IF-IND2', type: 'exclusion.opened', date: '2023-03-01', data: { person: 'P-IND2' } },
  { id: 'w-dtv', stream: 'person/P-DTV', type: 'person.registered', date: '1974-01-01', data: { names: ['Dana Vertrekdossier'] } },
  { id: 'w-dtv-d', stream: 'departure/VT-DTV', type: 'departure.opened', date: '2024-01-01', data: { person: 'P-DTV' } },
].map((event) => ({ ...event, recordedAt: '2026-01-10T09:00:00.000Z' }));

const REVEALING = /Paula|Ivan|Irina|Dana|SZ-POL|IF-IND|VT-DTV|1971|1972|1973|SYR|AFG|IRQ|suspect in|named in|departure dossier/;

describe('the write policy over the API', () => {
  let server: TestServer;
  const as: Record<string, Client> = {};

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date('2026-06-15T10:00:00.000Z') });
    await loadFixture(server.store.db);
    await importEvents(server.store.db, [textSource('partners', PARTNER_ONLY.map((event) => JSON.stringify(event)).join('\n'))], { now: () => new Date('2026-01-10T10:00:00.000Z') });
    for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv', 'auditor']) as[role] = await server.signIn(role);
  });
  after(async () => { await server?.close(); });

  const append = (role: string, ...events: object[]) => as[role]!.request('POST', '/api/events', { events });
  const status = async (role: string, url: string) => (await as[role]!.request('GET', url)).statusCode;

  /** A 403 that names the role and nothing of the registry beyond what the request itself sent. */
  function assertRefusalRevealsNothing(response: { statusCode: number; body: string }, role: string, sent: object = {}) {
    assert.equal(response.statusCode, 403, response.body);
    const problem = JSON.parse(response.body) as Problem;
    assert.equal(problem.code, 'FORBIDDEN');
    assert.ok(problem.detail.includes(`${role} (`), problem.detail);
    const own = [...JSON.stringify(sent).matchAll(/[A-Za-z0-9][A-Za-z0-9-]+/g)].map((match) => match[0]);
    const rest = own.reduce((text, word) => text.split(word).join(''), response.body);
    assert.doesNotMatch(rest, REVEALING, `the refusal says nothing beyond the caller's own request: ${response.body}`);
  }

  describe('item 2: opening a case on a person does not give access to that person', () => {
    const attempts = [
      { role: 'ind-1f', person: 'P-POL', event: { id: 'a2-ind', stream: 'exclusion/IF-A2', type: 'exclusion.opened', date: '2026-06-01', data: { person: 'P-POL' } } },
      { role: 'dtv', person: 'P-IND', event: { id: 'a2-dtv', stream: 'departure/VT-A2', type: 'departure.opened', date: '2026-06-01', data: { person: 'P-IND' } } },
      { role: 'dtv', person: 'P-IND', event: { id: 'a2-dtv-link', stream: 'departure/VT-A2L', type: 'departure.opened', date: '2026-06-01', data: { person: 'P-DTV', exclusionCase: 'IF-IND' } } },
      { role: 'police', person: 'P-IND', event: { id: 'a2-pol', stream: 'criminal/SZ-A2P', type: 'criminal.opened', date: '2026-06-01', data: { suspect: 'P-IND', offences: ['torture'] } } },
      { role: 'prosecutor', person: 'P-IND2', event: { id: 'a2-om', stream: 'criminal/SZ-A2O', type: 'criminal.opened', date: '2026-06-01', data: { suspect: 'P-IND2', offences: ['torture'] } } },
      { role: 'police', person: 'P-DTV', event: { id: 'a2-pol-v', stream: 'criminal/SZ-1', type: 'criminal.victim-registered', date: '2026-06-01', data: { victim: 'P-DTV' } } },
      { role: 'police', person: 'P-IND', event: { id: 'a2-pol-i', stream: 'intake/IN-A2', type: 'intake.received', date: '2026-06-01', data: { subjects: ['P-S', 'P-IND'] } } },
    ];
    for (const { role, person, event } of attempts) {
      test(`${role} naming ${person} (${event.type} ${JSON.stringify(event.data)}) is refused and reads nothing new`, async () => {
        const before = await status(role, `/api/persons/${person}`);
        assert.equal(before, 403, `${role} may not read ${person} to begin with`);
        const response = await append(role, event);
        assertRefusalRevealsNothing(response, role, event);
        assert.equal((await server.store.db.query('SELECT 1 FROM events WHERE id = $1', [event.id])).length, 0, 'nothing stored');
        assert.equal(await status(role, `/api/persons/${person}`), 403);
        if (event.data && 'exclusionCase' in event.data) assert.equal(await status(role, '/api/cases/exclusion/IF-IND'), 403);
      });
    }

    test('naming a person that does not exist gets the same refusal as one the caller may not read', async () => {
      const unknown = await append('police', { id: 'a2-unknown', stream: 'criminal/SZ-A2U', type: 'criminal.opened', date: '2026-06-01', data: { suspect: 'P-NO-SUCH', offences: ['torture'] } });
      const hidden = await append('police', { id: 'a2-hidden', stream: 'criminal/SZ-A2U', type: 'criminal.opened', date: '2026-06-01', data: { suspect: 'P-IND', offences: ['torture'] } });
      assert.equal(unknown.statusCode, 403);
      assert.equal(hidden.statusCode, 403);
      assert.equal(unknown.json<Problem>().detail.replace('P-NO-SUCH', 'X').replace('a2-unknown', 'id'), hidden.json<Problem>().detail.replace('P-IND', 'X').replace('a2-hidden', 'id'));
    });

    test('a partner registers its own person and opens a case on it, then reads it (the legitimate way)', async () => {
      assert.equal((await append('police', { id: 'a2-own-p', stream: 'person/P-OWN', type: 'person.registered', date: '1980-01-01', data: { names: ['Otto Eigen'] } })).statusCode, 201);
      const opened = await append('police', { id: 'a2-own-c', stream: 'criminal/SZ-OWN', type: 'criminal.opened', date: '2026-06-01', data: { suspect: 'P-OWN', offences: ['war-crimes'] } });
      assert.equal(opened.statusCode, 201, opened.body);
      assert.equal(await status('police', '/api/persons/P-OWN'), 200);
      assert.equal(await status('prosecutor', '/api/persons/P-OWN'), 200, 'the OM reads the police case and so its suspect');
      assert.equal(await status('ind-1f', '/api/persons/P-OWN'), 403);
      // IND cannot open a 1F file on the police's person: it may not read them
      assertRefusalRevealsNothing(await append('ind-1f', { id: 'a2-own-x', stream: 'exclusion/IF-OWN', type: 'exclusion.opened', date: '2026-06-01', data: { person: 'P-OWN' } }), 'ind-1f');
      // a person and the case on it in one request
      const together = await append('ind-1f',
        { id: 'a2-ind-p', stream: 'person/P-IND-NEW', type: 'person.registered', date: '1981-01-01', data: { names: ['Nieuwe Persoon'] } },
        { id: 'a2-ind-x', stream: 'exclusion/IF-IND-NEW', type: 'exclusion.opened', date: '2026-06-01', data: { person: 'P-IND-NEW' } });
      assert.equal(together.statusCode, 201, together.body);
    });

    test('a person the partner may read is named freely: the IND opens a 1F file on a person in a DT&V dossier', async () => {
      assert.equal(await status('ind-1f', '/api/persons/P-DTV'), 200);
      const response = await append('ind-1f', { id: 'a2-ind-dtv', stream: 'exclusion/IF-A2D', type: 'exclusion.opened', date: '2026-06-01', data: { person: 'P-DTV' } });
      assert.equal(response.statusCode, 201, response.body);
    });

    test('a refused write is in the access log as denied', async () => {
      const log = await as.auditor!.request('GET', '/api/access-log?user=police');
      const rows = log.json<{ items: { action: string; outcome: string; resource: string }[] }>().items;
      assert.ok(rows.some((row) => row.action === 'events.append' && row.outcome === 'denied' && row.resource === 'criminal/SZ-A2P'), JSON.stringify(rows.slice(-5)));
    });
  });

  describe('item 3: person records are edited only by a partner that reads the person', () => {
    test('the police cannot add an alias to, or retract an alias of, an IND person', async () => {
      const indAlias = await append('ind-1f', { id: 'a3-ind-alias', stream: 'person/P-IND', type: 'person.alias-added', date: '2026-06-01', data: { name: 'I. Indossier' } });
      assert.equal(indAlias.statusCode, 201, indAlias.body);
      assertRefusalRevealsNothing(await append('police', { id: 'a3-pol-alias', stream: 'person/P-IND', type: 'person.alias-added', date: '2026-06-02', data: { name: 'Fake' } }), 'police');
      const retraction = await as.police!.request('POST', '/api/retractions', { stream: 'person/P-IND', event: 'a3-ind-alias', reason: 'x' });
      assertRefusalRevealsNothing(retraction, 'police');
      assertRefusalRevealsNothing(await append('police', { id: 'a3-pol-rt', stream: 'person/P-IND', type: 'retracted', date: '2026-06-02', data: { event: 'a3-ind-alias', reason: 'x' } }), 'police');
    });

    test('a partner that reads a person retracts only its own organisation\'s events on it', async () => {
      // P-R is read by the police, the IND and DT&V; the IND adds an alias, the police may not take it back
      assert.equal((await append('ind-1f', { id: 'a3-r-alias', stream: 'person/P-R', type: 'person.alias-added', date: '2026-06-01', data: { name: 'R. R.' } })).statusCode, 201);
      const refused = await as.police!.request('POST', '/api/retractions', { stream: 'person/P-R', event: 'a3-r-alias', reason: 'not ours' });
      assert.equal(refused.statusCode, 403, refused.body);
      assert.match(refused.json<Problem>().detail, /another organisation/);
      const own = await as['ind-1f']!.request('POST', '/api/retractions', { stream: 'person/P-R', event: 'a3-r-alias', reason: 'entered in error' });
      assert.equal(own.statusCode, 201, own.body);
      // an operator's import (no writer recorded) is retracted by any partner that may write it: f-p3a is the fixture's
      assert.equal((await as.police!.request('POST', '/api/retractions', { stream: 'person/P-R', event: 'f-p3a', reason: 'entered in error' })).statusCode, 201);
    });

    test('a merge without a confirmed match, or by a partner that cannot read both persons, is refused', async () => {
      assertRefusalRevealsNothing(await append('police', { id: 'a3-merge', stream: 'person/P-IND2', type: 'person.merged', date: '2026-06-02', data: { into: 'P-POL', reason: 'same' } }), 'police');
      // the IND reads both P-IND and P-DTV, but no confirmed match joins them
      const unconfirmed = await append('ind-1f', { id: 'a3-merge-ind', stream: 'person/P-DTV', type: 'person.merged', date: '2026-06-02', data: { into: 'P-IND', reason: 'same' } });
      assert.equal(unconfirmed.statusCode, 403, unconfirmed.body);
      assert.match(unconfirmed.json<Problem>().detail, /confirmed/);
      // the IND can still record on its own person, and the police search shows nothing of it
      assert.equal((await append('ind-1f', { id: 'a3-ind2-alias', stream: 'person/P-IND2', type: 'person.alias-added', date: '2026-06-03', data: { name: 'I. Tweede' } })).statusCode, 201);
      const search = await as.police!.request('GET', '/api/matching/persons?name=Irina%20Tweededossier');
      assert.doesNotMatch(search.body, /Irina|P-IND2/);
    });

    test('a merge of a match confirmed by a reviewer who reads both persons is allowed', async () => {
      const [hitId] = await insertHits(server.store.db, 'registry', null, null, [
        { personId: 'P-DTV', counterpart: 'P-IND', score: 0.93, explanation: {}, personHash: 'h1', counterpartHash: 'h2' },
      ], '2026-06-15T09:00:00.000Z');
      const reviewed = await as['ind-1f']!.request('POST', `/api/persons/P-IND/hits/${hitId}/reviews`, { decision: 'confirmed', reason: 'same alien number' });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      assertRefusalRevealsNothing(await append('police', { id: 'a3-merge-pol', stream: 'person/P-DTV', type: 'person.merged', date: '2026-06-04', data: { into: 'P-IND', reason: 'same' } }), 'police');
      const merged = await append('ind-1f', { id: 'a3-merge-ok', stream: 'person/P-DTV', type: 'person.merged', date: '2026-06-04', data: { into: 'P-IND', reason: 'confirmed match' } });
      assert.equal(merged.statusCode, 201, merged.body);
    });

    test('a match confirmed by an account that may not read both persons merges neither over the API nor on the command line', async () => {
      const [hitId] = await insertHits(server.store.db, 'registry', null, null, [
        { personId: 'P-IND2', counterpart: 'P-X', score: 0.91, explanation: {}, personHash: 'h3', counterpartHash: 'h4' },
      ], '2026-06-15T09:00:00.000Z');
      // a confirmation recorded under an account that reads only criminal data (e.g. before its role was changed)
      await insertReview(server.store.db, { hitId: hitId!, decision: 'confirmed', reason: 'looks alike', reviewedBy: 'police', reviewedAt: '2026-06-15T09:30:00.000Z', personHash: 'h3', counterpartHash: 'h4' });
      const response = await append('ind-1f', { id: 'a3-merge-bad-reviewer', stream: 'person/P-IND2', type: 'person.merged', date: '2026-06-04', data: { into: 'P-X', reason: 'same' } });
      assert.equal(response.statusCode, 403, response.body);
      assert.match(response.json<Problem>().detail, /reviewer who may not read both persons/);
      await assert.rejects(mergePersons(server.store.db, { person: 'P-IND2', into: 'P-X', reason: 'same', now: () => server.clock.now, policy: server.policy }), /reviewer who may not read both persons/);
      // an operator's review at the server (imketen hits confirm --by NAME) is no account's: the command line merges
      await insertReview(server.store.db, { hitId: hitId!, decision: 'confirmed', reason: 'checked the files', reviewedBy: 'J. Jansen (operator)', reviewedAt: '2026-06-15T09:40:00.000Z', personHash: 'h3', counterpartHash: 'h4' });
      const merged = await mergePersons(server.store.db, { person: 'P-IND2', into: 'P-X', reason: 'same', now: () => server.clock.now, policy: server.policy });
      assert.match(merged.eventId, /^P-IND2-merged-/);
      const [writer] = await server.store.db.query<{ organisation: string | null }>(
        'SELECT i.source_organisations[e.origin_file] AS organisation FROM events e JOIN imports i ON i.id = e.import_id WHERE e.id = $1', [merged.eventId]);
      assert.equal(writer!.organisation, null, 'written by the operator');
    });
  });

  describe('item 4: the server owns the transaction time', () => {
    test('recordedAt sent by an API client is refused (400), nothing is stored and the report as recorded stays as it was', async () => {
      const report = async () => (await as.police!.request('GET', '/api/reports/2025?asRecordedAt=2026-01-15T00:00:00Z')).body;
      const before = await report();
      const event = { id: 'a4-backdated', stream: 'criminal/SZ-A4', type: 'criminal.opened', date: '2025-03-01', recordedAt: '2025-03-02T09:00:00Z', data: { suspect: 'P-S', offences: ['torture'] } };
      const response = await append('police', event);
      assert.equal(response.statusCode, 400, response.body);
      const problem = response.json<Problem>();
      assert.ok(problem.problems?.some((item) => item.field === 'events[0].recordedAt'), response.body);
      assert.match(problem.detail, /server/);
      assert.equal((await server.store.db.query('SELECT 1 FROM events WHERE id = $1', [event.id])).length, 0);
      assert.equal(await report(), before);
    });

    test('an API write gets the server\'s time as its recordedAt', async () => {
      const { recordedAt: _, ...event } = { id: 'a4-now', stream: 'criminal/SZ-A4N', type: 'criminal.opened', date: '2025-03-01', recordedAt: '', data: { suspect: 'P-S', offences: ['torture'] } };
      assert.equal((await append('police', event)).statusCode, 201);
      const [row] = await server.store.db.query<{ recordedAt: Date | string }>('SELECT recorded_at AS "recordedAt" FROM events WHERE id = $1', [event.id]);
      assert.equal(new Date(row!.recordedAt).toISOString(), '2026-06-15T10:00:00.000Z');
    });
  });
});
