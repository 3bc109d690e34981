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
import { STREAM_KINDS, type StreamKind } from '../domain/event.js';
import { EVENT_TYPES, EVENT_TYPES_BY_KIND } from '../domain/events/schema.js';
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

/** Checks of the registry a write rule may require (src/policy/write-policy.ts says what each means). */
export const WRITE_CONDITION_NAMES = ['confirmed-match'] as const;
export type WriteConditionName = (typeof WRITE_CONDITION_NAMES)[number];

const writeRuleSchema = z.strictObject({
  kinds: z.array(z.enum(STREAM_KINDS)).min(1),
  /** Event types of those kinds, or "*" for all of them. */
  types: z.array(z.string().min(1)).min(1),
  requires: z.array(z.enum(WRITE_CONDITION_NAMES)).optional(),
  legalBasis: z.string().min(1),
});

const writeSchema = z.strictObject({
  $comment: z.array(z.string()).optional(),
  /** Whose events a role may retract: its own organisation's (and those of an operator's import it may write). */
  retract: z.literal('own-organisation'),
  rules: z.record(z.string(), z.array(writeRuleSchema)),
});

const policySchema = z.strictObject({
  $comment: z.array(z.string()).optional(),
  version: z.literal(1),
  organisations: z.record(z.string(), z.string()),
  roles: z.record(z.string(), z.strictObject({ organisation: z.string(), label: z.string(), defaultPurpose: z.string() })),
  actions: z.record(z.string(), actionSchema),
  sharing: z.array(regimeSchema),
  /** The write policy; without it nothing may be written over the API. */
  write: writeSchema.optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type Grant = z.infer<typeof grantSchema>;
export type SharingRegime = z.infer<typeof regimeSchema>;
export type ActionPolicy = z.infer<typeof actionSchema>;
export type WriteRule = z.infer<typeof writeRuleSchema>;

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
  problems.push(...writeRuleProblems(policy));
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

/** A write rule names known roles and event types, and only kinds the role's events.append grants. */
function writeRuleProblems(policy: Policy): string[] {
  const problems: string[] = [];
  for (const [role, rules] of Object.entries(policy.write?.rules ?? {})) {
    if (!(role in policy.roles)) {
      problems.push(`write rules for unknown role ${role}`);
      continue;
    }
    const appendKinds = new Set((policy.actions['events.append']?.grants?.[role] ?? []).flatMap((grant) => grant.kinds));
    for (const [index, rule] of rules.entries()) {
      const where = `write.rules.${role}[${index}]`;
      for (const kind of rule.kinds) if (!appendKinds.has(kind)) problems.push(`${where}: events.append gives role ${role} no ${kind} streams`);
      const known = new Set(rule.kinds.flatMap((kind: StreamKind) => EVENT_TYPES_BY_KIND[kind]));
      for (const type of rule.types) if (type !== '*' && !known.has(type)) problems.push(`${where}: ${type} is not an event type of ${rule.kinds.join(', ')}`);
    }
  }
  return problems;
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
