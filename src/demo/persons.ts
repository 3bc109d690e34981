/**
 * Fictional persons: a random given name (sometimes with the father's name) and family name from one region's
 * pools, a partial birth date, nationalities; later aliases in other transliterations or in the native script,
 * as the registry learns them. Now and then a mistyped alias is added and retracted again.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import { daysAfter } from './calendar.js';
import { nameRegion } from './names.js';
import type { NameForms, RegionName } from './names.js';
import type { Rng } from './prng.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

export type Gender = 'male' | 'female';

export interface PersonSketch {
  region: RegionName;
  gender: Gender;
  given: NameForms;
  fathersName?: NameForms;
  family: NameForms;
  birthDate?: string;
  nationalities: string[];
}

export interface PersonOptions {
  /** The range of birth years. */
  born: readonly [first: number, last: number];
  /** The share of women; 0.1 unless given. */
  femaleShare?: number;
  /** A second nationality some persons have, e.g. NLD for a naturalised suspect. */
  secondNationality?: { code: string; share: number };
}

export function sketchPerson(rng: Rng, region: RegionName, options: PersonOptions): PersonSketch {
  const pools = nameRegion(region);
  const gender: Gender = rng.chance(options.femaleShare ?? 0.1) ? 'female' : 'male';
  const sketch: PersonSketch = {
    region,
    gender,
    given: rng.pick(pools.given[gender]),
    family: rng.pick(pools.family),
    nationalities: [pools.nationality],
  };
  if (pools.fathersNameOften && rng.chance(0.4)) sketch.fathersName = rng.pick(pools.given.male);
  const birthDate = partialBirthDate(rng, options.born);
  if (birthDate !== undefined) sketch.birthDate = birthDate;
  const second = options.secondNationality;
  if (second && rng.chance(second.share)) sketch.nationalities.push(second.code);
  return sketch;
}

/** "1971", "1968-04" or "1975-10-05"; now and then unknown. */
function partialBirthDate(rng: Rng, [first, last]: readonly [number, number]): string | undefined {
  const precision = rng.float();
  if (precision < 0.05) return undefined;
  const year = String(rng.int(first, last));
  const month = String(rng.int(1, 12)).padStart(2, '0');
  if (precision < 0.35) return year;
  if (precision < 0.55) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** The name in Latin script; `variant` picks a transliteration of each part (0 is the usual one). */
function latinName(sketch: PersonSketch, variant: (forms: NameForms) => string, withFathersName = true): string {
  const parts = [variant(sketch.given)];
  if (sketch.fathersName && withFathersName) parts.push(variant(sketch.fathersName));
  parts.push(variant(sketch.family) + feminineEnding(sketch, 'latin'));
  return parts.join(' ');
}

/** The name in the region's own script, when every part of it has one. */
function nativeName(sketch: PersonSketch): string | undefined {
  const parts = [sketch.given, ...(sketch.fathersName ? [sketch.fathersName] : []), sketch.family];
  if (parts.some((part) => part.native === undefined)) return undefined;
  return parts
    .map((part, index) => part.native! + (index === parts.length - 1 ? feminineEnding(sketch, 'native') : ''))
    .join(' ');
}

function feminineEnding(sketch: PersonSketch, script: 'latin' | 'native'): string {
  const ending = nameRegion(sketch.region).feminineFamilyEnding;
  return sketch.gender === 'female' && ending ? ending[script] : '';
}

/** A typing error an official might make: two neighbouring letters of the family name swapped. */
function mistyped(name: string, rng: Rng): string {
  const at = rng.int(Math.max(1, name.length - 6), name.length - 2);
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
}

/**
 * Registers the person on `registeredOn` and adds aliases the registry learns later. The stream's events are
 * recorded after `notRecordedBefore`.
 */
export function registerPerson(
  context: DemoContext,
  rng: Rng,
  sketch: PersonSketch,
  registeredOn: CalendarDate,
  notRecordedBefore = '',
): StreamBuilder {
  const person = new StreamBuilder(context, rng, 'person', context.ids.nextPerson(), notRecordedBefore);
  const usual = latinName(sketch, (forms) => (rng.chance(0.7) ? forms.latin[0]! : rng.pick(forms.latin)));
  const native = nativeName(sketch);
  const registeredWithNative = native !== undefined && rng.chance(0.4);
  const names = registeredWithNative ? [usual, native] : [usual];
  const data: Record<string, unknown> = { names, nationalities: sketch.nationalities, gender: sketch.gender };
  if (sketch.birthDate !== undefined) data.birthDate = sketch.birthDate;
  person.add('person.registered', registeredOn, data);

  const aliases: string[] = [];
  const other = latinName(sketch, (forms) => rng.pick(forms.latin));
  if (other !== usual && rng.chance(0.45)) aliases.push(other);
  if (native !== undefined && !registeredWithNative && rng.chance(0.25)) aliases.push(native);
  if (sketch.fathersName && rng.chance(0.3)) aliases.push(latinName(sketch, (forms) => forms.latin[0]!, false));
  let date = registeredOn;
  for (const alias of aliases) {
    date = daysAfter(rng, date, 20, 700);
    person.add('person.alias-added', date, { name: alias });
  }
  if (rng.chance(0.015)) {
    date = daysAfter(rng, date, 5, 300);
    const typo = person.add('person.alias-added', date, { name: mistyped(usual, rng) });
    if (typo) person.add('retracted', addDays(date, rng.int(1, 20)), { event: typo.id, reason: 'typing error in the alias' }, typo.recordedAt);
  }
  return person;
}
