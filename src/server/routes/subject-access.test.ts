/**
 * Data-subject requests over the API (docs/retention.md): the export as JSON and PDF for the roles the policy names,
 * refused to the others, and every answer in the access log with the person. What the export withholds as each
 * role: src/operations/export-data-subject.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { queryAccessLog } from '../../access-log/access-log.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { loadFixture } from '../testing/fixture.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe('GET /api/persons/{id}/subject-access', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
  });
  after(async () => { await server?.close(); });

  it('answers the four case roles for a person they may read, as JSON and PDF, and logs it with the person', async () => {
    for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv']) {
      const client = await server.signIn(role);
      const person = role === 'police' || role === 'prosecutor' ? 'P-S' : 'P-X';
      const json = await client.request('GET', `/api/persons/${person}/subject-access`);
      assert.equal(json.statusCode, 200, `${role}: ${json.body}`);
      const body = json.json<{ person: string; requestedBy: { role: string }; withheld: { ground: { code: string } }[] }>();
      assert.deepEqual([body.person, body.requestedBy.role], [person, role]);
      assert.ok(body.withheld.some((item) => item.ground.code === 'other-partner-reads'));
      const pdf = await client.request('GET', `/api/persons/${person}/subject-access?format=pdf&lang=en`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    }
    const logged = await queryAccessLog(server.store.db, { limit: 1000 });
    const answers = logged.filter((row) => row.action === 'subject-access.read' && row.outcome === 'allowed');
    assert.equal(answers.length, 8);
    assert.ok(answers.every((row) => row.resource.endsWith(':subject-access') && row.persons.length === 1));
  });

  it('refuses the ministry, the administrator and the auditor, and a case role for a person it may not read (logged)', async () => {
    for (const role of ['ministry', 'admin', 'auditor']) {
      const response = await (await server.signIn(role)).request('GET', '/api/persons/P-S/subject-access');
      assert.equal(response.statusCode, 403, role);
    }
    const dtv = await server.signIn('dtv');
    assert.equal((await dtv.request('GET', '/api/persons/P-S/subject-access')).statusCode, 403);
    const refused = (await queryAccessLog(server.store.db, { person: 'P-S', limit: 1000 })).filter((row) => row.action === 'subject-access.read' && row.outcome === 'denied');
    assert.ok(refused.some((row) => row.role === 'dtv'));
  });
});
