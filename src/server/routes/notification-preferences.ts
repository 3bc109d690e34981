/**
 * My own e-mail digest (README, "Notifications"): whether it is on, how often, which kinds of waiting work it
 * counts, its language and address. Every signed-in person reads and changes only their own; the digest itself
 * carries counts and links, never case details.
 */
import { Type } from 'typebox';
import { DIGEST_KINDS } from '../../notifications/digest-kinds.js';
import { savePreferences, showPreferences } from '../../notifications/preferences.js';
import type { App, ServerContext } from '../context.js';

const KindSchema = Type.Union([
  Type.Literal('victim-information'), Type.Literal('article3-reassessment'), Type.Literal('hearing'),
  Type.Literal('screening-hit'), Type.Literal('cross-reference'), Type.Literal('authorisation-expiring'),
], {
  description: 'The kinds of the task inbox: victim-information (victims to inform, R5), article3-reassessment (Article 3 barriers to reassess, R7), hearing (hearings to prepare), screening-hit (watchlist hits to review), cross-reference (matches between partners to review), authorisation-expiring (authorisations of the investigating judge about to expire)',
});

const PreferencesInput = Type.Object({
  enabled: Type.Boolean({ description: 'Send me the digest' }),
  frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly')], { description: 'daily (each morning) or weekly (Monday morning)' }),
  kinds: Type.Array(KindSchema, { maxItems: DIGEST_KINDS.length, uniqueItems: true, description: 'Which kinds of waiting work the digest counts' }),
  language: Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'The language of the e-mail' }),
  email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()], { description: 'Where the digest goes (required when enabled)' }),
}, { additionalProperties: false });

const PreferencesSchema = Type.Object({
  enabled: Type.Boolean(),
  frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly')]),
  kinds: Type.Array(KindSchema),
  language: Type.Union([Type.Literal('nl'), Type.Literal('en')]),
  email: Type.Union([Type.String(), Type.Null()]),
  lastSentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the last digest went out to me' }),
  availableKinds: Type.Array(KindSchema, { description: 'The kinds of waiting work my role has (the others never come in a digest)' }),
  mailConfigured: Type.Boolean({ description: 'Whether this installation sends e-mail at all (SMTP configured); without it nothing is sent' }),
});

export function registerNotificationPreferenceRoutes(app: App, context: ServerContext): void {
  app.get('/api/me/notification-preferences', {
    config: { action: 'notifications.preferences' },
    schema: {
      tags: ['session'], operationId: 'getNotificationPreferences', summary: 'My e-mail digest of waiting work: on or off, how often, which kinds, language and address',
      response: { 200: PreferencesSchema },
    },
  }, async (request) => ({ ...(await showPreferences(context.db, request.principal!)), mailConfigured: context.mailConfigured === true }));

  app.put('/api/me/notification-preferences', {
    config: { action: 'notifications.preferences' },
    schema: {
      tags: ['session'], operationId: 'updateNotificationPreferences', summary: 'Change my e-mail digest (counts and links only: no case details leave the system by e-mail)',
      body: PreferencesInput,
      response: { 200: PreferencesSchema },
    },
  }, async (request) => ({ ...(await savePreferences(context.db, request.principal!, request.body, context.now())), mailConfigured: context.mailConfigured === true }));
}
