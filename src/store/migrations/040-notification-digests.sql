-- Notifications (README, "Notifications"): each user's choice of an e-mail digest of what waits for them, and a
-- record of every digest composed, so that none is sent twice for the same period — also with several servers on
-- one database: a server claims (account, period) with an INSERT before it sends, and only one INSERT wins.
-- STORED DATA: never change the meaning of a column in place; add a migration.

CREATE TABLE notification_preferences (
  account_id  bigint PRIMARY KEY REFERENCES accounts (id),
  enabled     boolean NOT NULL,
  frequency   text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  -- Which kinds of waiting work the digest counts (the task inbox's kinds, src/notifications/digest-kinds.ts).
  kinds       text[] NOT NULL,
  language    text NOT NULL CHECK (language IN ('nl', 'en')),
  -- Where the digest goes; set by the user on the preference page.
  email       text CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s<>",;]+@[^@\s<>",;]+\.[^@\s<>",;]+$')),
  updated_at  timestamptz NOT NULL
);

-- One row per account and period ('daily:2026-12-02', 'weekly:2026-W49'): claimed ('sending'), then 'sent' (with
-- the counts the mail carried) or 'empty' (nothing waited: no mail). A failed send removes its claim, so the next
-- run tries again. The row is the log of what was sent: to whom, when, which counts — never names or case numbers.
CREATE TABLE notification_digests (
  account_id  bigint NOT NULL REFERENCES accounts (id),
  period      text NOT NULL,
  status      text NOT NULL CHECK (status IN ('sending', 'sent', 'empty')),
  claimed_at  timestamptz NOT NULL,
  claimed_by  text NOT NULL,
  sent_at     timestamptz,
  recipient   text,
  language    text,
  counts      jsonb,
  message_id  text,
  PRIMARY KEY (account_id, period)
);
