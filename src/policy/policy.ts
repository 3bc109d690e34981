/**
 * The access policy as data (config/policy.json): roles, per action the resource kinds each role may use and on
 * which legal basis, and the sharing regimes with an effective date (R3). Loaded and validated once at start-up;
 * a regime can be switched on by configuration (no code change).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ImketenError } from '../domain/errors.js';
import { EVENT_TYPES } from '../domain/events/schema.js';
import { CONDITION_NAMES } from './conditions.js';

export const DEFAULT_POLICY_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'config', 'policy.json');

/** Restricted views a grant may name; each route that can apply one says so. */
export const VIEW_NAMES = ['decision-and-consequences', 'figures-only', 'readable-persons-only'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const grantSchema = z.strictObject({
  kinds: z.array(z.string().min(1)).min(1),
  condition: z.enum(CONDITION_NAMES).optional(),
  view: z.enum(VIEW_NAMES).optional(),
  legalBasis: z.string().min(1),
});

const actionSchema = z.strictObject({
  description: z.string(),
  public: z.literal(true).optional(),
  authenticated: z.literal(true).optional(),
  personLevel: z.boolean().optional(),
  grants: z.record(z.string(), z.array(grantSchema)).optional(),
});

const regimeSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string(),
  enabled: z.boolean(),
  effectiveFrom: isoDate,
  effectiveUntil: isoDate.optional(),
  roles: z.array(z.string()).min(1),
  actions: z.array(z.string()).min(1),
  kinds: z.array(z.string()).min(1),
  requires: z.array(z.enum(CONDITION_NAMES)),
  // The event types that carry this regime's facts (the judge's authorisation, a share), and the only roles that
  // may record them — while the regime is in force (src/policy/recording.ts).
  recordedBy: z.strictObject({ eventTypes: z.array(z.string().min(1)).min(1), roles: z.array(z.string()).min(1), why: z.string().min(1) }).optional(),
  legalBasis: z.string().min(1),
  // Fields not yet confirmed from a primary source (like config/rules.json's verify list).
  verify: z.array(z.enum(['effectiveFrom', 'effectiveUntil', 'legalBasis'])).optional(),
});

const policySchema = z.strictObject({
  $comment: z.array(z.string()).optional(),
  version: z.literal(1),
  organisations: z.record(z.string(), z.string()),
  roles: z.record(z.string(), z.strictObject({ organisation: z.string(), label: z.string(), defaultPurpose: z.string() })),
  actions: z.record(z.string(), actionSchema),
  sharing: z.array(regimeSchema),
});

export type Policy = z.infer<typeof policySchema>;
export type Grant = z.infer<typeof grantSchema>;
export type SharingRegime = z.infer<typeof regimeSchema>;
export type ActionPolicy = z.infer<typeof actionSchema>;

export interface PolicyOverrides {
  /** Sharing regimes to switch on (e.g. `bill-1f-sharing`), whatever the file says. */
  enableRegimes?: readonly string[];
  /** Sharing regimes to switch off. */
  disableRegimes?: readonly string[];
}

/** Reads and checks a policy file; names the file and field when it is wrong. */
export function loadPolicy(path: string = DEFAULT_POLICY_FILE, overrides: PolicyOverrides = {}): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ImketenError('CONFIG_INVALID', `Cannot read the access policy ${path}: ${(error as Error).message}.`);
  }
  return checkPolicy(raw, path, overrides);
}

export function checkPolicy(raw: unknown, source: string, overrides: PolicyOverrides = {}): Policy {
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new ImketenError('CONFIG_INVALID', `The access policy ${source} is invalid: ${issues.join('; ')}.`);
  }
  const policy = parsed.data;
  const problems: string[] = [];
  for (const [role, definition] of Object.entries(policy.roles)) {
    if (!(definition.organisation in policy.organisations)) problems.push(`role ${role} names unknown organisation ${definition.organisation}`);
  }
  for (const [action, definition] of Object.entries(policy.actions)) {
    for (const role of Object.keys(definition.grants ?? {})) {
      if (!(role in policy.roles)) problems.push(`action ${action} grants unknown role ${role}`);
    }
    if ((definition.public || definition.authenticated) && definition.grants) problems.push(`action ${action} is public or for every role: it takes no grants`);
  }
  for (const regime of policy.sharing) {
    for (const role of regime.roles) if (!(role in policy.roles)) problems.push(`sharing regime ${regime.id} names unknown role ${role}`);
    for (const action of regime.actions) if (!(action in policy.actions)) problems.push(`sharing regime ${regime.id} names unknown action ${action}`);
    for (const role of regime.recordedBy?.roles ?? []) if (!(role in policy.roles)) problems.push(`sharing regime ${regime.id} is recorded by unknown role ${role}`);
    for (const type of regime.recordedBy?.eventTypes ?? []) if (!EVENT_TYPES.includes(type)) problems.push(`sharing regime ${regime.id} names unknown event type ${type}`);
  }
  const known = new Set(policy.sharing.map((regime) => regime.id));
  for (const id of [...(overrides.enableRegimes ?? []), ...(overrides.disableRegimes ?? [])]) {
    if (!known.has(id)) problems.push(`configuration switches unknown sharing regime '${id}' (known: ${[...known].join(', ')})`);
  }
  if (problems.length > 0) throw new ImketenError('CONFIG_INVALID', `The access policy ${source} is inconsistent: ${problems.join('; ')}.`);
  const sharing = policy.sharing.map((regime) => ({
    ...regime,
    enabled: overrides.enableRegimes?.includes(regime.id) ? true : overrides.disableRegimes?.includes(regime.id) ? false : regime.enabled,
  }));
  return deepFreeze({ ...policy, sharing });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The roles, in the policy's order. */
export function roleNames(policy: Policy): string[] {
  return Object.keys(policy.roles);
}
