/**
 * The server's configuration: a documented JSON file (IMKETEN_CONFIG, see docs/server.md) overridden by
 * environment variables, read once at start-up, validated and frozen. Secure defaults: listen on loopback,
 * Secure cookies whenever the request came over TLS, no demo accounts in production.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ImketenError } from '../domain/errors.js';
import { DEFAULT_TOKEN_EXPIRY_DAYS } from '../accounts/api-tokens.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from '../accounts/login-throttle.js';
import { DEFAULT_POLICY_FILE } from '../policy/policy.js';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The callback URL registered at the identity provider, e.g. https://imketen.example/api/auth/oidc/callback. */
  redirectUri: string;
  /** The ID-token claim that names the imketen role of a user the identity provider vouches for. */
  roleClaim: string;
  /** Create an account on first sign-in from the role claim (else an administrator links accounts first). */
  provisionFromClaim: boolean;
  /** Allow http:// issuers (tests, a provider on loopback). */
  allowInsecure: boolean;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (then cookies are Secure when the proxy saw https). */
  trustProxy: boolean;
  bodyLimitBytes: number;
  maxEventsPerRequest: number;
  sessionTtlMinutes: number;
  /** How long a valid API token is remembered (revocation through another server process takes up to this long). */
  tokenCacheSeconds: number;
  /** An API token's lifetime when none is asked for, and the longest one may be given. */
  tokenExpiryDays: number;
  production: boolean;
  /** Create the fictional demo accounts in an empty store (never in production). */
  demoAccounts: boolean;
  policyFile: string;
  enableRegimes: string[];
  disableRegimes: string[];
  login: LoginLimits;
  oidc?: OidcConfig;
  /** Check every response against its schema (on by default; a mismatch is a bug and answers 500). */
  validateResponses: boolean;
  logLevel: string;
  /** The bearer token GET /metrics asks for; without one, the metrics are served to the server's own host only. */
  metricsToken?: string;
  /** Captures of web pages asked for over the API (README, "Evidence"): what the server may fetch, and for how long. */
  capture: { allow: string[]; timeoutSeconds: number };
}

