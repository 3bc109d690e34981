import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OFFENCES } from '../domain/events/fields.js';
import { crimesOf, elementsOfCrime, EXCLUSION_GROUNDS, OFFENCES_WITH_ELEMENTS } from '../domain/rules/elements-config.js';
import type { Element } from '../domain/rules/elements-config.js';
import { elementsConfig, loadElementsConfig } from './elements.js';

/** Every element of the file with where it stands, for the checks over all of them. */
function allElements(): Array<{ where: string; element: Element }> {
  const config = elementsConfig();
  const found: Array<{ where: string; element: Element }> = [];
  for (const [key, context] of Object.entries(config.contexts)) for (const element of context.elements) found.push({ where: `contexts.${key}`, element });
  for (const offence of OFFENCES_WITH_ELEMENTS) {
    for (const crime of config.offences[offence].crimes) for (const element of crime.elements) found.push({ where: crime.id, element });
  }
  for (const ground of config.exclusion.grounds) for (const element of ground.elements) found.push({ where: ground.id, element });
  return found;
}

describe('the elements of crimes of this installation (config/elements.json)', () => {
  it('gives every offence code of the registry its crimes and elements, except other', () => {
    const config = elementsConfig();
    for (const offence of OFFENCES) {
      if (offence === 'other') {
        assert.deepEqual(crimesOf(config, offence), [], 'other has no fixed elements');
        continue;
      }
      const crimes = crimesOf(config, offence);
      assert.ok(crimes.length > 0, offence);
      for (const crime of crimes) {
        const kinds = new Set(elementsOfCrime(config, crime).map((element) => element.kind));
        assert.ok(kinds.has('conduct') && kinds.has('mental'), `${crime.id} has conduct and mental elements`);
      }
    }
  });

  it('has unique ids over contexts, crimes, elements and 1F grounds', () => {
    const config = elementsConfig();
    const ids = [
      ...allElements().map((entry) => entry.element.id),
      ...OFFENCES_WITH_ELEMENTS.flatMap((offence) => config.offences[offence].crimes.map((crime) => crime.id)),
      ...config.exclusion.grounds.map((ground) => ground.id),
    ];
    const duplicates = ids.filter((value, index) => ids.indexOf(value) !== index);
    assert.deepEqual(duplicates, []);
    assert.ok(ids.length > 150, `a full set, found ${ids.length}`);
  });

  it('labels every element in Dutch and English, and names its source', () => {
    for (const { where, element } of allElements()) {
      assert.ok(element.label.nl.trim() && element.label.en.trim(), `${where}: ${element.id} labels`);
      assert.notEqual(element.label.nl, element.label.en, `${where}: ${element.id} is translated`);
      assert.ok(element.source.article.trim(), `${where}: ${element.id} article`);
    }
  });

  it('cites the Elements of Crimes for every element of the Rome Statute crimes', () => {
    const config = elementsConfig();
    for (const offence of ['genocide', 'crimes-against-humanity', 'war-crimes', 'aggression'] as const) {
      for (const crime of config.offences[offence].crimes) {
        for (const element of elementsOfCrime(config, crime)) assert.ok(element.source.eoc, `${element.id} cites the EoC`);
      }
    }
  });

  it('holds the contextual elements: the attack for crimes against humanity, the armed conflict and nexus for war crimes', () => {
    const config = elementsConfig();
    for (const crime of config.offences['crimes-against-humanity'].crimes) {
      assert.ok(elementsOfCrime(config, crime).some((element) => element.id === 'ctx.cah.attack'), crime.id);
    }
    for (const crime of config.offences['war-crimes'].crimes) {
      const ids = elementsOfCrime(config, crime).map((element) => element.id);
      assert.ok(ids.includes('ctx.iac.nexus') !== ids.includes('ctx.niac.nexus'), `${crime.id}: one kind of conflict`);
    }
    const disappearance = config.offences['enforced-disappearance'].crimes[0];
    assert.ok(disappearance && !disappearance.context, 'WIM art. 8a needs no attack');
    assert.equal(disappearance.article, 'WIM art. 8a');
  });

  it('holds the three grounds of Article 1F, each with individual responsibility and knowing participation, and the standard', () => {
    const { exclusion } = elementsConfig();
    assert.deepEqual(exclusion.grounds.map((ground) => ground.id), [...EXCLUSION_GROUNDS]);
    for (const ground of exclusion.grounds) {
      const ids = ground.elements.map((element) => element.id);
      assert.ok(ids.includes(`${ground.id}.individual-responsibility`), ground.id);
      assert.ok(ids.includes(`${ground.id}.knowing-participation`), ground.id);
    }
    assert.match(exclusion.standard.en, /serious reasons for considering/);
  });

  it('lists what was not confirmed from a primary source', () => {
    const paths = elementsConfig().verify.map((item) => item.path);
    assert.ok(paths.length >= 5);
    assert.ok(paths.includes('exclusion.grounds'));
  });

  it('names the file when it cannot be read or is not valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imketen-elements-'));
    assert.throws(() => loadElementsConfig(join(dir, 'missing.json')), /cannot read the elements of crimes .*missing.json/);
    const bad = join(dir, 'elements.json');
    writeFileSync(bad, JSON.stringify({ version: 1 }));
    assert.throws(() => loadElementsConfig(bad), (error: Error) => error.message.includes(bad) && error.message.includes('offences'));
  });
});
