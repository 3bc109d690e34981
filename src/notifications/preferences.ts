/**
 * A user's digest preferences (GET/PUT /api/me/notification-preferences, README, "Notifications"): on or off,
 * daily or weekly, which kinds, in which language, to which address. Until a user chooses, the digest is off.
 */
import { ImketenError } from '../domain/errors.js';
import type { Principal } from '../policy/principal.js';
import type { Queryable } from '../store/db.js';
import { listDigests, readPreferences, writePreferences } from '../store/digest-store.js';
import { WORK_OF_ROLE } from '../operations/list-waiting-work.js';
import { DIGEST_KINDS, isDigestKind, type DigestKind } from './digest-kinds.js';

export interface NotificationPreferences {
  enabled: boolean;
  frequency: 'daily' | 'weekly';
  kinds: DigestKind[];
  language: 'nl' | 'en';
  email: string | null;
}

export interface PreferencesView extends NotificationPreferences {
  /** When the last digest went to this user (null: none yet). */
  lastSentAt: string | null;
  /** The kinds of waiting work the user's role has (the task inbox's WORK_OF_ROLE): the others never come. */
  availableKinds: DigestKind[];
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { enabled: false, frequency: 'daily', kinds: [...DIGEST_KINDS], language: 'nl', email: null };

const EMAIL = /^[^@\s<>",;]+@[^@\s<>",;]+\.[^@\s<>",;]+$/;

/** The account of a signed-in person; API tokens (partner systems) have no preferences. */
function accountOf(principal: Principal): number {
  if (principal.kind !== 'user' || principal.accountId === undefined) {
    throw new ImketenError('INVALID_INPUT', 'Notification preferences belong to a signed-in person: an API token has none.');
  }
  return principal.accountId;
}

export async function showPreferences(tx: Queryable, principal: Principal): Promise<PreferencesView> {
  const accountId = accountOf(principal);
  const row = await readPreferences(tx, accountId);
  const sent = (await listDigests(tx, accountId)).filter((digest) => digest.status === 'sent' && digest.sentAt);
  const lastSentAt = sent.length > 0 ? sent[sent.length - 1]!.sentAt : null;
  const availableKinds = DIGEST_KINDS.filter((kind) => (WORK_OF_ROLE[principal.role] ?? []).includes(kind));
  if (!row) return { ...DEFAULT_PREFERENCES, kinds: [...DEFAULT_PREFERENCES.kinds], lastSentAt, availableKinds };
  return { enabled: row.enabled, frequency: row.frequency, kinds: DIGEST_KINDS.filter((kind) => row.kinds.includes(kind)), language: row.language, email: row.email, lastSentAt, availableKinds };
}

export async function savePreferences(tx: Queryable, principal: Principal, preferences: NotificationPreferences, now: Date): Promise<PreferencesView> {
  const accountId = accountOf(principal);
  const email = preferences.email?.trim() || null;
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
    throw new ImketenError('INVALID_INPUT', `email must be one e-mail address (name@example.org), got '${email.slice(0, 100)}'.`, [{ field: 'email', message: 'must be one e-mail address' }]);
  }
  if (preferences.enabled && email === null) {
    throw new ImketenError('INVALID_INPUT', 'A digest needs an e-mail address to go to: give email, or turn the digest off.', [{ field: 'email', message: 'required when the digest is on' }]);
  }
  const unknown = preferences.kinds.filter((kind) => !isDigestKind(kind));
  if (unknown.length > 0) throw new ImketenError('INVALID_INPUT', `kinds must be among ${DIGEST_KINDS.join(', ')}; got ${unknown.join(', ')}.`);
  await writePreferences(tx, {
    accountId, enabled: preferences.enabled, frequency: preferences.frequency, kinds: DIGEST_KINDS.filter((kind) => preferences.kinds.includes(kind)),
    language: preferences.language, email, updatedAt: now.toISOString(),
  });
  return showPreferences(tx, principal);
}
