/**
 * R8, what proves an element (docs/domain.md §3): an element of a crime counts as proven only by evidence that is
 * available and whose originator's conditions allow its use as evidence. Material usable only as a lead (lead-only,
 * or evidence-with-consent while consent is not given) is shown as such and never counts; material that became
 * unavailable (e.g. a mechanism's mandate ended) or that failed verification counts for nothing. Pure: the caller
 * gathers, per element, the evidence items linked to it as recorded at the moment asked.
 */
import type { Bilingual } from './rule-config.js';

export const EVIDENCE_RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];

/** The originator's conditions on the use of an item. */
export const ORIGINATOR_CONDITIONS = ['lead-only', 'evidence-with-consent', 'evidence'] as const;
export type OriginatorConditions = (typeof ORIGINATOR_CONDITIONS)[number];

export const CONSENT_STATES = ['given', 'refused', 'asked', 'none'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/**
 * An item's verification, summarised by the caller from its verification steps (source, technical, content):
 * `failed` when a step failed, `verified` when all were passed, `unverified` otherwise.
 */
export const VERIFICATION_STATES = ['verified', 'unverified', 'failed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** One evidence item as linked to one element. */
export interface LinkedEvidence {
  itemId: string;
  relation: EvidenceRelation;
  available: boolean;
  conditions: OriginatorConditions;
  consent: ConsentState;
  verification: VerificationState;
}

export type ElementStatus = 'proven' | 'lead-only' | 'unsupported';

/** Why a supporting item does not count as proof; null when it does. */
export type Blocker = 'unavailable' | 'verification-failed' | 'lead-only' | 'consent-refused' | 'consent-asked' | 'consent-not-asked';

export interface ItemAssessment {
  itemId: string;
  relation: EvidenceRelation;
  verification: VerificationState;
  /** True when the item supports the element and counts as proof of it. */
  counts: boolean;
  blocker: Blocker | null;
  why: Bilingual;
}

export interface ElementProof {
  elementId: string;
  status: ElementStatus;
  reason: Bilingual;
  /** Supporting items that count as proof. */
  proof: string[];
  /** Supporting items usable only as a lead now. */
  leads: string[];
  contradicting: string[];
  /** Proven only by items not (yet) verified. */
  unverifiedOnly: boolean;
  items: ItemAssessment[];
}

const BLOCKERS: Record<Blocker, Bilingual> = {
  unavailable: { nl: 'niet meer beschikbaar', en: 'no longer available' },
  'verification-failed': { nl: 'verificatie mislukt', en: 'failed verification' },
  'lead-only': { nl: 'alleen als aanwijzing (lead) te gebruiken', en: 'usable only as a lead' },
  'consent-refused': { nl: 'toestemming voor gebruik als bewijs geweigerd', en: 'consent to use as evidence refused' },
  'consent-asked': { nl: 'toestemming voor gebruik als bewijs gevraagd, nog niet gegeven', en: 'consent to use as evidence asked, not yet given' },
  'consent-not-asked': { nl: 'toestemming voor gebruik als bewijs nodig, niet gevraagd', en: 'consent to use as evidence needed, not asked' },
};

/** Why an item cannot be used as evidence in court now; null when it can. */
export function evidenceBlocker(item: Pick<LinkedEvidence, 'available' | 'conditions' | 'consent' | 'verification'>): Blocker | null {
  if (!item.available) return 'unavailable';
  if (item.verification === 'failed') return 'verification-failed';
  if (item.conditions === 'lead-only') return 'lead-only';
  if (item.conditions === 'evidence-with-consent') {
    if (item.consent === 'given') return null;
    if (item.consent === 'refused') return 'consent-refused';
    return item.consent === 'asked' ? 'consent-asked' : 'consent-not-asked';
  }
  return null;
}

/** A blocker that leaves the item usable as a lead: it is there and sound, only the conditions stand in the way. */
function isLead(blocker: Blocker | null): boolean {
  return blocker === 'lead-only' || blocker === 'consent-refused' || blocker === 'consent-asked' || blocker === 'consent-not-asked';
}

/** R8 for one element: proven, supported only by leads, or unsupported; and why. */
export function assessElement(elementId: string, linked: readonly LinkedEvidence[]): ElementProof {
  const items = linked.map((item): ItemAssessment => {
    if (item.relation !== 'supports') {
      const why = item.relation === 'contradicts' ? { nl: 'weerspreekt dit element', en: 'contradicts this element' } : { nl: 'context', en: 'context' };
      return { itemId: item.itemId, relation: item.relation, verification: item.verification, counts: false, blocker: null, why };
    }
    const blocker = evidenceBlocker(item);
    const why = blocker ? BLOCKERS[blocker] : { nl: 'telt als bewijs', en: 'counts as evidence' };
    return { itemId: item.itemId, relation: item.relation, verification: item.verification, counts: blocker === null, blocker, why };
  });
  const proof = items.filter((item) => item.counts).map((item) => item.itemId);
  const leads = items.filter((item) => item.relation === 'supports' && isLead(item.blocker)).map((item) => item.itemId);
  const contradicting = items.filter((item) => item.relation === 'contradicts').map((item) => item.itemId);
  const unverifiedOnly = proof.length > 0 && items.every((item) => !item.counts || item.verification !== 'verified');
  const status: ElementStatus = proof.length > 0 ? 'proven' : leads.length > 0 ? 'lead-only' : 'unsupported';
  return { elementId, status, reason: explain(status, items, proof, contradicting, unverifiedOnly), proof, leads, contradicting, unverifiedOnly, items };
}

export interface ProofSummary {
  elements: ElementProof[];
  proven: number;
  leadOnly: number;
  unsupported: number;
}

/** R8 for a list of elements (e.g. of a crime charged), each with the items linked to it; unlinked elements are unsupported. */
export function assessElements(elementIds: readonly string[], linksByElement: Readonly<Record<string, readonly LinkedEvidence[]>>): ProofSummary {
  const elements = elementIds.map((elementId) => assessElement(elementId, linksByElement[elementId] ?? []));
  const count = (status: ElementStatus) => elements.filter((element) => element.status === status).length;
  return { elements, proven: count('proven'), leadOnly: count('lead-only'), unsupported: count('unsupported') };
}

function explain(status: ElementStatus, items: readonly ItemAssessment[], proof: readonly string[], contradicting: readonly string[], unverifiedOnly: boolean): Bilingual {
  const excluded = items.filter((item) => item.relation === 'supports' && !item.counts);
  const listExcluded = (lang: 'nl' | 'en') => excluded.map((item) => `${item.itemId} (${item.why[lang]})`).join(', ');
  const parts: Bilingual[] = [];
  if (status === 'proven') {
    parts.push({ nl: `Bewezen door ${proof.length} als bewijs bruikbaar stuk/stukken: ${proof.join(', ')}.`, en: `Proven by ${proof.length} item(s) usable as evidence: ${proof.join(', ')}.` });
    if (unverifiedOnly) parts.push({ nl: 'Geen daarvan is al geverifieerd.', en: 'None of them has been verified yet.' });
  } else if (status === 'lead-only') {
    parts.push({ nl: `Alleen aanwijzingen, geen bewijs: ${listExcluded('nl')}. Aanwijzingen tellen niet als bewijs (R8).`, en: `Only leads, no evidence: ${listExcluded('en')}. Leads do not count as proof (R8).` });
  } else {
    parts.push({ nl: 'Geen beschikbaar, als bewijs bruikbaar stuk ondersteunt dit element (R8).', en: 'No available item usable as evidence supports this element (R8).' });
    if (excluded.length > 0) parts.push({ nl: `Niet meegeteld: ${listExcluded('nl')}.`, en: `Not counted: ${listExcluded('en')}.` });
  }
  if (status === 'proven' && excluded.length > 0) parts.push({ nl: `Niet meegeteld: ${listExcluded('nl')}.`, en: `Not counted: ${listExcluded('en')}.` });
  if (contradicting.length > 0) parts.push({ nl: `Weersproken door: ${contradicting.join(', ')}.`, en: `Contradicted by: ${contradicting.join(', ')}.` });
  return { nl: parts.map((part) => part.nl).join(' '), en: parts.map((part) => part.en).join(' ') };
}
