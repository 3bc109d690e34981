import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemFields as fieldsOf } from '../testing/config-problems.js';
import { elementsOfCrime, elementsOfOffence, parseElementsConfig } from './elements-config.js';

const label = (en: string) => ({ nl: `nl ${en}`, en });
const element = (id: string, kind: string) => ({ id, kind, label: label(id), source: { article: 'WIM art. 4', eoc: 'art. 7(1)(a), element 1' } });
const crime = (id: string, context?: string, kinds = ['conduct', 'mental']) => ({
  id,
  label: label(id),
  article: 'WIM art. 4',
  ...(context ? { context } : {}),
  elements: kinds.map((kind) => element(`${id}.${kind}`, kind)),
});

/** A small valid file: one crime per offence code, crimes against humanity sharing the attack. */
function valid() {
  const offences = Object.fromEntries(
    ['genocide', 'war-crimes', 'torture', 'enforced-disappearance', 'aggression', 'terrorism'].map((code) => [code, { label: label(code), crimes: [crime(`${code}.one`)] }]),
  ) as Record<string, { label: unknown; crimes: Array<ReturnType<typeof crime>> }>;
  offences['crimes-against-humanity'] = { label: label('cah'), crimes: [crime('cah.murder', 'cah', ['conduct']), crime('cah.torture', 'cah', ['conduct'])] };
  return {
    version: 1,
    sources: { wim: label('International Crimes Act') },
    contexts: { cah: { label: label('attack'), elements: [element('ctx.attack', 'contextual'), element('ctx.knowledge', 'mental')] } },
    offences,
    exclusion: {
      label: label('1F'),
      standard: label('serious reasons for considering'),
      standardSource: { article: 'Refugee Convention art. 1F' },
      grounds: ['1F-a', '1F-b', '1F-c'].map((id) => ({ id, label: label(id), article: `Refugee Convention art. ${id}`, elements: [element(`${id}.individual-responsibility`, 'conduct')] })),
    },
    verify: [{ path: 'offences.torture.crimes[0].article', note: 'check' }],
  };
}

const problemFields = (json: unknown) => fieldsOf(parseElementsConfig, json);

describe('parseElementsConfig', () => {
  it('accepts a complete file and freezes it', () => {
    const config = parseElementsConfig(valid());
    assert.ok(Object.isFrozen(config.offences.genocide.crimes));
  });

  it('puts the shared contextual elements before a crime\'s own, and lists them once per offence', () => {
    const config = parseElementsConfig(valid());
    const [murder] = config.offences['crimes-against-humanity'].crimes;
    assert.deepEqual(elementsOfCrime(config, murder!).map((item) => item.id), ['ctx.attack', 'ctx.knowledge', 'cah.murder.conduct']);
    assert.deepEqual(elementsOfOffence(config, 'crimes-against-humanity').map((item) => item.id), ['ctx.attack', 'ctx.knowledge', 'cah.murder.conduct', 'cah.torture.conduct']);
    assert.deepEqual(elementsOfOffence(config, 'other'), []);
  });

  it('refuses a missing offence code, naming it', () => {
    const config = valid();
    delete (config.offences as Record<string, unknown>).aggression;
    assert.deepEqual(problemFields(config), ['offences.aggression']);
  });

  it('refuses a duplicate id wherever it stands', () => {
    const config = valid();
    config.offences.torture!.crimes[0]!.elements[0]!.id = 'ctx.attack';
    assert.deepEqual(problemFields(config), ['offences.torture.crimes[0].elements[0].id']);
  });

  it('refuses a label without English, an element without its article, an unknown kind', () => {
    const config = valid();
    const [first, second, third] = config.offences.genocide!.crimes[0]!.elements.concat(config.offences.terrorism!.crimes[0]!.elements);
    (first!.label as { en?: string }).en = undefined;
    (second!.source as { article?: string }).article = '';
    third!.kind = 'motive';
    assert.deepEqual(problemFields(config).sort(), [
      'offences.genocide.crimes[0].elements[0].label.en',
      'offences.genocide.crimes[0].elements[1].source.article',
      'offences.terrorism.crimes[0].elements[0].kind',
    ]);
  });

  it('refuses an unknown context and a crime without a mental element', () => {
    const config = valid();
    config.offences['crimes-against-humanity']!.crimes[0]!.context = 'attack';
    assert.deepEqual(problemFields(config), ['offences.crimes-against-humanity.crimes[0].context', 'offences.crimes-against-humanity.crimes[0].elements']);
  });

  it('refuses a missing 1F ground and a verify item that names nothing', () => {
    const config = valid();
    config.exclusion.grounds.pop();
    config.verify.push({ path: 'offences.torture.crimes[3]', note: 'check' });
    assert.deepEqual(problemFields(config).sort(), ['exclusion.grounds', 'verify[1].path']);
  });
});
