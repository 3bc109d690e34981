/**
 * Sending mail over SMTP with nodemailer, as the mail settings say (src/config/mail-config.ts, README,
 * "Notifications"). One transport per run of the digests, closed afterwards.
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/mail-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls,
    ...(config.auth ? { auth: config.auth } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html,
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
