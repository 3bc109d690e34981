/**
 * An evidence item as R8 sees it (./proof.ts): its availability, the originator's conditions and consent, and its
 * verification summarised from the Berkeley Protocol's steps. Shared by the proof matrix and the risk list, so that
 * both judge an item alike.
 */
import type { EvidenceState } from '../evidence/state.js';
import type { ConsentState, LinkedEvidence, OriginatorConditions, VerificationState } from './proof.js';

/**
 * `failed` when the last outcome of a step was refuted, `verified` when the last outcome of every step (source,
 * technical, content) was confirmed, `unverified` otherwise.
 */
export function verificationOf(verifications: readonly { step: string; outcome: string }[]): VerificationState {
  const last = new Map<string, string>();
  for (const entry of verifications) last.set(entry.step, entry.outcome);
  if ([...last.values()].includes('refuted')) return 'failed';
  return ['source', 'technical', 'content'].every((step) => last.get(step) === 'confirmed') ? 'verified' : 'unverified';
}

export interface ItemStanding {
  available: boolean;
  /** Without recorded conditions an item is the registry's own material: usable as evidence. */
  conditions: OriginatorConditions;
  consent: ConsentState;
  verification: VerificationState;
}

export function standingOf(state: Pick<EvidenceState, 'available' | 'conditions' | 'consent' | 'verifications'>): ItemStanding {
  return { available: state.available, conditions: state.conditions?.conditions ?? 'evidence', consent: state.consent, verification: verificationOf(state.verifications) };
}

export function linkedEvidence(itemId: string, relation: LinkedEvidence['relation'], standing: ItemStanding): LinkedEvidence {
  return { itemId, relation, ...standing };
}
