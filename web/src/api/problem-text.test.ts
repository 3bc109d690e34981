/**
 * Server problems in the user's language: a reason with its values phrased in Dutch or English, else what the error
 * code means, else the server's own words; and a phrase for every error code the server can send.
 */
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../../../src/server/http-errors';
import { i18n } from '../i18n';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { problemText } from './problem-text';

const t = i18n.getFixedT('nl');
const tEn = i18n.getFixedT('en');

describe('a problem in words', () => {
  it('phrases a reason with its values: the year, the case, the action in words', () => {
    expect(problemText(t, 'nl', { code: 'REPORT_NOT_PUBLISHED', detail: "No report for 2025 has been published yet: run 'imketen report publish --year 2025' first.", reason: { key: 'reportNotPublished', params: { year: 2025 } } }))
      .toBe('Voor 2025 is nog geen rapportage gepubliceerd. Een medewerker van het ministerie publiceert haar op de rapportagepagina.');
    expect(problemText(t, 'nl', { code: 'FORBIDDEN', detail: 'Refused: …', reason: { key: 'notVisible', params: { stream: 'criminal/SZ-2026-002' } } }))
      .toBe('Geweigerd: Strafzaak SZ-2026-002 bestaat niet, of het toegangsbeleid staat u niet toe het in te zien.');
    expect(problemText(tEn, 'en', { code: 'UNAUTHENTICATED', detail: 'Wrong username or password.', reason: { key: 'wrongCredentials' } })).toBe('Wrong username or password.');
    expect(problemText(t, 'nl', { code: 'FORBIDDEN', detail: 'Refused', reason: { key: 'actionRefused', params: { action: 'stream.read' } } })).not.toContain('stream.read');
  });

  it('falls back to the meaning of the code, and to the server\'s words for a code it does not know', () => {
    expect(problemText(t, 'nl', { code: 'TRANSITION_NOT_ALLOWED', detail: 'criminal.judgment is not allowed in phase investigation', reason: { key: 'somethingNew' } }))
      .toBe('Deze gebeurtenis past niet bij de huidige fase van de zaak.');
    expect(problemText(t, 'nl', { code: 'TEAPOT', detail: 'I am a teapot.' })).toBe('I am a teapot.');
  });

  it('has a phrase for every error code the server can send, in both languages', () => {
    const codes = Object.keys(HTTP_STATUS).sort();
    expect(Object.keys(nl.problemCode).sort()).toEqual(codes);
    expect(Object.keys(en.problemCode).sort()).toEqual(codes);
  });
});
