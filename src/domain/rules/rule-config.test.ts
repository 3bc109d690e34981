import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemFields as fieldsOf } from '../testing/config-problems.js';
import { testRuleConfig } from '../testing/rule-config.js';
import { parseRuleConfig } from './rule-config.js';

const valid = () => JSON.parse(JSON.stringify(testRuleConfig())) as Record<string, unknown> & { durations: Record<string, unknown>; offences: Record<string, unknown[]>; verify: unknown[] };

const problemFields = (json: unknown) => fieldsOf(parseRuleConfig, json);

describe('parseRuleConfig', () => {
  it('accepts a complete configuration and freezes it', () => {
    const config = parseRuleConfig(valid());
    assert.equal(config.durations.entryBanYears, 10);
    assert.ok(Object.isFrozen(config.offences.genocide));
  });

  it('accepts the JSON text as well', () => {
    assert.equal(parseRuleConfig(JSON.stringify(valid())).durations.victimKeyEventNotificationDays, 14);
  });

  it('names the field of a wrong duration', () => {
    const config = valid();
    config.durations.entryBanYears = 'ten';
    assert.deepEqual(problemFields(config), ['durations.entryBanYears']);
  });

  it('names a date that is not a calendar date', () => {
    const config = valid();
    config.offences.aggression = [{ law: 'wim', from: '2018-02-30' }];
    assert.deepEqual(problemFields(config), ['offences.aggression[0].from']);
  });

  it('refuses a missing offence and an unknown setting', () => {
    const config = valid();
    delete config.offences.torture;
    config.colour = 'blue';
    assert.deepEqual(problemFields(config).sort(), ['', 'offences.torture'].sort());
  });

  it('refuses a regime under an unknown law and regimes out of date order', () => {
    const config = valid();
    config.offences.genocide = [{ law: 'wim', from: '2003-10-01' }, { law: 'genocide-acts', from: '1970-10-24' }];
    assert.deepEqual(problemFields(config), ['offences.genocide[1].law', 'offences.genocide[1].from']);
  });

  it('refuses a verify item that names no setting', () => {
    const config = valid();
    config.verify = [{ path: 'offences.genocide[5].from', note: 'check' }];
    assert.deepEqual(problemFields(config), ['verify[0].path']);
  });

  it('says when the text is not JSON', () => {
    assert.throws(() => parseRuleConfig('{ nope'), /is not valid JSON/);
  });
});
