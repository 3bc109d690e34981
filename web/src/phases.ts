/**
 * The phases of each case kind, in their order (docs/domain.md §4): the case list's phase filter and the screening
 * of a group offer them. ./phases.test.ts ties them to the domain's phase types.
 */
export const PHASES_BY_KIND = {
  criminal: ['investigation', 'first-instance', 'appeal', 'cassation', 'closed'],
  extradition: ['received', 'court-first', 'court-cassation', 'minister', 'civil-first', 'civil-appeal', 'civil-cassation', 'concluded'],
  exclusion: ['open', 'suspended', 'decided', 'appeal', 'closed'],
  departure: ['open', 'departed', 'closed'],
  intake: ['received', 'assessed'],
  mla: ['sent', 'received', 'answered', 'closed'],
} as const;

export const PHASES: Readonly<Record<string, readonly string[]>> = PHASES_BY_KIND;
