-- Checkpoints are evidence: append-only like the logs they cover, and chained, so that removing one shows
-- (src/audit/checkpoints.ts). `number` counts the store's checkpoints from 1 without gaps; `previous` is the SHA-256
-- of the signed text of the checkpoint before it ('' for the first). Both are covered by the signature (text v2).
-- Checkpoints made before this migration keep null in both and are checked as before (text v1).
ALTER TABLE checkpoints ADD COLUMN number bigint UNIQUE;
ALTER TABLE checkpoints ADD COLUMN previous text;

CREATE FUNCTION reject_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the checkpoints are append-only: % on checkpoints is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
  FOR EACH ROW EXECUTE FUNCTION reject_checkpoint_change();
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION reject_checkpoint_change();
