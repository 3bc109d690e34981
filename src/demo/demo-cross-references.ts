/**
 * The demo's cross-references (README, "Task inbox"): the registry cross-referenced with itself, as
 * `imketen persons cross-reference` does, right after the demo is loaded. The demo's persons share common names
 * across partners, so the run finds some 900 pairs; a working day does not start with those. The pairs whose birth
 * dates agree wait for review; the others — the birth dates differ, or one side has none and only a common name
 * matches — are rejected at once by the demo's screening team, with the reason. Nobody in them is real.
 */
import { loadPolicy } from '../policy/policy.js';
import { crossReferenceRegistry, type CrossReferenceSummary } from '../screening/cross-reference-registry.js';
import { reviewHits } from '../screening/review-hit.js';
import type { Db } from '../store/db.js';

const DEMO_REVIEWER = 'demo-screeningsteam';
const MISMATCH = 'Andere persoon: alleen een veelvoorkomende naam komt overeen; de geboortedatum wijkt af of ontbreekt (demo).';

/** Cross-references the demo registry; returns the run and how many pairs were rejected at once. */
export async function loadDemoCrossReferences(db: Db, now: () => Date): Promise<CrossReferenceSummary & { rejected: number }> {
  const run = await crossReferenceRegistry(db, { policy: loadPolicy(), by: 'demo', now });
  const mismatches = run.raised.filter((hit) => (hit.explanation as { birthDate?: { outcome?: string } }).birthDate?.outcome !== 'agree');
  const rejected = await reviewHits(db, mismatches.map((hit) => ({ hitId: hit.id, decision: 'rejected' as const, reason: MISMATCH, by: DEMO_REVIEWER, now })));
  return { ...run, rejected };
}