const fileSchema = z.strictObject({
  host: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  trustProxy: z.boolean().optional(),
  bodyLimitBytes: z.number().int().min(1024).optional(),
  maxEventsPerRequest: z.number().int().min(1).max(100_000).optional(),
  sessionTtlMinutes: z.number().int().min(1).optional(),
  tokenCacheSeconds: z.number().int().min(0).max(60).optional(),
  tokenExpiryDays: z.number().int().min(1).max(3650).optional(),
  demoAccounts: z.boolean().optional(),
  policyFile: z.string().optional(),
  policy: z.strictObject({ enable: z.array(z.string()).optional(), disable: z.array(z.string()).optional() }).optional(),
  login: z.strictObject({
    accountFreeAttempts: z.number().int().min(1).optional(),
    maxAccountDelaySeconds: z.number().int().min(1).max(3600).optional(),
    addressFreeAttempts: z.number().int().min(1).optional(),
    maxAddressDelaySeconds: z.number().int().min(1).max(86_400).optional(),
    baseDelaySeconds: z.number().int().min(1).max(60).optional(),
    forgetAfterMinutes: z.number().int().min(1).optional(),
  }).optional(),
  oidc: z.strictObject({
    issuer: z.string().url(),
    clientId: z.string(),
    clientSecret: z.string().optional(),
    redirectUri: z.string().url(),
    roleClaim: z.string().optional(),
    provisionFromClaim: z.boolean().optional(),
    allowInsecure: z.boolean().optional(),
  }).optional(),
  validateResponses: z.boolean().optional(),
  metricsToken: z.string().min(16).optional(),
  capture: z.strictObject({ allow: z.array(z.string()).optional(), timeoutSeconds: z.number().int().min(5).max(600).optional() }).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type ServerConfigFile = z.infer<typeof fileSchema>;

type Env = Readonly<Record<string, string | undefined>>;

function bool(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ImketenError('CONFIG_INVALID', `${name} must be true or false, got '${value}'.`);
}

function int(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ImketenError('CONFIG_INVALID', `${name} must be a whole number from ${min} to ${max}, got '${value}'.`);
  return number;
}

const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined);

/** Reads the configuration file named by IMKETEN_CONFIG (if any), then the environment over it. */
export function readServerConfig(env: Env, overrides: Partial<ServerConfig> = {}): Readonly<ServerConfig> {
  let file: ServerConfigFile = {};
  if (env.IMKETEN_CONFIG) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(env.IMKETEN_CONFIG, 'utf8'));
    } catch (error) {
      throw new ImketenError('CONFIG_INVALID', `Cannot read the configuration file IMKETEN_CONFIG=${env.IMKETEN_CONFIG}: ${(error as Error).message}.`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ImketenError('CONFIG_INVALID', `The configuration file ${env.IMKETEN_CONFIG} is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`);
    }
    file = parsed.data;
  }
  const production = env.NODE_ENV === 'production';
  const demoAccounts = bool('IMKETEN_DEMO_ACCOUNTS', env.IMKETEN_DEMO_ACCOUNTS) ?? file.demoAccounts ?? !production;
  if (production && demoAccounts) {
    throw new ImketenError('CONFIG_INVALID', 'Demo accounts (with published passwords) are never allowed with NODE_ENV=production: remove IMKETEN_DEMO_ACCOUNTS / demoAccounts.');
  }
  const oidcIssuer = env.IMKETEN_OIDC_ISSUER ?? file.oidc?.issuer;
  let oidc: OidcConfig | undefined;
  if (oidcIssuer) {
    const clientId = env.IMKETEN_OIDC_CLIENT_ID ?? file.oidc?.clientId;
    const redirectUri = env.IMKETEN_OIDC_REDIRECT_URI ?? file.oidc?.redirectUri;
    if (!clientId) throw new ImketenError('CONFIG_INVALID', 'Single sign-on needs IMKETEN_OIDC_CLIENT_ID (oidc.clientId) beside the issuer.');
    if (!redirectUri) throw new ImketenError('CONFIG_INVALID', 'Single sign-on needs IMKETEN_OIDC_REDIRECT_URI (oidc.redirectUri) beside the issuer.');
    const allowInsecure = bool('IMKETEN_OIDC_ALLOW_INSECURE', env.IMKETEN_OIDC_ALLOW_INSECURE) ?? file.oidc?.allowInsecure ?? false;
    if (production && allowInsecure) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_OIDC_ALLOW_INSECURE is not allowed with NODE_ENV=production.');
    oidc = {
      issuer: oidcIssuer,
      clientId,
      clientSecret: env.IMKETEN_OIDC_CLIENT_SECRET ?? file.oidc?.clientSecret,
      redirectUri,
      roleClaim: env.IMKETEN_OIDC_ROLE_CLAIM ?? file.oidc?.roleClaim ?? 'imketen_role',
      provisionFromClaim: bool('IMKETEN_OIDC_PROVISION', env.IMKETEN_OIDC_PROVISION) ?? file.oidc?.provisionFromClaim ?? false,
      allowInsecure,
    };
  }
  const config: ServerConfig = {
    host: env.IMKETEN_HOST ?? file.host ?? '127.0.0.1',
    port: int('IMKETEN_PORT', env.IMKETEN_PORT, 0, 65535) ?? file.port ?? 8080,
    trustProxy: bool('IMKETEN_TRUST_PROXY', env.IMKETEN_TRUST_PROXY) ?? file.trustProxy ?? false,
    bodyLimitBytes: int('IMKETEN_BODY_LIMIT', env.IMKETEN_BODY_LIMIT, 1024, 1 << 30) ?? file.bodyLimitBytes ?? 4 * 1024 * 1024,
    maxEventsPerRequest: file.maxEventsPerRequest ?? 5000,
    sessionTtlMinutes: int('IMKETEN_SESSION_TTL_MINUTES', env.IMKETEN_SESSION_TTL_MINUTES, 1, 60 * 24 * 30) ?? file.sessionTtlMinutes ?? 480,
    tokenCacheSeconds: file.tokenCacheSeconds ?? 5,
    tokenExpiryDays: int('IMKETEN_TOKEN_EXPIRY_DAYS', env.IMKETEN_TOKEN_EXPIRY_DAYS, 1, 3650) ?? file.tokenExpiryDays ?? DEFAULT_TOKEN_EXPIRY_DAYS,
    production,
    demoAccounts,
    policyFile: env.IMKETEN_POLICY_FILE ?? file.policyFile ?? DEFAULT_POLICY_FILE,
    enableRegimes: list(env.IMKETEN_POLICY_ENABLE) ?? file.policy?.enable ?? [],
    disableRegimes: list(env.IMKETEN_POLICY_DISABLE) ?? file.policy?.disable ?? [],
    login: { ...DEFAULT_LOGIN_LIMITS, ...file.login },
    oidc,
    validateResponses: bool('IMKETEN_VALIDATE_RESPONSES', env.IMKETEN_VALIDATE_RESPONSES) ?? file.validateResponses ?? true,
    logLevel: env.IMKETEN_LOG_LEVEL ?? file.logLevel ?? (production ? 'info' : 'warn'),
    metricsToken: metricsToken(env.IMKETEN_METRICS_TOKEN) ?? file.metricsToken,
    capture: {
      allow: list(env.IMKETEN_CAPTURE_ALLOW) ?? file.capture?.allow ?? [],
      timeoutSeconds: int('IMKETEN_CAPTURE_TIMEOUT_SECONDS', env.IMKETEN_CAPTURE_TIMEOUT_SECONDS, 5, 600) ?? file.capture?.timeoutSeconds ?? 60,
    },
    ...overrides,
  };
  return Object.freeze(config);
}

function metricsToken(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16) throw new ImketenError('CONFIG_INVALID', 'IMKETEN_METRICS_TOKEN must be at least 16 characters long (e.g. openssl rand -hex 24).');
  return value;
}

/** The configuration tests start from: ephemeral port, quiet, no demo accounts unless asked. */
export function testServerConfig(overrides: Partial<ServerConfig> = {}): Readonly<ServerConfig> {
  return readServerConfig({}, { port: 0, logLevel: 'silent', demoAccounts: false, ...overrides });
}
