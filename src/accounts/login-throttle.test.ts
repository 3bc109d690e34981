import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LoginThrottle, throttleDelaySeconds } from './login-throttle.js';

const schedule = { freeAttempts: 3, baseDelaySeconds: 1, maxDelaySeconds: 60, forgetAfterMinutes: 60 };

describe('login throttle', () => {
  test('the delay schedule: free attempts, then a delay that doubles, up to a cap', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((failures) => throttleDelaySeconds(failures, schedule)), [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  test('waits out the delay by the injected clock, then lets the next attempt through', () => {
    const throttle = new LoginThrottle(schedule);
    const t0 = Date.parse('2026-06-15T10:00:00Z');
    for (let failure = 0; failure < 4; failure += 1) throttle.fail('account:x', t0);
    assert.equal(throttle.wait('account:x', t0), 2, 'four failures, three of them free: two seconds');
    assert.equal(throttle.wait('account:x', t0 + 1500), 1);
    assert.equal(throttle.wait('account:x', t0 + 2000), 0);
    assert.equal(throttle.wait('account:y', t0), 0, 'other keys are not slowed down');
  });

  test('forgets failures after a quiet period, and on success', () => {
    const throttle = new LoginThrottle(schedule);
    const t0 = Date.parse('2026-06-15T10:00:00Z');
    for (let failure = 0; failure < 6; failure += 1) throttle.fail('k', t0);
    throttle.fail('k', t0 + 61 * 60_000);
    assert.equal(throttle.wait('k', t0 + 61 * 60_000), 0, 'one failure after an hour of quiet counts as the first');
    for (let failure = 0; failure < 6; failure += 1) throttle.fail('k', t0);
    throttle.succeed('k');
    assert.equal(throttle.wait('k', t0), 0);
  });

  test('keeps its memory bounded', () => {
    const throttle = new LoginThrottle({ ...schedule, maxKeys: 100 });
    const t0 = Date.parse('2026-06-15T10:00:00Z');
    for (let key = 0; key < 1000; key += 1) throttle.fail(`k${key}`, t0);
    assert.ok(throttle.size <= 100);
  });
});
