/**
 * Country names in the reader's language from ISO 3166 codes, through `i18n-iso-countries` (a maintained list of
 * names per language; its short name where it has one, "Syrië" rather than "Syrische Arabische Republiek"). The
 * registry stores alpha-3 codes (IRQ, SYR); lists may carry alpha-2 codes or English names. What the library does
 * not know stays as it was written.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import nl from 'i18n-iso-countries/langs/nl.json';

countries.registerLocale(en);
countries.registerLocale(nl);

function language(value: string): 'nl' | 'en' {
  return value.startsWith('en') ? 'en' : 'nl';
}

/**
 * The alpha-2 code of an English short name the library lists only in its long form ("Syria" for "Syrian Arab
 * Republic", "Iran" for "Iran, Islamic Republic of"): the one country whose English name starts with it, if exactly one.
 */
function byShortEnglishName(text: string): string | undefined {
  if (text.length < 4) return undefined;
  const lower = text.toLowerCase();
  const matches = Object.entries(countries.getNames('en', { select: 'all' }))
    .filter(([, names]) => names.some((name) => name.toLowerCase().startsWith(lower)));
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** The country's name ("Syrië", "Syria") for a code or an English name; unknown values unchanged. */
export function countryName(value: string, lang: string): string {
  const text = value.trim();
  const alpha2 = text.length === 3 ? countries.alpha3ToAlpha2(text.toUpperCase()) : text.length === 2 ? text.toUpperCase() : countries.getAlpha2Code(text, 'en') ?? byShortEnglishName(text);
  const name = alpha2 ? countries.getName(alpha2, language(lang), { select: 'alias' }) : undefined;
  return name ?? value;
}

/** Several countries, in words, separated by commas. */
export function countryNames(values: readonly string[], lang: string): string {
  return values.map((value) => countryName(value, lang)).join(', ');
}

const OPTIONS = new Map<'nl' | 'en', { code: string; name: string }[]>();

/** Every country for a picker: alpha-3 code and name in the reader's language, sorted by name (built once per language). */
export function countryOptions(lang: string): { code: string; name: string }[] {
  const key = language(lang);
  let options = OPTIONS.get(key);
  if (!options) {
    options = Object.entries(countries.getNames(key, { select: 'alias' }))
      .map(([alpha2, name]) => ({ code: countries.alpha2ToAlpha3(alpha2) ?? alpha2, name }))
      .sort((a, b) => a.name.localeCompare(b.name, key));
    OPTIONS.set(key, options);
  }
  return options;
}
