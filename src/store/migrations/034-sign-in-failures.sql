-- The sign-in throttle, shared by every server on the store (src/accounts/shared-login-throttle.ts): failed
-- attempts per account name and per client address, forgotten after a quiet while.
CREATE TABLE sign_in_failures (
  scope         text NOT NULL CHECK (scope IN ('account', 'address')),
  key           text NOT NULL,
  failures      integer NOT NULL,
  last_failure  timestamptz NOT NULL,
  not_before    timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX sign_in_failures_last ON sign_in_failures (last_failure);
