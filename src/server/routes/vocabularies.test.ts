/**
 * The controlled vocabularies over the API (issue 17; migration 037): the default set for every role that fills in
 * forms, the administrator's changes (add, rename, deactivate) with their access-log entries, a Dutch label that
 * another entry has refused, and an event that names a court by free text still accepted (the interchange format
 * keeps text). Who may read and write at all: the role × endpoint matrix (matrix.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadFixture } from '../testing/fixture.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

interface Entry { vocabulary: string; code: string; labelNl: string; labelEn: string; active: boolean; changedBy: string }

describe('the controlled vocabularies over the API', () => {
  let server: TestServer;
  let admin: Client;
  let prosecutor: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
    admin = await server.signIn('admin');
    prosecutor = await server.signIn('prosecutor');
  });
  after(async () => { await server?.close(); });

  const entries = async (client: Client) => {
    const response = await client.request('GET', '/api/vocabularies');
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ items: Entry[] }>().items;
  };

  it('ships the Dutch courts, channels and topics, each with a Dutch and an English label', async () => {
    const items = await entries(prosecutor);
    const courts = items.filter((entry) => entry.vocabulary === 'courts').map((entry) => entry.labelNl);
    for (const court of ['Rechtbank Den Haag', 'Gerechtshof Arnhem-Leeuwarden', 'Hoge Raad der Nederlanden', 'Raad van State (Afdeling bestuursrechtspraak)']) assert.ok(courts.includes(court), court);
    assert.equal(courts.filter((court) => court.startsWith('Rechtbank ')).length, 11, 'the eleven district courts');
    assert.equal(courts.filter((court) => court.startsWith('Gerechtshof ')).length, 4, 'the four courts of appeal');
    assert.ok(items.some((entry) => entry.vocabulary === 'channels' && entry.labelNl === 'Via de advocaat' && entry.labelEn === 'Through the lawyer'));
    assert.ok(items.some((entry) => entry.vocabulary === 'topics' && entry.labelNl === 'Uitspraak' && entry.labelEn === 'Judgment'));
    assert.ok(items.every((entry) => entry.active && entry.labelNl.trim() && entry.labelEn.trim()));
  });

  it('lets the administrator add, rename and deactivate an entry, each change in the access log', async () => {
    const put = (code: string, body: unknown) => admin.request('PUT', `/api/vocabularies/channels/${code}`, body);
    const added = await put('fax', { labelNl: 'Fax', labelEn: 'Fax', active: true });
    assert.equal(added.statusCode, 200, added.body);
    const renamed = await put('fax', { labelNl: 'Telefax', labelEn: 'Telefax', active: false });
    assert.equal(renamed.statusCode, 200, renamed.body);
    const entry = (await entries(prosecutor)).find((item) => item.vocabulary === 'channels' && item.code === 'fax');
    assert.deepEqual([entry?.labelNl, entry?.labelEn, entry?.active], ['Telefax', 'Telefax', false]);
    assert.notEqual(entry?.changedBy, 'migration 037');
    const log = await server.store.db.query<{ action: string; resource: string; reason: string }>(
      "SELECT action, resource, reason FROM access_log WHERE action = 'vocabulary.save' ORDER BY seq",
    );
    assert.deepEqual(log.map((row) => row.resource), ['vocabulary/channels/fax', 'vocabulary/channels/fax']);
    assert.match(log[0]!.reason, /added 'Fax'/);
    assert.match(log[1]!.reason, /'Fax' \/ 'Fax' → 'Telefax' \/ 'Telefax' \(inactive\)/);
  });

  it('refuses a Dutch label another entry of the vocabulary has (an event names an entry by it)', async () => {
    const response = await admin.request('PUT', '/api/vocabularies/courts/rb-dubbel', { labelNl: 'rechtbank den haag', labelEn: 'Duplicate', active: true });
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json<{ code: string }>().code, 'VOCABULARY_LABEL_TAKEN');
    const blank = await admin.request('PUT', '/api/vocabularies/courts/rb-leeg', { labelNl: '   ', labelEn: 'Empty', active: true });
    assert.equal(blank.statusCode, 400, blank.body);
    const badCode = await admin.request('PUT', '/api/vocabularies/courts/Rb%20Den%20Haag', { labelNl: 'X', labelEn: 'X', active: true });
    assert.equal(badCode.statusCode, 400, badCode.body);
  });

  it('still accepts an event that names a court by free text (older data, imports: the interchange format keeps text)', async () => {
    const response = await prosecutor.request('POST', '/api/events', { events: [{
      id: 'voc-free-text', stream: 'criminal/SZ-1', type: 'criminal.indicted', date: '2026-06-15', data: { court: 'Arrondissementsrechtbank \'s-Gravenhage' },
    }] });
    assert.ok([200, 201].includes(response.statusCode), response.body);
  });
});
