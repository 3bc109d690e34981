/** parseByteRange (RFC 9110 §14): the forms a video player sends, and what is refused or ignored. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentRange, parseByteRange } from './byte-range.js';

describe('parseByteRange', () => {
  it('reads a first-last range, an open end and a suffix, clamped to the file', () => {
    assert.deepEqual(parseByteRange('bytes=0-499', 1000), { kind: 'range', start: 0, end: 499 });
    assert.deepEqual(parseByteRange('bytes=500-', 1000), { kind: 'range', start: 500, end: 999 });
    assert.deepEqual(parseByteRange('bytes=-200', 1000), { kind: 'range', start: 800, end: 999 });
    assert.deepEqual(parseByteRange('bytes=-5000', 1000), { kind: 'range', start: 0, end: 999 });
    assert.deepEqual(parseByteRange('bytes=900-5000', 1000), { kind: 'range', start: 900, end: 999 });
    assert.equal(contentRange({ kind: 'range', start: 900, end: 999 }, 1000), 'bytes 900-999/1000');
  });

  it('refuses a range outside the file (416), and names the size', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-2000', 'bytes=500-100', 'bytes=-0']) assert.deepEqual(parseByteRange(header, 1000), { kind: 'unsatisfiable' }, header);
    assert.deepEqual(parseByteRange('bytes=0-', 0), { kind: 'unsatisfiable' });
    assert.equal(contentRange({ kind: 'unsatisfiable' }, 1000), 'bytes */1000');
  });

  it('ignores what it does not serve: no header, another unit, several ranges, nonsense', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-9', 'bytes=abc', 'bytes=-']) assert.deepEqual(parseByteRange(header, 1000), { kind: 'whole' }, String(header));
  });
});
