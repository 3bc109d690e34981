/**
 * Separation of duties: the four-eyes rule for the administrator. A change that would let an account or an API
 * token read case data — or administer, or audit — is stored as a request; it takes effect only when another
 * administrator approves it (docs/server.md, "The administrator's reach"). Changes that take access away take
 * effect at once.
 */
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import { findApproval, insertApproval, lockApproval, recordApprovalDecision, type Approval, type ApprovalKind } from '../store/accounts-store.js';
import type { Queryable } from '../store/db.js';
import { createAccount, updateAccount, type Account, type NewAccount } from './accounts.js';
import { activateToken, revokeToken } from './api-tokens.js';

export type { Approval, ApprovalKind } from '../store/accounts-store.js';
export { findApproval, listApprovals } from '../store/accounts-store.js';

/** What an approved request applies: a new account (password hashed), or one change of an account. */
export type ApprovalChange =
  | { account: Omit<NewAccount, 'password' | 'demo'> }
  | { role: string }
  | { passwordHash: string }
  | { disabled: false }
  | Record<string, never>;

/** Kinds of data that make a role more than an aggregate reader: managing accounts, tokens, reading the access log. */
const ADMINISTRATIVE_KINDS = new Set(['accounts', 'tokens', 'access-log']);

/**
 * Whether giving this role needs a second administrator: it reads person-level data (any grant on a personLevel
 * action, or a sharing regime), or administers or audits. Computed from the policy, so a new role is judged by what
 * it may do. Of the default roles only `ministry` (aggregate figures) is not.
 */
export function roleNeedsSecondAdministrator(policy: Policy, role: string): boolean {
  if (policy.sharing.some((regime) => regime.roles.includes(role))) return true;
  return Object.values(policy.actions).some((action) => {
    const grants = action.grants?.[role] ?? [];
    return grants.length > 0 && (action.personLevel === true || grants.some((grant) => grant.kinds.some((kind) => ADMINISTRATIVE_KINDS.has(kind))));
  });
}

export async function requestApproval(
  tx: Queryable,
  request: { kind: ApprovalKind; accountId?: number; tokenId?: number; summary: string; change: ApprovalChange; requestedBy: number },
  now: Date,
): Promise<Approval> {
  const id = await insertApproval(tx, {
    kind: request.kind, accountId: request.accountId ?? null, tokenId: request.tokenId ?? null, summary: request.summary,
    change: request.change, requestedBy: request.requestedBy, requestedAt: now.toISOString(),
  });
  return (await findApproval(tx, id))!;
}

/**
 * Approves or rejects a pending request, applying it on approval. Refuses the administrator who made the request
 * (the database refuses it too).
 */
export async function decideApproval(
  tx: Queryable, policy: Policy, id: number, decision: 'approve' | 'reject', decidedBy: number, now: Date,
): Promise<{ approval: Approval; account?: Account }> {
  const row = await lockApproval(tx, id);
  if (!row) throw new ImketenError('ACCOUNT_NOT_FOUND', `No approval request with id ${id}.`);
  if (row.requestedBy === decidedBy) {
    throw new ImketenError('FORBIDDEN', `Approval request ${id} was made by you: another administrator must decide it (separation of duties).`);
  }
  if (row.status !== 'pending') throw new ImketenError('INVALID_INPUT', `Approval request ${id} was already ${row.status}.`);
  let account: Account | undefined;
  if (decision === 'approve') {
    const change = row.change as Record<string, unknown>;
    switch (row.kind) {
      case 'account.create': account = await createAccount(tx, policy, change.account as NewAccount, now); break;
      case 'account.role': account = await updateAccount(tx, policy, row.accountId!, { role: change.role as string }); break;
      case 'account.password': account = await updateAccount(tx, policy, row.accountId!, { passwordHash: change.passwordHash as string }); break;
      case 'account.enable': account = await updateAccount(tx, policy, row.accountId!, { disabled: false }); break;
      case 'token.issue': await activateToken(tx, row.tokenId!); break;
      // An erasure is carried out as a step of its own once approved (src/operations/erase-data.ts).
      case 'retention.erase': break;
      default: {
        const unknown: never = row.kind;
        throw new Error(`unknown approval kind ${String(unknown)}`);
      }
    }
  } else if (row.kind === 'token.issue') {
    await revokeToken(tx, row.tokenId!, now);
  }
  await recordApprovalDecision(tx, id, decision === 'approve' ? 'approved' : 'rejected', decidedBy, now.toISOString());
  return { approval: (await findApproval(tx, id))!, account };
}
