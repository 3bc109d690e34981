/**
 * The sign-in throttle of ./login-throttle.ts kept in the store, so that every server on one PostgreSQL database
 * (or the embedded store) counts the same failures: an attacker spreading guesses over several servers meets the
 * same growing delays. Same schedules, same rules (nothing is ever locked); the clock is the caller's.
 */
import type { Queryable } from '../store/db.js';
import { throttleDelaySeconds, type DelaySchedule, type LoginLimits } from './login-throttle.js';

type Scope = 'account' | 'address';

export class SharedSignInThrottle {
  private readonly schedules: Record<Scope, DelaySchedule>;

  constructor(private readonly db: Queryable, limits: LoginLimits) {
    const common = { baseDelaySeconds: limits.baseDelaySeconds, forgetAfterMinutes: limits.forgetAfterMinutes };
    this.schedules = {
      account: { ...common, freeAttempts: limits.accountFreeAttempts, maxDelaySeconds: limits.maxAccountDelaySeconds },
      address: { ...common, freeAttempts: limits.addressFreeAttempts, maxDelaySeconds: limits.maxAddressDelaySeconds },
    };
  }

  /** Seconds to wait before this attempt may be answered (the longer of the two), or 0. */
  async wait(username: string, address: string, now: number): Promise<number> {
    const rows = await this.db.query<{ scope: Scope; lastFailure: string; notBefore: string }>(
      `SELECT scope, last_failure AS "lastFailure", not_before AS "notBefore" FROM sign_in_failures
       WHERE (scope = 'account' AND key = $1) OR (scope = 'address' AND key = $2)`,
      [accountKey(username), address],
    );
    let wait = 0;
    for (const row of rows) {
      if (now - Date.parse(row.lastFailure) > this.schedules[row.scope].forgetAfterMinutes * 60_000) continue;
      const notBefore = Date.parse(row.notBefore);
      if (notBefore > now) wait = Math.max(wait, Math.ceil((notBefore - now) / 1000));
    }
    return wait;
  }

  async fail(username: string, address: string, now: number): Promise<void> {
    await this.failKey('account', accountKey(username), now);
    await this.failKey('address', address, now);
  }

  /** A successful sign-in (or an administrator's unlock) clears the account name. */
  async succeed(username: string): Promise<void> {
    await this.db.query("DELETE FROM sign_in_failures WHERE scope = 'account' AND key = $1", [accountKey(username)]);
  }

  private async failKey(scope: Scope, key: string, now: number): Promise<void> {
    const schedule = this.schedules[scope];
    const at = new Date(now).toISOString();
    const forgotten = new Date(now - schedule.forgetAfterMinutes * 60_000).toISOString();
    // One statement: concurrent failures on several servers each count.
    const [row] = await this.db.query<{ failures: number }>(
      `INSERT INTO sign_in_failures AS f (scope, key, failures, last_failure, not_before) VALUES ($1, $2, 1, $3, $3)
       ON CONFLICT (scope, key) DO UPDATE SET failures = CASE WHEN f.last_failure < $4 THEN 1 ELSE f.failures + 1 END, last_failure = $3
       RETURNING failures`,
      [scope, key, at, forgotten],
    );
    const notBefore = new Date(now + throttleDelaySeconds(row!.failures, schedule) * 1000).toISOString();
    await this.db.query('UPDATE sign_in_failures SET not_before = GREATEST(not_before, $3) WHERE scope = $1 AND key = $2', [scope, key, notBefore]);
    await this.db.query('DELETE FROM sign_in_failures WHERE scope = $1 AND last_failure < $2', [scope, forgotten]);
  }
}

/** Usernames are lower-case; a known and an unknown name are keyed alike, so the throttle says nothing of existence. */
function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
