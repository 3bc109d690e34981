-- Screening (src/screening): the watchlists the chain screens against, versioned per import; the hits of screening
-- the registry against them and of cross-referencing the registry with itself; and the reviews of those hits.
-- Matching is a signal for a person, never an automatic decision: a hit only says "look at this pair".
-- STORED DATA: never change the meaning of a column in place; add a migration.

CREATE TABLE watchlists (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);

-- One row per import that changed the list. A re-import diffs by entry id and content hash against the version
-- before it; an import that changes nothing adds no version.
CREATE TABLE watchlist_versions (
  watchlist_id  bigint NOT NULL REFERENCES watchlists (id),
  version       integer NOT NULL,
  imported_at   timestamptz NOT NULL,
  format        text NOT NULL,                -- un-xml | ofac-csv | jsonl
  sources       text[] NOT NULL,              -- the files as given
  source_hashes text[] NOT NULL,              -- SHA-256 of each file's bytes, in the same order
  entries       integer NOT NULL,             -- the size of the list in this version
  added         integer NOT NULL,
  removed       integer NOT NULL,
  changed       integer NOT NULL,
  PRIMARY KEY (watchlist_id, version)
);

-- Entries by list entry id, one row per content: a changed entry gets a new row and its previous row is closed
-- (valid_until_version), a removed one is closed. The entries of version V: valid_from_version <= V and
-- (valid_until_version IS NULL OR valid_until_version > V).
CREATE TABLE watchlist_entries (
  watchlist_id        bigint NOT NULL REFERENCES watchlists (id),
  entry_id            text NOT NULL,
  -- SHA-256 of the canonical JSON of the entry as the importer read it (names, birth dates, nationalities, kind).
  content_hash        text NOT NULL,
  entry               jsonb NOT NULL,
  valid_from_version  integer NOT NULL,
  valid_until_version integer,
  PRIMARY KEY (watchlist_id, entry_id, valid_from_version)
);
CREATE UNIQUE INDEX watchlist_entries_current ON watchlist_entries (watchlist_id, entry_id) WHERE valid_until_version IS NULL;
CREATE INDEX watchlist_entries_by_version ON watchlist_entries (watchlist_id, valid_from_version);

-- A hit: a registry person and a counterpart that probably are the same person. The counterpart is a watchlist
-- entry (source 'watchlist') or another registry person (source 'registry', cross-referencing; then person_id is
-- the smaller id of the pair). The data hashes say which data of both sides the score is about: a review decision
-- holds for those hashes only, so a pair whose data changed is raised again.
CREATE TABLE screening_hits (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source            text NOT NULL CHECK (source IN ('watchlist', 'registry')),
  watchlist_id      bigint REFERENCES watchlists (id),
  counterpart       text NOT NULL,            -- the list entry id, or the other person's id
  person_id         text NOT NULL,
  score             double precision NOT NULL,
  explanation       jsonb NOT NULL,
  person_hash       text NOT NULL,
  counterpart_hash  text NOT NULL,
  -- The list version the counterpart was read from (watchlist hits).
  list_version      integer,
  first_found_at    timestamptz NOT NULL,
  last_found_at     timestamptz NOT NULL,
  -- false once a later screening no longer finds the pair (the entry was removed, or the data no longer match).
  current           boolean NOT NULL,
  CHECK ((source = 'watchlist') = (watchlist_id IS NOT NULL))
);
CREATE UNIQUE INDEX screening_hits_pair ON screening_hits (source, coalesce(watchlist_id, 0), counterpart, person_id);
CREATE INDEX screening_hits_by_person ON screening_hits (person_id);
CREATE INDEX screening_hits_by_counterpart ON screening_hits (source, counterpart);

-- The review decisions, append-only (who, when, what, why, on which data). A hit's status is its last decision,
-- when that decision was made on the hit's current data hashes; otherwise the hit is open.
CREATE TABLE hit_reviews (
  seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hit_id            bigint NOT NULL REFERENCES screening_hits (id),
  decision          text NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'unsure')),
  reason            text NOT NULL,
  reviewed_by       text NOT NULL,
  reviewed_at       timestamptz NOT NULL,
  person_hash       text NOT NULL,
  counterpart_hash  text NOT NULL
);
CREATE INDEX hit_reviews_by_hit ON hit_reviews (hit_id, seq);

CREATE FUNCTION reject_hit_review_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'review decisions are append-only: % on hit_reviews is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER hit_reviews_append_only BEFORE UPDATE OR DELETE ON hit_reviews
  FOR EACH ROW EXECUTE FUNCTION reject_hit_review_change();
CREATE TRIGGER hit_reviews_no_truncate BEFORE TRUNCATE ON hit_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION reject_hit_review_change();

-- Per source (a watchlist, or the registry itself) and person: the person's data hash and the list version when the
-- person was last screened. The next run screens a person whose hash changed against everything, and a person
-- whose hash is unchanged only against the entries added or changed since that version.
CREATE TABLE screening_state (
  source        text NOT NULL,
  watchlist_id  bigint NOT NULL,              -- 0 for the registry
  person_id     text NOT NULL,
  person_hash   text NOT NULL,
  list_version  integer NOT NULL,
  -- A run with a lower threshold than this screens the person against everything again.
  threshold     double precision NOT NULL,
  screened_at   timestamptz NOT NULL,
  PRIMARY KEY (source, watchlist_id, person_id)
);

-- The runs, for the record: what was screened against what, and what came out.
CREATE TABLE screening_runs (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source            text NOT NULL,
  watchlist_id      bigint,
  list_version      integer,
  started_at        timestamptz NOT NULL,
  started_by        text NOT NULL,
  scope             jsonb NOT NULL,            -- {kind?, phase?, person?}
  threshold         double precision NOT NULL,
  persons_in_scope  integer NOT NULL,
  persons_full      integer NOT NULL,          -- screened against the whole list
  persons_delta     integer NOT NULL,          -- screened against what changed since their last run
  hits_found        integer NOT NULL,
  hits_raised       integer NOT NULL           -- new, or open again because the data changed
);
