import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('separates by semicolons, quotes what needs quoting, defuses formulas and starts with a byte order mark', () => {
    const csv = toCsv(['Tijdstip', 'Gegevens'], [['1 dec 2026, 10:00', 'Strafzaak SZ-1; "x"'], ['=1+1', null]]);
    expect(csv).toBe('\uFEFFTijdstip;Gegevens\r\n"1 dec 2026, 10:00";"Strafzaak SZ-1; ""x"""\r\n\'=1+1;\r\n');
  });

  it('separates by commas when asked', () => {
    expect(toCsv(['a', 'b'], [['1,5', 'x']], ',')).toBe('\uFEFFa,b\r\n"1,5",x\r\n');
  });
});
