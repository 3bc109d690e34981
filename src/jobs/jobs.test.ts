/**
 * Background jobs on both engines (README, "Background jobs"): jobs queued while no server works them are done once
 * one starts (a restart), with their progress; a failing job is retried and ends failed with its error visible.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importWatchlist } from '../screening/import-watchlist.js';
import { clock, listJsonl, loadRegistry, textFile } from '../screening/testing/fixtures.js';
import { openPostgres, type Db } from '../store/db.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { imketen } from '../cli/testing/run-cli.js';
import { startTestServer } from '../server/testing/test-server.js';
import { JobQueue } from './job-queue.js';
import { listJobs, type JobRow } from './list-jobs.js';

const now = clock();

/** Waits until every job of `ids` has finished (completed or failed), looking again on each of the worker's polls. */
async function finished(db: Db, ids: readonly string[]): Promise<JobRow[]> {
  for (;;) {
    const jobs = (await listJobs(db)).filter((job) => ids.includes(job.id));
    if (jobs.length === ids.length && jobs.every((job) => job.state === 'completed' || job.state === 'failed')) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

for (const engine of TEST_ENGINES) {
  describe(`background jobs (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => {
      store = await engine.open();
      await loadRegistry(store.db);
      await importWatchlist(store.db, [textFile('un.jsonl', listJsonl([{ id: 'UN-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] }]))], { name: 'un', now });
    });
    after(async () => { await store?.dispose(); });

    it('does the jobs queued before a restart, records their progress, and retries a failing one until it fails', async () => {
      const sender = await JobQueue.open(store.db, { work: false, now });
      const screen = await sender.send('screen-registry', { list: 'un' });
      const rescreen = await sender.send('rescreen-persons', { persons: ['P-1', 'P-3'] });
      const failing = await sender.send('screen-registry', { list: 'no-such-list' }, { limit: 1, delaySeconds: 0 });
      await sender.stop();
      assert.deepEqual((await listJobs(store.db)).map((job) => job.state), ['created', 'created', 'created'], 'nothing works them yet');

      // Another process (on PostgreSQL a connection of its own) starts and works the queue.
      const workerDb = store.url ? await openPostgres(store.url) : store.db;
      const worker = await JobQueue.open(workerDb, { work: true, now, pollSeconds: 0.5 });
      try {
        const jobs = await finished(store.db, [screen, rescreen, failing]);
        const byId = new Map(jobs.map((job) => [job.id, job]));
        assert.equal(byId.get(screen)!.state, 'completed');
        assert.deepEqual([byId.get(screen)!.done, byId.get(screen)!.total], [1, 1]);
        assert.match(byId.get(screen)!.note!, /^un version 1: \d+ persons, [1-9]\d* hits raised for review$/);
        assert.equal(byId.get(rescreen)!.state, 'completed');
        assert.deepEqual([byId.get(rescreen)!.done, byId.get(rescreen)!.total], [2, 2]);
        const failed = byId.get(failing)!;
        assert.equal(failed.state, 'failed');
        assert.equal(failed.retryCount, 1, 'retried once');
        assert.match(failed.error!, /no-such-list/);
        const [hits] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM screening_hits");
        assert.ok(hits!.n > 0, 'the screening stored its hits');
        if (store.url) {
           
          process.env.DATABASE_URL = store.url;
          try {
            const listed = await imketen('jobs', '--queue', 'screen-registry');
            assert.equal(listed.code, 0, listed.stderr);
            assert.match(listed.stdout, /screen-registry +completed +1\/1 .*\n +un version 1: /);
            assert.match(listed.stdout, /screen-registry +failed .*\(attempt 2 of 2\).*\n +.*no-such-list/);
          } finally {
             
            delete process.env.DATABASE_URL;
          }
        }
      } finally {
        await worker.stop();
        if (workerDb !== store.db) await workerDb.close();
      }
    });

    it('shows the jobs over the API to administrators only', async () => {
      const server = await startTestServer(engine);
      try {
        const admin = await server.signIn('admin');
        const none = await admin.request('GET', '/api/jobs');
        assert.equal(none.statusCode, 200, none.body);
        assert.deepEqual(none.json(), { items: [] });
        const sender = await JobQueue.open(server.store.db, { work: false, now });
        const id = await sender.send('rescreen-persons', { persons: ['P-1'] }).finally(() => sender.stop());
        const listed = await admin.request('GET', '/api/jobs?queue=rescreen-persons');
        assert.deepEqual(listed.json<{ items: { id: string; state: string }[] }>().items.map((job) => [job.id, job.state]), [[id, 'created']]);
        assert.equal((await (await server.signIn('police')).request('GET', '/api/jobs')).statusCode, 403);
        const metrics = await server.anonymous.request('GET', '/metrics');
        assert.match(metrics.body, /imketen_jobs\{queue="rescreen-persons",state="created"\} 1/, 'the queue depth');
      } finally {
        await server.close();
      }
    });
  });
}
