import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startOfDutchDay } from './dutch-day-start.js';

describe('startOfDutchDay', () => {
  it('is 23:00 UTC the day before in winter and 22:00 UTC in summer', () => {
    assert.equal(startOfDutchDay('2026-01-15'), '2026-01-14T23:00:00.000Z');
    assert.equal(startOfDutchDay('2026-07-01'), '2026-06-30T22:00:00.000Z');
  });
  it('handles the days the clock changes', () => {
    assert.equal(startOfDutchDay('2026-03-29'), '2026-03-28T23:00:00.000Z');
    assert.equal(startOfDutchDay('2026-10-25'), '2026-10-24T22:00:00.000Z');
  });
  it('refuses what is not a date', () => {
    assert.throws(() => startOfDutchDay('gisteren'), /not a date/);
  });
});
