/**
 * A rule configuration for tests, independent of config/rules.json: a jurist may correct a date there without
 * breaking the tests of the reasoning here.
 */
import { parseRuleConfig } from '../rules/rule-config.js';
import type { RuleConfig } from '../rules/rule-config.js';

export function testRuleConfig(overrides: { durations?: Partial<RuleConfig['durations']> } = {}): RuleConfig {
  return parseRuleConfig({
    version: 1,
    laws: {
      wim: { name: { nl: 'Wet internationale misdrijven', en: 'International Crimes Act' } },
      wos: { name: { nl: 'Wet Oorlogsstrafrecht', en: 'Wartime Criminal Law Act' } },
      'genocide-act': { name: { nl: 'Uitvoeringswet genocideverdrag', en: 'Genocide Convention Implementation Act' } },
      'torture-act': { name: { nl: 'Uitvoeringswet folteringverdrag', en: 'Torture Convention Implementation Act' } },
    },
    offences: {
      genocide: [{ law: 'genocide-act', from: '1970-10-24' }, { law: 'wim', article: 'art. 3', from: '2003-10-01' }],
      'crimes-against-humanity': [{ law: 'wim', article: 'art. 4', from: '2003-10-01' }],
      'war-crimes': [{ law: 'wos', from: '1952-07-10' }, { law: 'wim', article: 'art. 5-7', from: '2003-10-01' }],
      torture: [{ law: 'torture-act', from: '1989-01-20' }, { law: 'wim', article: 'art. 8', from: '2003-10-01' }],
      'enforced-disappearance': [
        { law: 'wim', article: 'art. 4', from: '2003-10-01', onlyAs: 'crimes-against-humanity' },
        { law: 'wim', article: 'art. 8a', from: '2010-12-01' },
      ],
      aggression: [{ law: 'wim', article: 'art. 8b', from: '2018-07-17' }],
      terrorism: [],
      other: [],
    },
    durations: { entryBanYears: 10, victimPeriodicUpdateMonths: 6, victimKeyEventNotificationDays: 14, judgeAuthorisationMaxMonths: 6, ...overrides.durations },
    verify: [],
  }, 'test rule configuration');
}
