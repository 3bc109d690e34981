/**
 * Health, readiness and metrics (README, "Health and metrics"), on both engines: /health answers without the
 * database, /ready answers 503 once the database is gone, /metrics counts requests by route template and is
 * refused to other hosts unless the metrics token is given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { POSTGRES_ADMIN_URL, TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

for (const engine of TEST_ENGINES) {
  describe(`health, readiness and metrics (${engine.name})`, { skip: engine.skip }, () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer(engine);
      await loadFixture(server.store.db);
    });
    after(async () => { await server?.close().catch(() => undefined); });

    it('answers /health and /ready, which says how many migrations the store holds', async () => {
      const health = await server.anonymous.request('GET', '/health');
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      const ready = await server.anonymous.request('GET', '/ready');
      assert.equal(ready.statusCode, 200, ready.body);
      const [count] = await server.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.deepEqual(ready.json(), { status: 'ready', engine: engine.name, migrations: count!.n });
    });

    it('says /ready is not ready when a migration is missing', async () => {
      const [last] = await server.store.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1');
      await server.store.db.query('DELETE FROM schema_migrations WHERE version = $1', [last!.version]);
      try {
        const ready = await server.anonymous.request('GET', '/ready');
        assert.equal(ready.statusCode, 503);
        assert.match(ready.json<{ detail: string }>().detail, new RegExp(`lacks migrations ${last!.version}`));
      } finally {
        await server.store.db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [last!.version, last!.name]);
      }
    });

    it('counts requests by route template, not by URL, in the metrics read from the server\'s own host', async () => {
      const police = await server.signIn('police');
      await police.request('GET', '/api/persons/P-NOBODY');
      const metrics = await server.anonymous.request('GET', '/metrics');
      assert.equal(metrics.statusCode, 200, metrics.body);
      assert.match(String(metrics.headers['content-type']), /^text\/plain/);
      assert.match(metrics.body, /imketen_http_requests_total\{method="GET",route="\/health",status="200"\} 1/);
      assert.match(metrics.body, /imketen_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/ready"/);
      assert.doesNotMatch(metrics.body, /P-NOBODY/, "a URL with a person id is not a label");
      assert.match(metrics.body, /route="\/api\/persons\/:id"/);
      assert.match(metrics.body, /nodejs_eventloop_lag_seconds /);
      assert.match(metrics.body, /imketen_append_requests_total/);
      const refused = await server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.json<{ detail: string }>().detail, /IMKETEN_METRICS_TOKEN/);
    });

    it('says /ready is not ready once the database is gone, while /health still answers', async () => {
      if (server.store.url) {
        const name = new URL(server.store.url).pathname.slice(1);
        const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      } else {
        await server.store.db.close();
      }
      const ready = await server.anonymous.request('GET', '/ready');
      assert.equal(ready.statusCode, 503, ready.body);
      assert.match(ready.json<{ detail: string }>().detail, /^Not ready: the database does not answer/);
      assert.equal((await server.anonymous.request('GET', '/health')).statusCode, 200);
    });
  });
}

describe('metrics behind a token', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(TEST_ENGINES[0]!, { config: { metricsToken: METRICS_TOKEN } }); });
  after(async () => { await server?.close(); });

  it('serves the metrics only with the metrics token, from any host', async () => {
    assert.equal((await server.anonymous.request('GET', '/metrics')).statusCode, 401);
    assert.equal((await server.anonymous.request('GET', '/metrics', undefined, { authorization: 'Bearer wrong-token-of-the-same-length-12' })).statusCode, 401);
    const granted = await server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(granted.statusCode, 200);
    assert.match(granted.body, /imketen_http_requests_total/);
  });
});
