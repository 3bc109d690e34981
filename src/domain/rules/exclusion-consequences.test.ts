import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ev, given } from '../testing/factories.js';
import { testRuleConfig } from '../testing/rule-config.js';
import { exclusionConsequences } from './exclusion-consequences.js';

const config = testRuleConfig();
const opened = ev('exclusion.opened', '2022-01-10');
const applied = (article3Barrier?: boolean) =>
  ev('exclusion.decided', '2022-06-01', article3Barrier === undefined ? { outcome: 'applied' } : { outcome: 'applied', article3Barrier });

describe('R2 consequences of a 1F exclusion', () => {
  it('without an Article 3 barrier: asylum refused, return decision, entry ban of 10 years, SIS alert', () => {
    const result = exclusionConsequences(given('exclusion', opened, applied(false)).state, config);
    assert.deepEqual(
      { ...result, explanation: undefined },
      { applies: true, asylumRefused: true, article3Barrier: false, returnDecision: true, entryBan: { years: 10 }, sisAlert: 'required', appealPending: false, explanation: undefined },
    );
    assert.match(result.explanation[1]?.en ?? '', /entry ban of 10 years and an SIS alert/);
    assert.match(result.explanation[1]?.nl ?? '', /inreisverbod van 10 jaar/);
  });

  it('treats a decision silent on Article 3 as without a barrier', () => {
    assert.equal(exclusionConsequences(given('exclusion', opened, applied()).state, config).returnDecision, true);
  });

  it('with an Article 3 barrier: no return decision, no entry ban, SIS alert still possible (C-663/21)', () => {
    const result = exclusionConsequences(given('exclusion', opened, applied(true)).state, config);
    assert.deepEqual([result.asylumRefused, result.returnDecision, result.entryBan, result.sisAlert], [true, false, null, 'possible']);
    assert.match(result.explanation[1]?.en ?? '', /C-663\/21/);
  });

  it('lets the current assessment of the barrier prevail over the decision', () => {
    const result = exclusionConsequences(given('exclusion', opened, applied(true)).state, config, { article3Barrier: false });
    assert.deepEqual([result.returnDecision, result.entryBan], [true, { years: 10 }]);
  });

  it('takes the length of the entry ban from configuration', () => {
    const result = exclusionConsequences(given('exclusion', opened, applied(false)).state, testRuleConfig({ durations: { entryBanYears: 20 } }));
    assert.deepEqual(result.entryBan, { years: 20 });
  });

  it('notes a pending appeal', () => {
    const state = given('exclusion', opened, applied(false), ev('exclusion.appeal-lodged', '2022-07-01', { forum: 'district-court' })).state;
    const result = exclusionConsequences(state, config);
    assert.equal(result.appealPending, true);
    assert.match(result.explanation[2]?.en ?? '', /not yet final/);
  });

  it('has no consequences without a decision, after not-applied, or after an annulment', () => {
    const states = [
      given('exclusion', opened).state,
      given('exclusion', opened, ev('exclusion.decided', '2022-06-01', { outcome: 'not-applied' })).state,
      given('exclusion', opened, applied(false), ev('exclusion.appeal-lodged', '2022-07-01'), ev('exclusion.appeal-decided', '2023-01-01', { outcome: 'annulled' })).state,
    ];
    for (const state of states) {
      const result = exclusionConsequences(state, config);
      assert.deepEqual([result.applies, result.asylumRefused, result.returnDecision, result.entryBan, result.sisAlert], [false, false, false, null, 'none']);
    }
  });
});
