import { describe, expect, it } from 'vitest';
import type { FormField } from '../api/types';
import { checkAll, checkEventDate, checkField, emptyValues, eventData } from './event-form-model';

const judgment: FormField[] = [
  { name: 'instance', kind: 'choice', required: true, options: ['first-instance'] },
  { name: 'outcome', kind: 'choice', required: true, options: ['convicted', 'acquitted', 'other'] },
  { name: 'ecli', kind: 'text', required: false, pattern: '^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\\d{4}:[A-Za-z0-9.]{1,25}$' },
  { name: 'sentence.prisonMonths', kind: 'integer', required: false },
  { name: 'sentence.life', kind: 'boolean', required: false },
];

describe('the add-event form', () => {
  it('preselects a required choice with one possible value and leaves the rest empty', () => {
    expect(emptyValues(judgment)).toEqual({ instance: 'first-instance', outcome: '', ecli: '', 'sentence.prisonMonths': '', 'sentence.life': '' });
  });

  it('checks each field as it is typed', () => {
    expect(checkAll(judgment, emptyValues(judgment))).toEqual({ outcome: 'required' });
    expect(checkField(judgment[2]!, 'ECLI:NL:RBDHA')).toBe('invalidPattern');
    expect(checkField(judgment[2]!, 'ECLI:NL:RBDHA:2024:20594')).toBeUndefined();
    expect(checkField(judgment[3]!, '12,5')).toBe('invalidNumber');
    expect(checkField({ name: 'requestingState', kind: 'country', required: true }, 'syr')).toBe('invalidCountry');
    expect(checkField({ name: 'date', kind: 'date', required: true }, '2027-02-30')).toBe('invalidDate');
    expect(checkField({ name: 'grounds', kind: 'choices', required: true, options: ['a', 'b'] }, [])).toBe('chooseAtLeastOne');
  });

  it('refuses an event dated after today', () => {
    expect(checkEventDate('2026-11-29', '2026-11-28')).toBe('futureDate');
    expect(checkEventDate('2026-11-28', '2026-11-28')).toBeUndefined();
    expect(checkEventDate('', '2026-11-28')).toBe('required');
  });

  it('builds the event data: typed, nested, without empty optional fields', () => {
    const values = { ...emptyValues(judgment), outcome: 'convicted', 'sentence.prisonMonths': '120', 'sentence.life': 'false' };
    expect(eventData(judgment, values)).toEqual({ instance: 'first-instance', outcome: 'convicted', sentence: { prisonMonths: 120, life: false } });
  });
});
