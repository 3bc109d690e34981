-- Uploads of evidence files under way (README, "Evidence", "Refused uploads leave no bytes"): a row from the moment
-- an upload's bytes are hashed — before they are stored under their hash — until its evidence.file-attached event is
-- accepted or refused. A refused upload removes its bytes only when no event attaches them and no other upload of
-- the same bytes is under way (a row here): identical bytes are stored once, so another upload may share them.
-- A row left by a crash only keeps bytes longer than needed (verify-files reports them as unreferenced).
CREATE TABLE evidence_upload_claims (
  sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  claim      text NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, claim)
);

-- Which events attach a file: asked before bytes are removed, and by verify-files for stored files no event names.
CREATE INDEX events_attached_files ON events ((data ->> 'sha256')) WHERE type = 'evidence.file-attached';
