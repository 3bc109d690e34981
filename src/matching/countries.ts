/**
 * Nationalities as ISO 3166-1 alpha-3 codes (docs/domain.md §2: nationalities are alpha-3). Lists write them as
 * alpha-2 ("af"), alpha-3 ("IRQ") or English names in several styles ("Korea, North", "Syrian Arab Republic");
 * `i18n-iso-countries` knows codes and the common names, the table below the official long forms and list
 * styles it does not.
 */
import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import { toAscii } from './normalize.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

/** Names used by the UN and OFAC lists that the library does not resolve. */
const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['democratic peoples republic of korea', 'PRK'], ['korea north', 'PRK'], ['north korea', 'PRK'], ['dprk', 'PRK'],
  ['korea south', 'KOR'], ['south korea', 'KOR'], ['republic of korea', 'KOR'],
  ['united kingdom of great britain and northern ireland', 'GBR'], ['united kingdom', 'GBR'], ['great britain', 'GBR'], ['uk', 'GBR'],
  ['syria', 'SYR'], ['viet nam', 'VNM'], ['vietnam', 'VNM'], ['burma', 'MMR'], ['moldova', 'MDA'], ['republic of moldova', 'MDA'],
  ['laos', 'LAO'], ['lao peoples democratic republic', 'LAO'], ['congo democratic republic of the', 'COD'], ['drc', 'COD'],
  ['congo republic of the', 'COG'], ['iran islamic republic of', 'IRN'], ['bolivia plurinational state of', 'BOL'],
  ['venezuela bolivarian republic of', 'VEN'], ['tanzania', 'TZA'], ['macedonia', 'MKD'], ['kosovo', 'XKX'],
  ['palestinian', 'PSE'], ['palestine', 'PSE'], ['west bank', 'PSE'], ['gaza', 'PSE'], ['turkey', 'TUR'], ['russia', 'RUS'],
  ['united states of america', 'USA'], ['usa', 'USA'], ['us', 'USA'], ['cote divoire', 'CIV'], ['ivory coast', 'CIV'],
  ['micronesia federated states of', 'FSM'], ['the gambia', 'GMB'], ['gambia the', 'GMB'], ['bahamas the', 'BHS'],
]);

function simplify(text: string): string {
  return toAscii(text).replace(/['’]/g, '').replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The alpha-3 code of a nationality written as a code or a name; undefined when unknown.
 * @example toCountryCode('af') // 'AFG'
 * @example toCountryCode('Korea, North') // 'PRK'
 */
export function toCountryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2,3}$/.test(trimmed)) {
    const code = countries.toAlpha3(trimmed.toUpperCase());
    if (code) return code;
  }
  const simple = simplify(trimmed);
  const alias = COUNTRY_ALIASES.get(simple);
  if (alias) return alias;
  const direct = countries.getAlpha3Code(trimmed, 'en');
  if (direct) return direct;
  // "Iran (Islamic Republic of)" → "Iran"; "Korea, North" → "North Korea"
  const withoutBrackets = trimmed.replace(/\s*\(.*\)\s*/g, ' ').trim();
  const reordered = withoutBrackets.includes(',') ? withoutBrackets.split(',').reverse().join(' ').trim() : withoutBrackets;
  return COUNTRY_ALIASES.get(simplify(reordered)) ?? countries.getAlpha3Code(reordered, 'en') ?? countries.getAlpha3Code(withoutBrackets, 'en') ?? undefined;
}

export type NationalityOutcome = 'agree' | 'conflict' | 'unknown';

export interface NationalityComparison {
  readonly outcome: NationalityOutcome;
  readonly query: readonly string[];
  readonly entry: readonly string[];
  readonly detail: string;
}

/** Compares alpha-3 nationality sets: any shared one agrees; none shared while both are known conflicts. */
export function compareNationalities(query: readonly string[], entry: readonly string[]): NationalityComparison {
  if (query.length === 0 || entry.length === 0) {
    return { outcome: 'unknown', query, entry, detail: query.length === 0 ? 'no nationality in the query' : 'no nationality in the entry' };
  }
  const shared = query.filter((code) => entry.includes(code));
  return shared.length > 0
    ? { outcome: 'agree', query, entry, detail: `both ${shared.join(', ')}` }
    : { outcome: 'conflict', query, entry, detail: `${query.join(', ')} / ${entry.join(', ')}` };
}
