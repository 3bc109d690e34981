-- A password an administrator set (a reset, or a new account's first password given by someone else) is temporary:
-- the account must choose its own before it may do anything else (src/accounts/password-change.ts; README,
-- "Accounts"). Set by every administrator's password change, cleared when the account changes its own password.
-- STORED DATA: existing accounts keep their passwords as they are (false).
ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
