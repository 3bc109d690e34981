/**
 * The e-mail settings of the notification digests (README, "Notifications"), from the environment. Without
 * IMKETEN_SMTP_HOST no e-mail is sent at all: the preference page still works, and `imketen notifications send`
 * says that mail is off.
 */
import { ImketenError } from '../domain/errors.js';

export interface MailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (SMTPS, usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is encrypted (STARTTLS required on a non-secure port). */
  requireTls: boolean;
  auth?: { user: string; pass: string };
  /** The sender of every digest, e.g. `imketen <no-reply@imketen.example>`. */
  from: string;
  /** Where the links in a digest point: the web app's address as users reach it, e.g. https://imketen.example. */
  publicUrl: string;
  /** The hour (0–23, Europe/Amsterdam) from which a day's or week's digest is due. */
  sendHour: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function flag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ImketenError('CONFIG_INVALID', `${name} must be true or false, got '${value}'.`);
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ImketenError('CONFIG_INVALID', `${name} must be a whole number from ${min} to ${max}, got '${value}'.`);
  return number;
}

/** The mail settings, or undefined when IMKETEN_SMTP_HOST is not set (notifications off). */
export function readMailConfig(env: Env): MailConfig | undefined {
  const host = env.IMKETEN_SMTP_HOST?.trim();
  if (!host) return undefined;
  const secure = flag('IMKETEN_SMTP_SECURE', env.IMKETEN_SMTP_SECURE) ?? false;
  const port = wholeNumber('IMKETEN_SMTP_PORT', env.IMKETEN_SMTP_PORT, 1, 65535) ?? (secure ? 465 : 587);
  const from = env.IMKETEN_SMTP_FROM?.trim();
  if (!from) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_SMTP_HOST needs IMKETEN_SMTP_FROM beside it: the sender address of the digests.');
  const publicUrl = env.IMKETEN_PUBLIC_URL?.trim();
  if (!publicUrl || !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new ImketenError('CONFIG_INVALID', `IMKETEN_SMTP_HOST needs IMKETEN_PUBLIC_URL beside it (http:// or https://, the address users open imketen at): the digests link there${publicUrl ? `; got '${publicUrl}'` : ''}.`);
  }
  const user = env.IMKETEN_SMTP_USER;
  if (user && !env.IMKETEN_SMTP_PASSWORD) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_SMTP_USER needs IMKETEN_SMTP_PASSWORD beside it.');
  return Object.freeze({
    host, port, secure,
    requireTls: flag('IMKETEN_SMTP_REQUIRE_TLS', env.IMKETEN_SMTP_REQUIRE_TLS) ?? false,
    ...(user ? { auth: { user, pass: env.IMKETEN_SMTP_PASSWORD! } } : {}),
    from,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    sendHour: wholeNumber('IMKETEN_DIGEST_HOUR', env.IMKETEN_DIGEST_HOUR, 0, 23) ?? 7,
  });
}
