/**
 * Throttling of failed sign-ins with growing delays, per key (an account name, a client address): a few attempts
 * are free, then each failure doubles the wait before the next attempt, up to a cap. Nothing is ever locked: once
 * the wait has passed, the right password works — so a stranger who knows a username can slow its owner down by at
 * most the cap, never shut them out. The clock is the caller's (the server's `now`), so tests need not sleep.
 * In memory; the server keeps its counts in the store instead (./shared-login-throttle.ts), shared by every server.
 */
export interface DelaySchedule {
  /** Failures in a row without any delay. */
  freeAttempts: number;
  /** The delay after the first failure beyond the free ones; doubles with each further failure. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key without failures for this long starts afresh. */
  forgetAfterMinutes: number;
}

/** Seconds to wait after `failures` failures in a row. */
export function throttleDelaySeconds(failures: number, schedule: DelaySchedule): number {
  if (failures < schedule.freeAttempts) return 0;
  const doublings = Math.min(failures - schedule.freeAttempts, 30);
  return Math.min(schedule.baseDelaySeconds * 2 ** doublings, schedule.maxDelaySeconds);
}

interface KeyState {
  failures: number;
  lastFailure: number;
  /** No attempt is answered before this time (ms). */
  notBefore: number;
}

export class LoginThrottle {
  private readonly keys = new Map<string, KeyState>();
  private readonly maxKeys: number;

  constructor(private readonly schedule: DelaySchedule & { maxKeys?: number }) {
    this.maxKeys = schedule.maxKeys ?? 100_000;
  }

  get size(): number {
    return this.keys.size;
  }

  private current(key: string, now: number): KeyState | undefined {
    const state = this.keys.get(key);
    if (state && now - state.lastFailure > this.schedule.forgetAfterMinutes * 60_000) {
      this.keys.delete(key);
      return undefined;
    }
    return state;
  }

  /** The whole seconds to wait before the next attempt for `key`, or 0. */
  wait(key: string, now: number): number {
    const state = this.current(key, now);
    return state && state.notBefore > now ? Math.ceil((state.notBefore - now) / 1000) : 0;
  }

  /** Counts a failed attempt and sets the wait before the next one. */
  fail(key: string, now: number): void {
    const state = this.current(key, now) ?? { failures: 0, lastFailure: now, notBefore: now };
    state.failures += 1;
    state.lastFailure = now;
    state.notBefore = now + throttleDelaySeconds(state.failures, this.schedule) * 1000;
    // Re-inserted last, so the map's order is by last failure and the oldest go first when it is full.
    this.keys.delete(key);
    this.keys.set(key, state);
    while (this.keys.size > this.maxKeys) this.keys.delete(this.keys.keys().next().value!);
  }

  /** A successful sign-in clears the key. */
  succeed(key: string): void {
    this.keys.delete(key);
  }
}

export interface LoginLimits {
  /** Failed sign-ins for one username without a delay; then the delay doubles from `baseDelaySeconds`. */
  accountFreeAttempts: number;
  /** The cap of a username's delay: the most a stranger can slow its owner down. */
  maxAccountDelaySeconds: number;
  /** Failed sign-ins from one client address without a delay. */
  addressFreeAttempts: number;
  maxAddressDelaySeconds: number;
  baseDelaySeconds: number;
  /** Failures are forgotten after this long without one. */
  forgetAfterMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountFreeAttempts: 5, maxAccountDelaySeconds: 60, addressFreeAttempts: 20, maxAddressDelaySeconds: 900, baseDelaySeconds: 1, forgetAfterMinutes: 60,
};
