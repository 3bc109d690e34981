/**
 * Which elements a case must prove (R8, docs/domain.md §3): a criminal case its offences' elements, a 1F file the
 * elements of the grounds of Art. 1F. Used to refuse a link to an element the case does not concern, and to lay out
 * the proof matrix. Pure: the caller passes the elements of crimes (config/elements.json).
 */
import type { Bilingual } from './rule-config.js';
import { crimesOf, elementsOfCrime, EXCLUSION_GROUNDS, type Element, type ElementsConfig } from './elements-config.js';
import { OFFENCES, type Offence } from '../events/fields.js';

/** A crime of an offence (or a ground of Art. 1F) with everything that must be proven for it. */
export interface CrimeElements {
  crime: string;
  label: Bilingual;
  article: string;
  /** The id of the shared context its first elements come from (e.g. `crimes-against-humanity`), if any. */
  context: string | null;
  elements: readonly Element[];
}

export interface OffenceElements {
  offence: string;
  label: Bilingual;
  crimes: readonly CrimeElements[];
}

/** The offence codes (criminal case) or grounds (1F file) a case kind names in its element links. */
export function isExclusionGround(offence: string): offence is (typeof EXCLUSION_GROUNDS)[number] {
  return (EXCLUSION_GROUNDS as readonly string[]).includes(offence);
}

/** The crimes and elements of an offence code or 1F ground; undefined when the config knows no such offence. */
export function offenceElements(config: ElementsConfig, offence: string): OffenceElements | undefined {
  if (isExclusionGround(offence)) {
    const ground = config.exclusion.grounds.find((entry) => entry.id === offence);
    if (!ground) return undefined;
    return { offence, label: ground.label, crimes: [{ crime: ground.id, label: ground.label, article: ground.article, context: null, elements: ground.elements }] };
  }
  if (!(OFFENCES as readonly string[]).includes(offence) || offence === 'other') return undefined;
  const code = offence as Exclude<Offence, 'other'>;
  return {
    offence,
    label: config.offences[code].label,
    crimes: crimesOf(config, code).map((crime) => ({ crime: crime.id, label: crime.label, article: crime.article, context: crime.context ?? null, elements: elementsOfCrime(config, crime) })),
  };
}

/**
 * Why a link of an element of an offence to a case is refused, or undefined when it is allowed: the offence must be
 * one the case concerns (a criminal case: an offence it was opened for; a 1F file: a ground of Art. 1F) and the
 * element one of that offence's elements.
 */
export function elementLinkProblem(config: ElementsConfig, link: { caseKind: 'criminal' | 'exclusion'; caseOffences: readonly string[]; offence: string; element: string }): { field: 'offence' | 'element'; message: string } | undefined {
  const offenceProblem = (message: string) => ({ field: 'offence' as const, message });
  const { caseKind, caseOffences, offence, element } = link;
  if (caseKind === 'exclusion') {
    if (!isExclusionGround(offence)) return offenceProblem(`a 1F file concerns the grounds of Art. 1F (${EXCLUSION_GROUNDS.join(', ')}), not '${offence}'`);
  } else {
    if (isExclusionGround(offence)) return offenceProblem(`'${offence}' is a ground of Art. 1F; a criminal case concerns its offences (${caseOffences.join(', ') || 'none recorded'})`);
    if (!caseOffences.includes(offence)) return offenceProblem(`the case does not concern '${offence}': it was opened for ${caseOffences.join(', ') || 'no offence'}`);
    if (offence === 'other') return offenceProblem(`the offence 'other' has no fixed elements in config/elements.json to link to`);
  }
  const known = offenceElements(config, offence);
  if (!known) return offenceProblem(`config/elements.json knows no offence '${offence}'`);
  const ids = new Set(known.crimes.flatMap((crime) => crime.elements.map((item) => item.id)));
  if (!ids.has(element)) return { field: 'element', message: `'${element}' is not an element of ${offence} in config/elements.json (e.g. ${[...ids].slice(0, 3).join(', ')})` };
  return undefined;
}
