-- The access log (Wpg-style: who, when, what, purpose, legal basis) and the authorisations of the investigating
-- judge that R3 asks for. STORED DATA: never change the meaning of a column in place; add a migration.
-- The hash of an access-log row covers exactly src/access-log/access-log.ts accessEntryContent(row).

CREATE TABLE access_log (
  seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
  -- Who: the account (or API token) and the organisation and role it acted as.
  principal_kind  text NOT NULL,               -- 'user' | 'token'
  account_id      bigint,
  token_id        bigint,
  username        text NOT NULL,
  organisation    text NOT NULL,
  role            text NOT NULL,
  -- What: the policy action, the resource (a stream such as exclusion/IF-2023-017, or a list), the persons concerned.
  action          text NOT NULL,
  resource        text NOT NULL,
  persons         text[] NOT NULL,
  purpose         text NOT NULL,
  legal_basis     text,
  outcome         text NOT NULL,               -- 'allowed' | 'denied'
  reason          text,
  request_id      text,
  -- Tamper evidence (src/audit/hash-chain.ts): the previous row's hash and this row's own.
  prev_hash       text NOT NULL,
  hash            text NOT NULL
);
CREATE INDEX access_log_by_person ON access_log USING gin (persons);
CREATE INDEX access_log_by_username ON access_log (username, seq);

-- Append-only, enforced by the database itself.
CREATE FUNCTION reject_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % on access_log is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION reject_access_log_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION reject_access_log_change();

-- R3: the written authorisation of the investigating judge (rechter-commissaris) for the OM to demand a person's
-- 1F file. Scope: one person, and one 1F file of theirs or (exclusion_case null) all of them; valid from/until.
CREATE TABLE judge_authorisations (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_reference  text NOT NULL,
  person_id           text NOT NULL,
  exclusion_case      text,
  criminal_case       text,
  valid_from          date NOT NULL,
  valid_until         date NOT NULL,
  registered_by       text NOT NULL,
  registered_at       timestamptz NOT NULL,
  CHECK (valid_until >= valid_from)
);
CREATE INDEX judge_authorisations_by_person ON judge_authorisations (person_id);

-- The policy asks "which cases name this person?" on every person read: a GIN index on the references.
CREATE INDEX events_by_refs ON events USING gin (refs);
