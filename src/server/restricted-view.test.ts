/**
 * DT&V's view of a 1F file (config/policy.json view `decision-and-consequences`, src/registry/restrict-view.ts): the decision
 * and its consequences for a person in one of its dossiers, not the investigation — neither in the timeline nor in
 * the state (issue 10, item 10: a closed file's reason stayed in `state.closedReason`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

interface CaseView { state: Record<string, unknown>; timeline: Array<{ event: { type: string; data: Record<string, unknown> } }> }

describe("DT&V's restricted view of a 1F file", () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date('2026-06-15T10:00:00Z') });
    await loadFixture(server.store.db);
  });
  after(async () => { await server?.close(); });

  test("a closed file's reason is in neither the timeline nor the state, while the IND sees it", async () => {
    const reason = 'gesloten na een vertrouwelijk ambtsbericht';
    const ind = await server.signIn('ind-1f');
    const closed = await ind.request('POST', '/api/events', { events: [{ id: 'x1-close', stream: 'exclusion/IF-1', type: 'exclusion.closed', date: '2026-06-01', data: { reason } }] });
    assert.equal(closed.statusCode, 201, closed.body);
    assert.equal((await ind.request('GET', '/api/cases/exclusion/IF-1')).json<CaseView>().state.closedReason, reason);

    const dtv = await server.signIn('dtv');
    const response = await dtv.request('GET', '/api/cases/exclusion/IF-1');
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json<CaseView>();
    assert.equal(view.state.phase, 'closed');
    assert.ok(view.timeline.some((entry) => entry.event.type === 'exclusion.closed'));
    assert.ok(!response.body.includes(reason), `the reason leaked: ${response.body}`);
    assert.ok(!('closedReason' in view.state));
    assert.ok(!response.body.includes('asylum interview'), 'the trigger leaked');
  });
});
