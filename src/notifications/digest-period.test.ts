/** The period of a digest on Dutch time (README, "Notifications"): ISO weeks at year ends, the send hour, summer time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestPeriod, isoWeek } from './digest-period.js';

describe('the period of a digest', () => {
  it('numbers ISO weeks across year ends', () => {
    for (const [date, week] of [['2026-12-02', '2026-W49'], ['2021-01-03', '2020-W53'], ['2021-01-04', '2021-W01'], ['2024-12-30', '2025-W01'], ['2027-01-01', '2026-W53']]) {
      assert.equal(isoWeek(date!), week, date);
    }
  });

  it('is due from the send hour on, in Dutch time (winter and summer)', () => {
    assert.deepEqual(digestPeriod(new Date('2026-12-02T05:59:00Z'), 'daily', 7), { key: 'daily:2026-12-02', due: false, date: '2026-12-02' });
    assert.deepEqual(digestPeriod(new Date('2026-12-02T06:00:00Z'), 'daily', 7), { key: 'daily:2026-12-02', due: true, date: '2026-12-02' });
    assert.equal(digestPeriod(new Date('2026-07-01T05:00:00Z'), 'daily', 7).due, true, '07:00 summer time');
    assert.deepEqual(digestPeriod(new Date('2026-12-01T23:30:00Z'), 'daily', 0), { key: 'daily:2026-12-02', due: true, date: '2026-12-02' }, 'already the next day in the Netherlands');
    assert.deepEqual(digestPeriod(new Date('2026-11-30T05:00:00Z'), 'weekly', 7), { key: 'weekly:2026-W49', due: false, date: '2026-11-30' });
    assert.equal(digestPeriod(new Date('2026-12-01T03:00:00Z'), 'weekly', 7).due, true, 'a week\'s digest not sent on Monday is due later that week');
  });
});
