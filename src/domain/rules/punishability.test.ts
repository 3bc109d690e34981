import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRuleConfig } from '../testing/rule-config.js';
import { assessAct, personCannotBeProsecuted } from './punishability.js';
import { parseRuleConfig } from './rule-config.js';
import type { ActInput } from './punishability.js';

const config = testRuleConfig();
const assess = (act: ActInput) => assessAct(act, config);

describe('R1 punishability of an act at the time', () => {
  it('refuses crimes against humanity of the day before the WIM came into force', () => {
    const result = assess({ offence: 'crimes-against-humanity', from: '2003-09-30' });
    assert.equal(result.punishable, 'no');
    assert.equal(result.law, null);
    assert.match(result.reason.en, /lies before 2003-10-01, when the International Crimes Act \(art. 4\) came into force/);
    assert.match(result.reason.nl, /ligt vóór 2003-10-01/);
  });

  it('accepts crimes against humanity on the day the WIM came into force', () => {
    const result = assess({ offence: 'crimes-against-humanity', from: '2003-10-01' });
    assert.equal(result.punishable, 'yes');
    assert.deepEqual(result.law, { id: 'wim', name: { nl: 'Wet internationale misdrijven', en: 'International Crimes Act' }, article: 'art. 4', from: '2003-10-01' });
  });

  it('applies the older war-crimes act to war crimes before the WIM', () => {
    const result = assess({ offence: 'war-crimes', from: '1985', country: 'AFG' });
    assert.equal(result.punishable, 'yes');
    assert.equal(result.law?.id, 'wos');
  });

  it('applies the WIM to war crimes from 2003-10-01', () => {
    assert.equal(assess({ offence: 'war-crimes', from: '2003-10-01' }).law?.id, 'wim');
    assert.equal(assess({ offence: 'war-crimes', from: '2003-09-30' }).law?.id, 'wos');
  });

  it('names the change of law for conduct spanning both regimes', () => {
    const result = assess({ offence: 'war-crimes', from: '2001', until: '2005' });
    assert.equal(result.law?.id, 'wos');
    assert.match(result.reason.en, /From 2003-10-01 the International Crimes Act \(art. 5-7\) applies/);
  });

  it('dates genocide and torture from their implementation acts, boundary included', () => {
    assert.equal(assess({ offence: 'genocide', from: '1970-10-23' }).punishable, 'no');
    assert.equal(assess({ offence: 'genocide', from: '1970-10-24' }).punishable, 'yes');
    assert.equal(assess({ offence: 'genocide', from: '1994-04' }).law?.id, 'genocide-act');
    assert.equal(assess({ offence: 'torture', from: '1989-01-19' }).punishable, 'no');
    assert.equal(assess({ offence: 'torture', from: '1989-01-20' }).law?.id, 'torture-act');
  });

  it('dates aggression from its own article', () => {
    assert.equal(assess({ offence: 'aggression', from: '2014-02' }).punishable, 'no');
    assert.equal(assess({ offence: 'aggression', from: '2022-02-24' }).punishable, 'yes');
  });

  it('is uncertain when a year or month straddles the in-force date', () => {
    const year = assess({ offence: 'crimes-against-humanity', from: '2003' });
    assert.equal(year.punishable, 'uncertain');
    assert.match(year.reason.en, /The date 2003 falls partly before and partly after 2003-10-01/);
    assert.equal(assess({ offence: 'crimes-against-humanity', from: '2003-10' }).punishable, 'yes');
    assert.equal(assess({ offence: 'crimes-against-humanity', from: '2003-09' }).punishable, 'no');
  });

  it('judges continuing conduct by its last day: punishable from the in-force date onwards', () => {
    const result = assess({ offence: 'crimes-against-humanity', from: '1998', until: '2004-06' });
    assert.equal(result.punishable, 'yes');
    assert.match(result.reason.en, /Only the conduct from 2003-10-01 onwards is punishable/);
    assert.equal(assess({ offence: 'crimes-against-humanity', from: '1998', until: '2003' }).punishable, 'uncertain');
    assert.equal(assess({ offence: 'crimes-against-humanity', from: '1998', until: '2002-12' }).punishable, 'no');
  });

  it('leaves offences without a temporal limit to ordinary criminal law', () => {
    const result = assess({ offence: 'terrorism', from: '1990' });
    assert.equal(result.punishable, 'uncertain');
    assert.match(result.reason.en, /sets no temporal limit for terrorism/);
  });
});

