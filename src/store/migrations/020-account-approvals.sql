-- Separation of duties (docs/server.md, "The administrator's reach"): a change that would let an account or an API
-- token read case data (or administer) is a request until a second administrator approves it. The database itself
-- refuses a request decided by the administrator who made it.
-- STORED DATA: never change the meaning of a column in place; add a migration.
CREATE TABLE account_approvals (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 'account.create' | 'account.role' | 'account.password' | 'account.enable' | 'token.issue'
  kind          text NOT NULL,
  -- The account changed (not for account.create), or the token waiting (token.issue).
  account_id    bigint REFERENCES accounts (id),
  token_id      bigint REFERENCES api_tokens (id),
  -- For people: what approving does, e.g. "give om.nieuw the role prosecutor".
  summary       text NOT NULL,
  -- The change to apply; a password only as its Argon2id hash.
  change        jsonb NOT NULL,
  requested_by  bigint NOT NULL REFERENCES accounts (id),
  requested_at  timestamptz NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by    bigint REFERENCES accounts (id),
  decided_at    timestamptz,
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX account_approvals_pending ON account_approvals (id) WHERE status = 'pending';

-- A token issued for a role that reads case data opens nothing until its request is approved.
ALTER TABLE api_tokens ADD COLUMN pending_approval boolean NOT NULL DEFAULT false;
