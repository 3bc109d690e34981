import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timestampToIso } from './db.js';

describe('reading timestamps from the server', () => {
  it('turns the UTC text form into the toISOString form at every precision', () => {
    assert.equal(timestampToIso('2024-12-12 09:30:00+00'), '2024-12-12T09:30:00.000Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.5+00'), '2024-12-12T09:30:00.500Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.123+00'), '2024-12-12T09:30:00.123Z');
    assert.equal(timestampToIso('2024-12-12 09:30:00.123999+00'), '2024-12-12T09:30:00.123Z');
  });

  it('converts other zones through Date', () => {
    assert.equal(timestampToIso('2024-12-12 10:30:00+01'), '2024-12-12T09:30:00.000Z');
    assert.equal(timestampToIso('2025-01-01 00:30:00.25+01'), '2024-12-31T23:30:00.250Z');
  });
});
