/**
 * Reviewing a hit: a person confirms it, rejects it or marks it unsure, with a reason. Decisions are appended,
 * never changed (hit_reviews is append-only); the hit's status is its last decision for as long as the data of
 * both sides stay as they were when it was made.
 */
import { ImketenError } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { DECISIONS, findHit, insertReview, type Decision, type HitRow, type ReviewRow } from '../store/hits-store.js';
import { lockHit } from '../store/screening-reads.js';

export interface ReviewInput {
  hitId: number;
  decision: Decision;
  reason: string;
  /** Who decides (recorded). */
  by: string;
  now: () => Date;
}

/** @example await reviewHit(db, { hitId: 12, decision: 'rejected', reason: 'other father\'s name, born 20 years apart', by: 'j.jansen', now }) */
export async function reviewHit(db: Db, input: ReviewInput): Promise<{ hit: HitRow; review: ReviewRow }> {
  checkReview(input);
  return db.transaction((tx) => recordReview(tx, input));
}

/**
 * Reviews many hits in one transaction, all or none: for a team's decisions on a whole run at once (the demo's
 * screening team), which one transaction per hit would make wait on the disk hundreds of times.
 */
export async function reviewHits(db: Db, inputs: readonly ReviewInput[]): Promise<number> {
  for (const input of inputs) checkReview(input);
  return db.transaction(async (tx) => {
    for (const input of inputs) await recordReview(tx, input);
    return inputs.length;
  });
}

function checkReview(input: ReviewInput): void {
  if (!DECISIONS.includes(input.decision)) throw new ImketenError('INVALID_INPUT', `A decision is one of ${DECISIONS.join(', ')}; got '${input.decision}'.`);
  const reason = input.reason.trim();
  if (!reason) throw new ImketenError('INVALID_INPUT', 'Give the reason for the decision: it is logged with it, for whoever looks at this pair next.');
  if (reason.length > 2000) throw new ImketenError('INVALID_INPUT', `Keep the reason under 2000 characters (got ${reason.length}).`);
  if (!input.by.trim()) throw new ImketenError('INVALID_INPUT', 'Say who decides (--by NAME): the decision is logged with it.');
}

async function recordReview(tx: Queryable, input: ReviewInput): Promise<{ hit: HitRow; review: ReviewRow }> {
  // lock the hit: a screening run updating its data hashes meanwhile would make the decision hold for the wrong data
  const hit = (await lockHit(tx, input.hitId)) ? await findHit(tx, input.hitId) : undefined;
  if (!hit) throw new ImketenError('CASE_NOT_FOUND', `No hit ${input.hitId}. \`imketen hits list\` shows the hits waiting for review.`);
  if (!hit.current) {
    throw new ImketenError('INVALID_INPUT', `Hit ${hit.id} is no longer found by screening (the entry was removed, or the data no longer match): there is nothing to decide.`);
  }
  const review = await insertReview(tx, {
    hitId: hit.id, decision: input.decision, reason: input.reason.trim(), reviewedBy: input.by.trim(), reviewedAt: input.now().toISOString(),
    personHash: hit.personHash, counterpartHash: hit.counterpartHash,
  });
  return { hit: (await findHit(tx, hit.id))!, review };
}
