import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './authenticate.js';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it),
 * Secure whenever the request came over TLS (directly, or through a trusted proxy: IMKETEN_TRUST_PROXY).
 */
export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
}
