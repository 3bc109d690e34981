-- Signed checkpoints of the Merkle tree over a hash-chained log (src/audit/checkpoints.ts), as Certificate
-- Transparency publishes signed tree heads. Partners keep copies; `imketen verify --checkpoint` proves the log of
-- today still begins with exactly the entries a checkpoint covered.
CREATE TABLE checkpoints (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  log         text NOT NULL,
  tree_size   bigint NOT NULL,
  root_hash   text NOT NULL,
  created_at  timestamptz NOT NULL,
  key_id      text NOT NULL,
  public_key  text NOT NULL,
  signature   text NOT NULL
);
