/**
 * The "register evidence" form as data: its values, the check of each field as the user types, and the
 * evidence.registered event it becomes (src/domain/evidence/events.ts).
 */
export interface RegisterValues {
  kind: string;
  title: string;
  sourceType: string;
  sourceName: string;
  sourceReference: string;
  acquiredDate: string;
  acquiredBy: string;
  method: string;
  location: string;
  language: string;
  description: string;
}

export type RegisterError = 'required' | 'futureDate' | 'languageInvalid';

export function emptyRegister(today: string, acquiredBy: string): RegisterValues {
  return { kind: '', title: '', sourceType: '', sourceName: '', sourceReference: '', acquiredDate: today, acquiredBy, method: '', location: '', language: '', description: '' };
}

export function checkRegister(values: RegisterValues, today: string): Partial<Record<keyof RegisterValues, RegisterError>> {
  const errors: Partial<Record<keyof RegisterValues, RegisterError>> = {};
  for (const field of ['kind', 'title', 'sourceType', 'acquiredDate', 'acquiredBy', 'method'] as const) {
    if (values[field].trim() === '') errors[field] = 'required';
  }
  if (!errors.acquiredDate && values.acquiredDate > today) errors.acquiredDate = 'futureDate';
  if (values.language.trim() !== '' && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(values.language.trim())) errors.language = 'languageInvalid';
  return errors;
}

/** The data of evidence.registered for one case (`criminal` → criminalCases, `exclusion` → exclusionCases). */
export function registeredData(caseKind: 'criminal' | 'exclusion', caseId: string, values: RegisterValues): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const source = { type: values.sourceType, name: optional(values.sourceName), reference: optional(values.sourceReference) };
  const acquired = { date: values.acquiredDate, by: values.acquiredBy.trim(), method: values.method, location: optional(values.location) };
  return JSON.parse(JSON.stringify({
    [caseKind === 'criminal' ? 'criminalCases' : 'exclusionCases']: [caseId],
    kind: values.kind,
    title: values.title.trim(),
    source,
    acquired,
    language: optional(values.language),
    description: optional(values.description),
  })) as Record<string, unknown>;
}
