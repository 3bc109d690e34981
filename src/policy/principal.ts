/**
 * Who is asking: a signed-in person (account) or a partner system (API token), acting as one role of one
 * organisation of the policy.
 */
export interface Principal {
  kind: 'user' | 'token';
  /** The account; for a token, the account that issued it is not the actor, so this is undefined. */
  accountId?: number;
  tokenId?: number;
  /** The account's username, or `token:<id>:<name>` for an API token. */
  username: string;
  organisation: string;
  role: string;
}
