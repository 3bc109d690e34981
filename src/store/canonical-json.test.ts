import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/** The definition, written plainly: the fast version must give the same text for every JSON value. */
function canonicalJsonByDefinition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByDefinition).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJsonByDefinition(item)}`).join(',')}}`;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: undefined } }), '{"a":{"d":[3,{"y":"x","z":null}]},"b":1}');
  });

  it('orders keys by UTF-16 code units, not by locale', () => {
    assert.equal(canonicalJson({ é: 1, z: 2, Z: 3, '😀': 4, 'ﬀ': 5 }), '{"Z":3,"z":2,"é":1,"😀":4,"ﬀ":5}');
  });

  it('gives the same text as the definition for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === canonicalJsonByDefinition(value)), { numRuns: 500 });
  });
});
