import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRuleConfig } from '../testing/rule-config.js';
import { latestValidUntil, validityBeyondCap } from './judge-authorisation.js';

describe('R3: the cap on an authorisation of the investigating judge', () => {
  const config = testRuleConfig({ durations: { judgeAuthorisationMaxMonths: 3 } });

  it('counts the configured months from the day of the decision', () => {
    assert.equal(latestValidUntil('2026-06-15', config), '2026-09-15');
    assert.equal(latestValidUntil('2026-11-30', config), '2027-02-28');
  });

  it('accepts a validity up to and including the last day, and names the setting when it goes beyond', () => {
    assert.equal(validityBeyondCap('2026-06-15', '2026-09-15', config), undefined);
    assert.match(validityBeyondCap('2026-06-15', '2026-09-16', config) ?? '', /until 2026-09-15 at the latest \(3 months, config\/rules.json durations.judgeAuthorisationMaxMonths\), not until 2026-09-16/);
    assert.match(validityBeyondCap('2000-01-01', '2999-12-31', config) ?? '', /not until 2999-12-31/);
  });
});
