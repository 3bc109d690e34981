/**
 * Which partners know a person: those whose roles read, under the access policy (config/policy.json), a case kind
 * that names the person — criminal, intake, legal assistance and extradition cases the police and the OM;
 * exclusion (1F) files the IND; departure dossiers DT&V (and the IND). The policy is the one place this is said.
 */
import { readableKinds } from '../policy/authorize.js';
import type { Policy } from '../policy/policy.js';

/** The organisations whose roles read each case kind without a condition. */
export function partnersByKind(policy: Policy): Map<string, string[]> {
  const byKind = new Map<string, Set<string>>();
  for (const [role, definition] of Object.entries(policy.roles)) {
    for (const kind of readableKinds(policy, role)) {
      const partners = byKind.get(kind) ?? new Set<string>();
      partners.add(definition.organisation);
      byKind.set(kind, partners);
    }
  }
  return new Map([...byKind].map(([kind, partners]) => [kind, [...partners].sort()]));
}

/** The partners that know a person named in cases of these kinds. */
export function partnersOf(kinds: Iterable<string>, byKind: ReadonlyMap<string, readonly string[]>): string[] {
  const partners = new Set<string>();
  for (const kind of kinds) for (const partner of byKind.get(kind) ?? []) partners.add(partner);
  return [...partners].sort();
}

/** Two persons are in different partners' files when some partner knows one of them and not the other. */
export function knownToDifferentPartners(a: readonly string[], b: readonly string[]): boolean {
  return a.some((partner) => !b.includes(partner)) || b.some((partner) => !a.includes(partner));
}
