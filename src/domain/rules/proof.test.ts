import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessElement, assessElements, evidenceBlocker } from './proof.js';
import type { Blocker, ElementStatus, LinkedEvidence } from './proof.js';

/** A supporting item usable as evidence, verified, unless the case says otherwise. */
const item = (itemId: string, overrides: Partial<LinkedEvidence> = {}): LinkedEvidence => ({
  itemId,
  relation: 'supports',
  available: true,
  conditions: 'evidence',
  consent: 'none',
  verification: 'verified',
  ...overrides,
});

describe('R8: an element counts as proven only by available evidence whose conditions allow its use as evidence', () => {
  const cases: Array<{ name: string; linked: LinkedEvidence[]; status: ElementStatus; proof: string[]; leads: string[] }> = [
    { name: 'no evidence linked', linked: [], status: 'unsupported', proof: [], leads: [] },
    { name: 'one available item usable as evidence', linked: [item('E1')], status: 'proven', proof: ['E1'], leads: [] },
    { name: 'lead-only material only', linked: [item('E1', { conditions: 'lead-only' })], status: 'lead-only', proof: [], leads: ['E1'] },
    { name: 'lead-only material, even with consent recorded', linked: [item('E1', { conditions: 'lead-only', consent: 'given' })], status: 'lead-only', proof: [], leads: ['E1'] },
    { name: 'evidence with consent, consent not asked', linked: [item('E1', { conditions: 'evidence-with-consent' })], status: 'lead-only', proof: [], leads: ['E1'] },
    { name: 'evidence with consent, consent asked', linked: [item('E1', { conditions: 'evidence-with-consent', consent: 'asked' })], status: 'lead-only', proof: [], leads: ['E1'] },
    { name: 'evidence with consent, consent refused', linked: [item('E1', { conditions: 'evidence-with-consent', consent: 'refused' })], status: 'lead-only', proof: [], leads: ['E1'] },
    { name: 'evidence with consent, consent given', linked: [item('E1', { conditions: 'evidence-with-consent', consent: 'given' })], status: 'proven', proof: ['E1'], leads: [] },
    { name: 'usable evidence that became unavailable', linked: [item('E1', { available: false })], status: 'unsupported', proof: [], leads: [] },
    { name: 'consent given but unavailable', linked: [item('E1', { conditions: 'evidence-with-consent', consent: 'given', available: false })], status: 'unsupported', proof: [], leads: [] },
    { name: 'lead-only and unavailable', linked: [item('E1', { conditions: 'lead-only', available: false })], status: 'unsupported', proof: [], leads: [] },
    { name: 'failed verification', linked: [item('E1', { verification: 'failed' })], status: 'unsupported', proof: [], leads: [] },
    { name: 'not yet verified still counts', linked: [item('E1', { verification: 'unverified' })], status: 'proven', proof: ['E1'], leads: [] },
    { name: 'only contradicting and context items', linked: [item('E1', { relation: 'contradicts' }), item('E2', { relation: 'context' })], status: 'unsupported', proof: [], leads: [] },
    { name: 'a lead beside usable evidence', linked: [item('E1', { conditions: 'lead-only' }), item('E2')], status: 'proven', proof: ['E2'], leads: ['E1'] },
    { name: 'a lead beside unavailable evidence', linked: [item('E1', { conditions: 'lead-only' }), item('E2', { available: false })], status: 'lead-only', proof: [], leads: ['E1'] },
  ];
  for (const entry of cases) {
    it(entry.name, () => {
      const result = assessElement('cah.murder.killing', entry.linked);
      assert.equal(result.status, entry.status);
      assert.deepEqual(result.proof, entry.proof);
      assert.deepEqual(result.leads, entry.leads);
      assert.equal(result.elementId, 'cah.murder.killing');
    });
  }
});

describe('R8: the blocker of each item', () => {
  const cases: Array<[Partial<LinkedEvidence>, Blocker | null]> = [
    [{}, null],
    [{ available: false }, 'unavailable'],
    [{ available: false, verification: 'failed' }, 'unavailable'],
    [{ verification: 'failed', conditions: 'lead-only' }, 'verification-failed'],
    [{ conditions: 'lead-only' }, 'lead-only'],
    [{ conditions: 'evidence-with-consent', consent: 'none' }, 'consent-not-asked'],
    [{ conditions: 'evidence-with-consent', consent: 'asked' }, 'consent-asked'],
    [{ conditions: 'evidence-with-consent', consent: 'refused' }, 'consent-refused'],
    [{ conditions: 'evidence-with-consent', consent: 'given' }, null],
    [{ conditions: 'evidence', consent: 'refused' }, null],
  ];
  for (const [overrides, blocker] of cases) {
    it(`${JSON.stringify(overrides)} → ${String(blocker)}`, () => assert.equal(evidenceBlocker(item('E1', overrides)), blocker));
  }
});

describe('R8: the explanation', () => {
  it('says which leads stand in for proof, in Dutch and English', () => {
    const result = assessElement('x', [item('UN-7', { conditions: 'lead-only' }), item('FA-2', { conditions: 'evidence-with-consent', consent: 'asked' })]);
    assert.equal(result.reason.en, 'Only leads, no evidence: UN-7 (usable only as a lead), FA-2 (consent to use as evidence asked, not yet given). Leads do not count as proof (R8).');
    assert.match(result.reason.nl, /^Alleen aanwijzingen, geen bewijs: UN-7 \(alleen als aanwijzing \(lead\) te gebruiken\)/);
  });

  it('names what did not count, what contradicts, and proof not yet verified', () => {
    const result = assessElement('x', [item('E1', { verification: 'unverified' }), item('E2', { available: false }), item('E3', { relation: 'contradicts' })]);
    assert.equal(result.status, 'proven');
    assert.equal(result.unverifiedOnly, true);
    assert.deepEqual(result.contradicting, ['E3']);
    assert.equal(result.reason.en, 'Proven by 1 item(s) usable as evidence: E1. None of them has been verified yet. Not counted: E2 (no longer available). Contradicted by: E3.');
  });

  it('says why an element is unsupported', () => {
    const result = assessElement('x', [item('E1', { available: false })]);
    assert.equal(result.reason.en, 'No available item usable as evidence supports this element (R8). Not counted: E1 (no longer available).');
    assert.equal(assessElement('x', []).reason.nl, 'Geen beschikbaar, als bewijs bruikbaar stuk ondersteunt dit element (R8).');
  });
});

describe('R8 over the elements of a crime', () => {
  it('assesses every element, an unlinked one as unsupported, and counts them', () => {
    const summary = assessElements(['ctx.cah.attack', 'cah.murder.killing', 'cah.murder.intent'], {
      'ctx.cah.attack': [item('UN-1', { conditions: 'lead-only' })],
      'cah.murder.killing': [item('W-1')],
    });
    assert.deepEqual(summary.elements.map((element) => element.status), ['lead-only', 'proven', 'unsupported']);
    assert.deepEqual([summary.proven, summary.leadOnly, summary.unsupported], [1, 1, 1]);
  });

  it('loses an element when its only usable support becomes unavailable (the what-if of the risk list)', () => {
    const before = assessElements(['e'], { e: [item('UN-1', { conditions: 'evidence-with-consent', consent: 'given' })] });
    const after = assessElements(['e'], { e: [item('UN-1', { conditions: 'evidence-with-consent', consent: 'given', available: false })] });
    assert.equal(before.proven, 1);
    assert.equal(after.unsupported, 1);
  });
});
