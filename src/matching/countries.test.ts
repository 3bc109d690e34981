import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareNationalities, toCountryCode } from './countries.js';

describe('nationalities', () => {
  it('reads codes and the names lists use as ISO alpha-3', () => {
    assert.equal(toCountryCode('af'), 'AFG');
    assert.equal(toCountryCode('IRQ'), 'IRQ');
    assert.equal(toCountryCode("Democratic People's Republic of Korea"), 'PRK');
    assert.equal(toCountryCode('Korea, North'), 'PRK');
    assert.equal(toCountryCode('United Kingdom of Great Britain and Northern Ireland'), 'GBR');
    assert.equal(toCountryCode('Syria'), 'SYR');
    assert.equal(toCountryCode('Türkiye'), 'TUR');
    assert.equal(toCountryCode('Atlantis'), undefined);
  });

  it('agrees on any shared nationality and conflicts when none is shared', () => {
    assert.equal(compareNationalities(['IRQ', 'SYR'], ['SYR']).outcome, 'agree');
    assert.equal(compareNationalities(['IRQ'], ['SYR']).outcome, 'conflict');
    assert.equal(compareNationalities([], ['SYR']).outcome, 'unknown');
  });
});
