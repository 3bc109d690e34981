/**
 * The text of a digest e-mail, in Dutch or English, as plain text and as simple HTML (README, "Notifications").
 * It says how many items of each kind wait and links to the task inbox where they are — nothing more: no names of
 * suspects, victims or witnesses, no case numbers, no dates of a case. E-mail leaves the system (it is stored on
 * mail servers outside the chain and may be forwarded), so the details stay behind the sign-in, where the access
 * policy decides and every read is logged.
 */
import { DIGEST_KINDS, INBOX_PAGE, PREFERENCES_PAGE, type DigestCounts, type DigestKind } from './digest-kinds.js';

export type DigestLanguage = 'nl' | 'en';

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  nl: {
    subject: (total: number) => `imketen: ${total === 1 ? '1 taak wacht' : `${total} taken wachten`} op u`,
    greeting: (user: string) => `Goedemorgen ${user},`,
    intro: { daily: 'dit wacht vandaag op u in imketen:', weekly: 'dit wacht deze week op u in imketen:' },
    overdue: (count: number) => `waarvan ${count} over tijd`,
    kinds: {
      'victim-information': 'Slachtoffers te informeren',
      'article3-reassessment': 'Artikel 3-belemmeringen te herbeoordelen',
      hearing: 'Zittingen voor te bereiden',
      'screening-hit': 'Screeningstreffers te beoordelen',
      'cross-reference': 'Kruisverwijzingen tussen partners te beoordelen',
      'authorisation-expiring': 'Machtigingen van de rechter-commissaris die binnenkort verlopen',
    } satisfies Record<DigestKind, string>,
    open: 'Naar uw takenlijst in imketen',
    why: 'Deze e-mail noemt bewust geen namen, zaaknummers of andere gegevens van zaken: e-mail verlaat het systeem. Meld u aan in imketen om ze te zien.',
    preferences: 'Deze samenvatting wijzigen of stopzetten',
    frequency: { daily: 'dagelijkse', weekly: 'wekelijkse' },
    footer: (frequency: string) => `U ontvangt deze ${frequency} samenvatting omdat u die in imketen hebt aangezet.`,
  },
  en: {
    subject: (total: number) => `imketen: ${total === 1 ? '1 task waits' : `${total} tasks wait`} for you`,
    greeting: (user: string) => `Good morning ${user},`,
    intro: { daily: 'this waits for you in imketen today:', weekly: 'this waits for you in imketen this week:' },
    overdue: (count: number) => `${count} of them overdue`,
    kinds: {
      'victim-information': 'Victims to inform',
      'article3-reassessment': 'Article 3 barriers to reassess',
      hearing: 'Hearings to prepare',
      'screening-hit': 'Screening hits to review',
      'cross-reference': 'Cross-references between partners to review',
      'authorisation-expiring': 'Authorisations of the investigating judge about to expire',
    } satisfies Record<DigestKind, string>,
    open: 'Open your task inbox in imketen',
    why: 'This e-mail deliberately names no persons, case numbers or other case details: e-mail leaves the system. Sign in to imketen to see them.',
    preferences: 'Change or stop this digest',
    frequency: { daily: 'daily', weekly: 'weekly' },
    footer: (frequency: string) => `You receive this ${frequency} digest because you turned it on in imketen.`,
  },
} as const;

export interface DigestInput {
  language: DigestLanguage;
  frequency: 'daily' | 'weekly';
  /** The recipient's own username (the greeting). */
  username: string;
  counts: DigestCounts;
  /** The web app's public address, without a trailing slash. */
  publicUrl: string;
}

/** The kinds with something waiting, in the order of DIGEST_KINDS. */
export function waitingKinds(counts: DigestCounts): DigestKind[] {
  return DIGEST_KINDS.filter((kind) => (counts[kind]?.count ?? 0) > 0);
}

export function renderDigest(input: DigestInput): DigestMessage {
  const words = WORDS[input.language];
  const kinds = waitingKinds(input.counts);
  const total = kinds.reduce((sum, kind) => sum + input.counts[kind]!.count, 0);
  const lines = kinds.map((kind) => {
    const { count, overdue } = input.counts[kind]!;
    return { kind, label: words.kinds[kind], count, overdue: overdue > 0 ? words.overdue(overdue) : '' };
  });
  const inbox = `${input.publicUrl}${INBOX_PAGE}`;
  const preferences = `${input.publicUrl}${PREFERENCES_PAGE}`;
  const footer = words.footer(words.frequency[input.frequency]);
  const text = [
    words.greeting(input.username), '', words.intro[input.frequency], '',
    ...lines.map((line) => `- ${line.label}: ${line.count}${line.overdue ? ` (${line.overdue})` : ''}`), '',
    `${words.open}: ${inbox}`, '',
    words.why, '', `${words.preferences}: ${preferences}`, footer, '',
  ].join('\n');
  const html = [
    `<!DOCTYPE html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escape(words.subject(total))}</title></head>`,
    '<body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">',
    `<p>${escape(words.greeting(input.username))}</p>`, `<p>${escape(words.intro[input.frequency])}</p>`,
    '<ul>',
    ...lines.map((line) => `<li>${escape(line.label)}: <strong>${line.count}</strong>${line.overdue ? ` (${escape(line.overdue)})` : ''}</li>`),
    '</ul>',
    `<p><a href="${escape(inbox)}">${escape(words.open)}</a></p>`,
    `<p>${escape(words.why)}</p>`,
    `<p style="font-size: 0.9em"><a href="${escape(preferences)}">${escape(words.preferences)}</a>. ${escape(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: words.subject(total), text, html };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
