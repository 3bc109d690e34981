-- Accounts, sessions and API tokens of the server (src/accounts). Roles and organisations are the policy's
-- (config/policy.json): the database stores their ids and the server refuses ids the policy does not know.
-- STORED DATA: never change the meaning of a column in place; add a migration.

CREATE TABLE accounts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  organisation    text NOT NULL,
  role            text NOT NULL,
  -- Argon2id PHC string; null for accounts that only sign in through single sign-on.
  password_hash   text,
  -- Single sign-on: the identity provider's issuer and subject this account is linked to.
  oidc_issuer     text,
  oidc_subject    text,
  disabled        boolean NOT NULL DEFAULT false,
  -- Brute-force protection: consecutive failed logins, and the lock they caused.
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  demo            boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL,
  UNIQUE (oidc_issuer, oidc_subject)
);

-- A session is a random token in an HttpOnly cookie; only its SHA-256 is stored, so a copy of this table opens nothing.
CREATE TABLE sessions (
  token_hash      text PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES accounts (id),
  -- Synchronizer token: every state-changing request of this session must carry it (X-CSRF-Token).
  csrf_token      text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  -- How the session was opened: 'password' or 'oidc'.
  method          text NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- API tokens for partner systems: one organisation and role each, revocable; only the SHA-256 of the secret is kept.
CREATE TABLE api_tokens (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL,
  organisation    text NOT NULL,
  role            text NOT NULL,
  secret_hash     text NOT NULL,
  created_by      bigint REFERENCES accounts (id),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz,
  revoked_at      timestamptz
);
