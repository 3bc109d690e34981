import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRuleConfig, ruleConfig } from './rules.js';

describe('the rule configuration of this installation', () => {
  it('is valid and holds the dates of docs/domain.md §3', () => {
    const config = ruleConfig();
    assert.equal(config.offences['crimes-against-humanity'][0]?.from, '2003-10-01');
    assert.equal(config.offences.torture[0]?.from, '1989-01-20');
    assert.equal(config.durations.entryBanYears, 10);
    assert.equal(config.durations.victimPeriodicUpdateMonths, 6);
    assert.equal(config.durations.victimKeyEventNotificationDays, 14);
  });

  it('makes enforced disappearance a crime of its own only from WIM art. 8a, before it only a crime against humanity', () => {
    const [asCrimeAgainstHumanity, own] = ruleConfig().offences['enforced-disappearance'];
    assert.deepEqual([asCrimeAgainstHumanity?.article, asCrimeAgainstHumanity?.from, asCrimeAgainstHumanity?.onlyAs], ['art. 4', '2003-10-01', 'crimes-against-humanity']);
    assert.equal(own?.article, 'art. 8a');
    assert.ok(own && own.from > '2010-11-04' && own.from < '2011-07-01', `art. 8a after the Act of 4 November 2010: ${own?.from}`);
  });

  it('lists the dates still to be verified', () => {
    const paths = ruleConfig().verify.map((item) => item.path);
    for (const path of ['offences.war-crimes[0].from', 'offences.genocide[0].from', 'offences.aggression[0].from', 'offences.enforced-disappearance[1].from']) {
      assert.ok(paths.includes(path), path);
    }
  });

  it('holds a retention rule for every partner and lists every unconfirmed retention term under verify', () => {
    const config = ruleConfig();
    const rules = config.retention?.rules ?? [];
    assert.deepEqual([...new Set(rules.map((rule) => rule.partner))].sort(), ['chain', 'dtv', 'ind', 'om', 'tim']);
    const paths = new Set(config.verify.map((item) => item.path));
    rules.forEach((rule, index) => assert.ok(paths.has(`retention.rules[${index}].years`), `${rule.id} is not listed under verify`));
  });

  it('is read once', () => {
    assert.equal(ruleConfig(), ruleConfig());
  });

  it('names the file when it cannot be read or is not valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imketen-rules-'));
    assert.throws(() => loadRuleConfig(join(dir, 'missing.json')), /cannot read the rule configuration .*missing.json/);
    const bad = join(dir, 'rules.json');
    writeFileSync(bad, JSON.stringify({ version: 2 }));
    assert.throws(() => loadRuleConfig(bad), (error: Error) => error.message.includes(bad) && error.message.includes('version'));
  });
});
