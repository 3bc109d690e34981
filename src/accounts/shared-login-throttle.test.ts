/**
 * The sign-in throttle is shared by every server on one store (README, "Several servers"): failures made through
 * one server slow down the next attempt through another, on both engines; a success through either clears it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadPolicy } from '../policy/policy.js';
import { buildServer } from '../server/build-server.js';
import { testServerConfig } from '../server/config.js';
import type { App } from '../server/context.js';
import { openPostgres, type Db } from '../store/db.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { createAccount } from './accounts.js';

const PASSWORD = 'correct horse battery staple';
const clock = { now: new Date('2026-06-15T10:00:00.000Z') };

for (const engine of TEST_ENGINES) {
  describe(`the sign-in throttle across servers (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    let otherDb: Db;
    let first: App;
    let second: App;
    before(async () => {
      store = await engine.open();
      otherDb = store.url ? await openPostgres(store.url) : store.db;
      const policy = loadPolicy();
      await createAccount(store.db, policy, { username: 'tim.analist', displayName: 'Tim Analist', role: 'police', password: PASSWORD }, clock.now);
      first = await buildServer({ db: store.db, config: testServerConfig(), policy, now: () => clock.now });
      second = await buildServer({ db: otherDb, config: testServerConfig(), policy, now: () => clock.now });
    });
    after(async () => {
      await first?.close();
      await second?.close();
      if (otherDb && otherDb !== store.db) await otherDb.close();
      await store?.dispose();
    });

    const signIn = (app: App, password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { username: 'tim.analist', password } });

    it('slows down an attempt through one server after failures through the other, and forgets them on success', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) assert.equal((await signIn(first, 'wrong password')).statusCode, 401);
      const throttled = await signIn(second, PASSWORD);
      assert.equal(throttled.statusCode, 429, throttled.body);
      assert.equal(throttled.headers['retry-after'], '1');
      clock.now = new Date(clock.now.getTime() + 1000);
      assert.equal((await signIn(second, PASSWORD)).statusCode, 200);
      assert.equal((await signIn(first, 'wrong password')).statusCode, 401, 'the success cleared the account name: the next failure is free');
      assert.equal((await signIn(first, PASSWORD)).statusCode, 200);
    });
  });
}
