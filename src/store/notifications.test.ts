import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_ENGINES, type TestStore } from './testing/test-stores.js';
import { CHANNELS, listenForChanges, type Notifications } from './notifications.js';

/** The next payload on a channel (tests wait on the notification, never on time). */
function next(notifications: Notifications, channel: (typeof CHANNELS)[keyof typeof CHANNELS]): Promise<string> {
  return new Promise((resolve) => {
    let done = false;
    notifications.on(channel, (payload) => { if (!done) { done = true; resolve(payload); } });
  });
}

for (const engine of TEST_ENGINES) {
  describe(`change notifications on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    let notifications: Notifications;
    before(async () => {
      store = await engine.open();
      notifications = listenForChanges(store.db)!;
      await notifications.ready;
    });
    after(async () => { await notifications?.close(); await store?.dispose(); });

    it('tells of new events and list versions at commit, once per transaction, from the triggers of migration 038', async () => {
      const events = next(notifications, CHANNELS.events);
      await store.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO events (id, stream, kind, type, date, recorded_at, data, refs, content_hash, prev_hash, hash)
          VALUES ('n-1', 'intake/IN-N', 'intake', 'intake.received', '2025-01-01', now(), '{}', '{}', 'x', 'x', 'x')`);
      });
      assert.equal(await events, '');
      const version = next(notifications, CHANNELS.watchlists);
      await store.db.transaction(async (tx) => {
        const [list] = await tx.query<{ id: number }>("INSERT INTO watchlists (name, created_at) VALUES ('n-list', now()) RETURNING id");
        await tx.query(`INSERT INTO watchlist_versions (watchlist_id, version, imported_at, format, sources, source_hashes, entries, added, removed, changed)
          VALUES ($1, 1, now(), 'jsonl', '{}', '{}', 0, 0, 0, 0)`, [list!.id]);
      });
      assert.match(await version, /^\d+:1$/);
    });

    if (engine.name === 'postgres') {
      it('listens again after its connection is lost, and says so (notifications in between may be missed)', async () => {
        const resynced = new Promise<void>((resolve) => notifications.onResync(resolve));
        await store.db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'");
        await resynced;
        const events = next(notifications, CHANNELS.events);
        await store.db.query(`INSERT INTO events (id, stream, kind, type, date, recorded_at, data, refs, content_hash, prev_hash, hash)
          VALUES ('n-2', 'intake/IN-N2', 'intake', 'intake.received', '2025-01-01', now(), '{}', '{}', 'x', 'x', 'x')`);
        assert.equal(await events, '');
      });
    }
  });
}
