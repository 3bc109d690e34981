/**
 * The one access decision of imketen: `authorize(principal, action, resource, context)` reads the policy (data,
 * config/policy.json) and the registry facts its conditions need, and returns allow — with the legal basis to log —
 * or deny — with the reason and the bases that would allow it. No handler decides access by itself.
 */
import type { Principal } from './principal.js';
import { evaluateCondition, type RegistryFacts } from './conditions.js';
import type { Grant, Policy, SharingRegime, ViewName } from './policy.js';

export interface Resource {
  /** The kind of data: a stream kind (person, criminal, exclusion, …) or report, accounts, tokens, access-log, … */
  kind: string;
  /** The stream, when one person or case is concerned. */
  stream?: string;
  /** The persons concerned, when known; for a stream the facts are asked otherwise. */
  personIds?: string[];
}

export interface DecisionContext {
  /** The legal date of the access (today): regimes and authorisations are checked against it. */
  date: string;
  facts: RegistryFacts;
}

export type Decision =
  | { allowed: true; legalBasis: string; view?: ViewName; basis: string; personIds: string[] }
  | { allowed: false; status: 401 | 403; reason: string; allowingBases: string[]; personIds: string[] };

export async function authorize(
  policy: Policy, principal: Principal | undefined, action: string, resource: Resource | undefined, context: DecisionContext,
): Promise<Decision> {
  const definition = policy.actions[action];
  if (!definition) throw new Error(`action '${action}' is not in the access policy`);
  if (definition.public) return { allowed: true, legalBasis: 'public', basis: 'public', personIds: [] };
  if (!principal) {
    return { allowed: false, status: 401, reason: 'You are not signed in. Sign in (POST /api/session) or send an API token (Authorization: Bearer …).', allowingBases: [], personIds: [] };
  }
  if (!(principal.role in policy.roles)) {
    return { allowed: false, status: 403, reason: `Your role '${principal.role}' is not in the access policy.`, allowingBases: [], personIds: [] };
  }
  if (definition.authenticated) return { allowed: true, legalBasis: 'every signed-in user', basis: 'authenticated', personIds: [] };

  const kind = resource?.kind;
  const target = resource?.stream ? ` ${resource.stream}` : kind ? ` ${kind} data` : '';
  let personIds = resource?.personIds;
  const persons = async () => {
    personIds ??= resource?.stream ? await context.facts.personsOfStream(resource.stream) : [];
    return personIds;
  };
  const reasons: string[] = [];
  const grants = (definition.grants?.[principal.role] ?? []).filter((grant) => kind !== undefined && grant.kinds.includes(kind));
  for (const grant of grants) {
    // An unconditional grant needs no registry facts: the route names the persons it shows when it logs.
    if (!grant.condition) return { allowed: true, legalBasis: grant.legalBasis, view: grant.view, basis: `grant:${principal.role}`, personIds: personIds ?? [] };
    const result = await evaluateCondition(grant.condition, {
      stream: resource?.stream, personIds: await persons(), date: context.date, readableKinds: readableKinds(policy, principal.role), organisation: principal.organisation,
    }, context.facts);
    if (result.met) return { allowed: true, legalBasis: `${grant.legalBasis}; ${result.detail}`, view: grant.view, basis: `grant:${principal.role}:${grant.condition}`, personIds: await persons() };
    reasons.push(result.detail);
  }
  const allowingBases = grants.filter((grant) => grant.condition).map((grant) => `${grant.legalBasis}, when ${grant.condition}`);
  for (const regime of applicableRegimes(policy, principal.role, action, kind)) {
    const inForce = regimeInForce(regime, context.date);
    if (!inForce.ok) {
      allowingBases.push(`${regime.label} [${regime.id}] — ${inForce.why}; it would also require: ${regime.requires.join(', ') || 'nothing more'}`);
      continue;
    }
    const details: string[] = [];
    const missing: string[] = [];
    for (const condition of regime.requires) {
      const result = await evaluateCondition(condition, {
        stream: resource?.stream, personIds: await persons(), date: context.date, readableKinds: readableKinds(policy, principal.role), organisation: principal.organisation,
      }, context.facts);
      (result.met ? details : missing).push(result.detail);
    }
    if (missing.length === 0) {
      return { allowed: true, legalBasis: [`${regime.legalBasis} [${regime.id}]`, ...details].join('; '), basis: `regime:${regime.id}`, personIds: await persons() };
    }
    reasons.push(...missing);
    allowingBases.push(`${regime.label} [${regime.id}] — in force; requires ${regime.requires.join(' and ')}`);
  }
  if (grants.length === 0 && allowingBases.length === 0) {
    const others = rolesGranted(policy, action, kind);
    reasons.push(`the access policy gives role '${principal.role}' no right to ${action}${kind ? ` on ${kind} data` : ''}`);
    if (others.length > 0) allowingBases.push(`only these roles may: ${others.join(', ')}`);
  }
  return {
    allowed: false,
    status: 403,
    reason: `Refused: ${principal.role} (${principal.organisation}) may not ${action}${target}: ${[...new Set(reasons)].join('; ')}.`,
    allowingBases,
    personIds: await persons(),
  };
}

/** The stream kinds a role may read without any condition: what its person-level views are built from. */
export function readableKinds(policy: Policy, role: string): string[] {
  return grantedKinds(policy, role, 'stream.read').filter((kind) => kind !== 'person');
}

/** The kinds a role holds an unconditional grant for, for one action (list and export queries filter on them). */
export function grantedKinds(policy: Policy, role: string, action: string): string[] {
  const grants: Grant[] = policy.actions[action]?.grants?.[role] ?? [];
  return [...new Set(grants.filter((grant) => !grant.condition).flatMap((grant) => grant.kinds))];
}

/** The roles with any grant or regime for an action (and kind). */
export function rolesGranted(policy: Policy, action: string, kind?: string): string[] {
  const definition = policy.actions[action];
  const byGrant = Object.entries(definition?.grants ?? {})
    .filter(([, grants]) => grants.some((grant) => kind === undefined || grant.kinds.includes(kind)))
    .map(([role]) => role);
  const byRegime = policy.sharing.filter((regime) => regime.enabled && regime.actions.includes(action) && (kind === undefined || regime.kinds.includes(kind))).flatMap((regime) => regime.roles);
  return [...new Set([...byGrant, ...byRegime])];
}

function applicableRegimes(policy: Policy, role: string, action: string, kind: string | undefined): SharingRegime[] {
  return policy.sharing.filter((regime) => regime.roles.includes(role) && regime.actions.includes(action) && kind !== undefined && regime.kinds.includes(kind));
}

export function regimeInForce(regime: SharingRegime, date: string): { ok: true } | { ok: false; why: string } {
  if (!regime.enabled) return { ok: false, why: `switched off in the configuration (effective from ${regime.effectiveFrom} once switched on)` };
  if (date < regime.effectiveFrom) return { ok: false, why: `not in force before ${regime.effectiveFrom}` };
  if (regime.effectiveUntil && date > regime.effectiveUntil) return { ok: false, why: `no longer in force after ${regime.effectiveUntil}` };
  return { ok: true };
}
