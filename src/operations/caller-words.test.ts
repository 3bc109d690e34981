import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phraseError } from '../cli/phrase-error.js';
import { InvalidField } from '../domain/errors.js';
import { problemOf } from '../server/http-errors.js';
import { parseAsOf } from '../domain/as-of.js';

const NOW = new Date('2026-06-15T10:00:00.000Z');

describe('the time axis, parsed once', () => {
  it('defaults to today and now, and reads a bare date as the end of that day', () => {
    assert.deepEqual(parseAsOf({}, NOW), { date: '2026-06-15', recordedAt: NOW.toISOString(), recordedAtGiven: false });
    assert.deepEqual(parseAsOf({ date: '2025-12-31', asRecordedAt: '2026-01-15' }, NOW), { date: '2025-12-31', recordedAt: '2026-01-15T23:59:59.999Z', recordedAtGiven: true });
  });

  it('names a bad value by its field: the command line as its option, the API as its query field', () => {
    const error = (() => { try { parseAsOf({ asRecordedAt: 'yesterday' }, NOW); } catch (caught) { return caught; } })();
    assert.ok(error instanceof InvalidField);
    assert.equal(error.field, 'asRecordedAt');
    assert.match(phraseError(error), /^imketen: --as-recorded-at must be a date or an ISO 8601 time .*, got 'yesterday'\.\n$/);
    const problem = problemOf(error);
    assert.equal(problem.status, 400);
    assert.match(problem.detail, /^asRecordedAt must be/);
    assert.doesNotMatch(problem.detail, /--/);
    assert.equal(problem.problems?.[0]?.field, 'asRecordedAt');
    assert.throws(() => parseAsOf({ date: '2025-02-30' }, NOW), (thrown: unknown) => thrown instanceof InvalidField && thrown.field === 'date');
  });
});
