import { describe, expect, it } from 'vitest';
import { countryName, countryNames, countryOptions } from './countries';

describe('country names', () => {
  it('names alpha-3 and alpha-2 codes in Dutch and in English', () => {
    expect(countryName('SYR', 'nl')).toBe('Syrië');
    expect(countryName('IRQ', 'nl')).toBe('Irak');
    expect(countryName('SYR', 'en')).toBe('Syrian Arab Republic');
    expect(countryName('rw', 'nl')).toBe('Rwanda');
  });

  it('translates an English name from a list and leaves what it does not know as written', () => {
    expect(countryName('Afghanistan', 'nl')).toBe('Afghanistan');
    expect(countryName('Iraq', 'nl')).toBe('Irak');
    expect(countryName('XXX', 'nl')).toBe('XXX');
    expect(countryName('Former Yugoslavia', 'en')).toBe('Former Yugoslavia');
  });

  it('knows the short English names the library lists only in full, when exactly one country fits', () => {
    expect(countryName('Syria', 'nl')).toBe('Syrië');
    expect(countryName('Iran', 'nl')).toBe('Iran');
    expect(countryName('Syria', 'en')).toBe('Syrian Arab Republic');
    expect(countryName('Virgin', 'nl')).toBe('Virgin');
  });

  it('joins several and offers every country for a picker, by name', () => {
    expect(countryNames(['SYR', 'NLD'], 'nl')).toBe('Syrië, Nederland');
    const options = countryOptions('nl');
    expect(options.length).toBeGreaterThan(240);
    expect(options.find((option) => option.code === 'DEU')?.name).toBe('Duitsland');
    expect(options.map((option) => option.name)).toEqual([...options.map((option) => option.name)].sort((a, b) => a.localeCompare(b, 'nl')));
  });
});