describe('R1 for enforced disappearance: a crime of its own only since WIM art. 8a', () => {
  const disappearance = (from: string, extra: Partial<ActInput> = {}) => assess({ offence: 'enforced-disappearance', from, ...extra });

  it('applies art. 8a from its in-force date, boundary included, whether or not there was an attack', () => {
    const result = disappearance('2010-12-01');
    assert.equal(result.punishable, 'yes');
    assert.equal(result.law?.article, 'art. 8a');
    assert.equal(result.law?.onlyAs, undefined);
    assert.equal(disappearance('2015-06', { partOfAttack: false }).punishable, 'yes');
  });

  it('before art. 8a, is uncertain while the registry does not know whether the act was part of an attack', () => {
    const result = disappearance('2010-11-30');
    assert.equal(result.punishable, 'uncertain');
    assert.equal(result.law, null);
    assert.match(result.reason.en, /Before 2010-12-01 .*art. 8a.* punishable only as crimes-against-humanity \(art. 4\): as part of a widespread or systematic attack/);
    assert.match(result.reason.en, /Establish whether this act was; if not, it was not punishable/);
    assert.match(result.reason.nl, /alleen strafbaar als crimes-against-humanity/);
  });

  it('before art. 8a, is punishable as a crime against humanity when part of an attack, and not otherwise', () => {
    const part = disappearance('2006-03', { partOfAttack: true });
    assert.equal(part.punishable, 'yes');
    assert.equal(part.law?.article, 'art. 4');
    assert.equal(part.law?.onlyAs, 'crimes-against-humanity');
    assert.match(part.reason.en, /This act was\.$/);
    const alone = disappearance('2006-03', { partOfAttack: false });
    assert.equal(alone.punishable, 'no');
    assert.match(alone.reason.en, /This act was not: it was not punishable in the Netherlands then/);
  });

  it('before the WIM, is not punishable even as part of an attack', () => {
    for (const partOfAttack of [true, false, undefined]) {
      const result = disappearance('1999', partOfAttack === undefined ? {} : { partOfAttack });
      assert.equal(result.punishable, 'no', String(partOfAttack));
      assert.match(result.reason.en, /lies before 2003-10-01/);
    }
  });

  it('judges continuing conduct into the art. 8a period as punishable from then on, naming the earlier limit', () => {
    const result = disappearance('2008', { until: '2012' });
    assert.equal(result.punishable, 'yes');
    assert.equal(result.law?.article, 'art. 8a');
    assert.match(result.reason.en, /Only the conduct from 2010-12-01 onwards is punishable\. Before 2010-12-01/);
  });

  it('is uncertain when the date straddles art. 8a and the attack is unknown or absent, certain when part of an attack', () => {
    assert.equal(disappearance('2010').punishable, 'uncertain');
    const absent = disappearance('2010', { partOfAttack: false });
    assert.equal(absent.punishable, 'uncertain');
    assert.match(absent.reason.en, /The date 2010 falls partly before and partly after 2010-12-01/);
    assert.equal(disappearance('2010', { partOfAttack: true }).punishable, 'yes');
  });

  it('counts for a person: an unknown attack before art. 8a leaves prosecution uncertain, not impossible', () => {
    assert.equal(personCannotBeProsecuted([{ offence: 'enforced-disappearance', from: '2005' }], config).cannotBeProsecuted, 'uncertain');
    assert.equal(personCannotBeProsecuted([{ offence: 'enforced-disappearance', from: '2005', partOfAttack: false }], config).cannotBeProsecuted, 'yes');
    assert.equal(personCannotBeProsecuted([{ offence: 'enforced-disappearance', from: '2011' }], config).cannotBeProsecuted, 'no');
  });

  it('refuses a regime that is punishable only as its own offence', () => {
    const raw = JSON.parse(JSON.stringify(config)) as { offences: Record<string, Array<Record<string, unknown>>> };
    (raw.offences['enforced-disappearance'] as Array<Record<string, unknown>>)[0]!.onlyAs = 'enforced-disappearance';
    assert.throws(() => parseRuleConfig(raw), /offences.enforced-disappearance\[0\].onlyAs: an offence cannot be punishable only as itself/);
  });
});

describe('R1 for a person: cannot be prosecuted', () => {
  it('says yes when no act was punishable at the time', () => {
    const result = personCannotBeProsecuted([
      { offence: 'crimes-against-humanity', from: '1995' },
      { offence: 'torture', from: '1985' },
    ], config);
    assert.equal(result.cannotBeProsecuted, 'yes');
    assert.match(result.reason.en, /A 1F exclusion has no such limit/);
    assert.equal(result.acts.length, 2);
  });

  it('says no when at least one act was punishable, and that jurisdiction is a separate question', () => {
    const result = personCannotBeProsecuted([
      { offence: 'crimes-against-humanity', from: '1995' },
      { offence: 'war-crimes', from: '1995' },
    ], config);
    assert.equal(result.cannotBeProsecuted, 'no');
    assert.match(result.reason.en, /1 of 2 acts were punishable.*jurisdiction/);
  });

  it('is uncertain when the remaining acts are uncertain, or when no acts are recorded', () => {
    assert.equal(personCannotBeProsecuted([{ offence: 'crimes-against-humanity', from: '1995' }, { offence: 'crimes-against-humanity', from: '2003' }], config).cannotBeProsecuted, 'uncertain');
    assert.equal(personCannotBeProsecuted([], config).cannotBeProsecuted, 'uncertain');
  });
});
