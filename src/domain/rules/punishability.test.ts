import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRuleConfig } from '../testing/rule-config.js';
import { assessAct, personCannotBeProsecuted } from './punishability.js';
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
