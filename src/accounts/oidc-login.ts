/**
 * Single sign-on through OpenID Connect (authorization-code flow with PKCE, openid-client): the partners sign in at
 * their own identity provider. A user is matched to an imketen account by (issuer, subject); with
 * `provisionFromClaim`, a first sign-in creates the account from the role claim the provider vouches for.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import type { Db } from '../store/db.js';
import { createAccount, findAccountByOidc, type Account } from './accounts.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  roleClaim: string;
  provisionFromClaim: boolean;
  allowInsecure: boolean;
}

const MAX_PENDING = 10_000;

interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  expires: number;
}

export interface OidcLogin {
  /** Starts a sign-in: the provider URL to send the browser to, and the key of the pending login (cookie). */
  begin(now: Date): Promise<{ url: string; key: string }>;
  /** Completes it from the callback's query string; returns the account signed in. */
  complete(key: string | undefined, query: string, now: Date): Promise<Account>;
}

export function oidcLogin(settings: OidcSettings, db: Db, policy: Policy): OidcLogin {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () => {
    configuration ??= client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute: settings.allowInsecure ? [client.allowInsecureRequests] : [],
    }).catch((error: unknown) => {
      configuration = undefined;
      throw new ImketenError('DATABASE_UNAVAILABLE', `The identity provider ${settings.issuer} cannot be reached: ${(error as Error).message}.`);
    });
    return configuration;
  };
  const pending = new Map<string, PendingLogin>();

  return {
    async begin(now) {
      const config = await discover();
      for (const [key, login] of pending) if (login.expires < now.getTime()) pending.delete(key);
      // Bounded: a flood of started-but-never-finished sign-ins must not grow memory without end.
      if (pending.size >= MAX_PENDING) throw new ImketenError('RATE_LIMITED', 'Too many single sign-ins are under way; try again in a few minutes.');
      const codeVerifier = client.randomPKCECodeVerifier();
      const login: PendingLogin = { codeVerifier, state: client.randomState(), nonce: client.randomNonce(), expires: now.getTime() + 10 * 60_000 };
      const key = randomBytes(24).toString('base64url');
      pending.set(key, login);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: login.state,
        nonce: login.nonce,
      });
      return { url: url.href, key };
    },

    async complete(key, query, now) {
      const login = key ? pending.get(key) : undefined;
      if (!key || !login || login.expires < now.getTime()) {
        throw new ImketenError('UNAUTHENTICATED', 'This sign-in was not started here or has expired: start again at /api/auth/oidc/login.');
      }
      pending.delete(key);
      const config = await discover();
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, new URL(`${settings.redirectUri}?${query}`), {
          pkceCodeVerifier: login.codeVerifier, expectedState: login.state, expectedNonce: login.nonce,
        });
        claims = tokens.claims();
      } catch (error) {
        throw new ImketenError('UNAUTHENTICATED', `Single sign-on failed: ${(error as Error).message}.`);
      }
      if (!claims) throw new ImketenError('UNAUTHENTICATED', 'The identity provider returned no ID token.');
      const issuer = String(claims.iss);
      const subject = String(claims.sub);
      const existing = await findAccountByOidc(db, issuer, subject);
      if (existing) {
        if (existing.disabled) throw new ImketenError('UNAUTHENTICATED', 'This account is disabled. Ask an administrator.');
        return existing;
      }
      const role = claims[settings.roleClaim];
      if (!settings.provisionFromClaim || typeof role !== 'string' || !policy.roles[role]) {
        throw new ImketenError('FORBIDDEN', `No imketen account is linked to your identity (${subject} at ${issuer}). Ask an administrator to create one with this single sign-on identity.`);
      }
      const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : subject;
      const username = `sso.${preferred.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 63);
      const displayName = typeof claims.name === 'string' ? claims.name : preferred;
      return createAccount(db, policy, { username, displayName, role, oidcIssuer: issuer, oidcSubject: subject }, now);
    },
  };
}
