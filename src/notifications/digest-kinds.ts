/**
 * The kinds of waiting work a digest counts (README, "Notifications"), each with the page of the web app where
 * the user finds them. A digest carries a count per kind and these links — never names, case numbers or other
 * details: the e-mail leaves the system.
 */
export const DIGEST_KINDS = ['victims-overdue', 'screening-hits', 'cross-references', 'authorisations-expiring', 'article3-reassessment'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export function isDigestKind(value: string): value is DigestKind {
  return (DIGEST_KINDS as readonly string[]).includes(value);
}

/** Where the user finds the items of a kind (a path of the web app; the digest puts the public address before it). */
export const DIGEST_KIND_PAGES: Record<DigestKind, string> = {
  'victims-overdue': '/victims?overdue=1',
  'screening-hits': '/screening',
  'cross-references': '/screening',
  'authorisations-expiring': '/',
  'article3-reassessment': '/cases?kind=departure',
};

/** The preference page (linked from every digest, to change or stop it). */
export const PREFERENCES_PAGE = '/settings/notifications';

export type DigestCounts = Partial<Record<DigestKind, { count: number; overdue: number }>>;
