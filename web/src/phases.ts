/** The phases of each case kind, in their order (src/domain/<kind>): the case list's phase filter and the screening of a group offer them. */
export const PHASES: Readonly<Record<string, readonly string[]>> = {
  criminal: ['investigation', 'first-instance', 'appeal', 'cassation', 'closed'],
  extradition: ['received', 'court-first', 'court-cassation', 'minister', 'civil-first', 'civil-appeal', 'civil-cassation', 'concluded'],
  exclusion: ['open', 'suspended', 'decided', 'appeal', 'closed'],
  departure: ['open', 'departed', 'closed'],
  intake: ['received', 'assessed'],
  mla: ['sent', 'received', 'answered', 'closed'],
};
