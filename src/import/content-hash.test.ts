import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../store/canonical-json.js';
import { contentHashOfCanonicalData, eventContentHash } from '../audit/event-chain.js';

describe('the content hash of an event', () => {
  it('is the same whether built from the event or from the canonical JSON of its data', () => {
    const eventArb = fc.record({
      stream: fc.string(), type: fc.string(), date: fc.string(),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    fc.assert(fc.property(eventArb, (event) => contentHashOfCanonicalData(event, canonicalJson(event.data)) === eventContentHash(event)), { numRuns: 300 });
  });

  it('changes with every part of the content', () => {
    const event = { stream: 'person/P-1', type: 'person.registered', date: '2020-01-02', data: { names: ['A'] } };
    const hash = eventContentHash(event);
    for (const changed of [{ ...event, stream: 'person/P-2' }, { ...event, type: 'person.alias-added' }, { ...event, date: '2020-01-03' }, { ...event, data: { names: ['B'] } }])
      assert.notEqual(contentHashOfCanonicalData(changed, canonicalJson(changed.data)), hash);
  });
});
