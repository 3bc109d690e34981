import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture, newEventOfKind } from './testing/fixture.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

for (const engine of TEST_ENGINES) {
  describe(`appends arriving together on ${engine.name}`, { skip: engine.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
      await loadFixture(server.store.db);
    });
    after(async () => { await server?.close(); });

    test('are committed together, yet each request stays all-or-nothing: a bad one fails alone', async () => {
      const { client } = await server.token('police');
      const bodies = Array.from({ length: 12 }, (_, n) => ({
        events: n === 5
          ? [newEventOfKind('intake', 'together-ok-in-bad'), { ...newEventOfKind('criminal', 'together-bad'), type: 'criminal.judgment', data: { instance: 'first-instance', outcome: 'convicted' } }]
          : [newEventOfKind('intake', `together${n}a`), newEventOfKind('mla', `together${n}b`)],
      }));
      const responses = await Promise.all(bodies.map((body) => client.request('POST', '/api/events', body)));
      assert.deepEqual(responses.map((response) => response.statusCode), bodies.map((_, n) => (n === 5 ? 422 : 201)));
      assert.ok(responses.filter((_, n) => n !== 5).every((response) => response.json<{ added: number }>().added === 2));
      const bad = responses[5]!.json<{ problems: { field?: string; message: string }[] }>();
      assert.ok(bad.problems.some((problem) => problem.field?.startsWith('events[1]')), JSON.stringify(bad.problems));
      assert.equal((await server.store.db.query('SELECT 1 FROM events WHERE id = $1', ['m-intake-together-ok-in-bad'])).length, 0);
      const stored = await server.store.db.query("SELECT id FROM events WHERE id LIKE 'm-%-together%'");
      assert.equal(stored.length, 22);
      const again = await client.request('POST', '/api/events', bodies[0]);
      assert.equal(again.statusCode, 200);
      assert.deepEqual([again.json<{ added: number; unchanged: number }>().added, again.json<{ unchanged: number }>().unchanged], [0, 2]);
      const logged = await server.store.db.query<{ n: number }>("SELECT count(*)::integer AS n FROM access_log WHERE action = 'events.append' AND outcome = 'allowed'");
      assert.ok(logged[0]!.n >= 12);
    });
  });
}
