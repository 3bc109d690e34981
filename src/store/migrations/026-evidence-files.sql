-- What imketen derived from the bytes of each stored evidence file (README, "Evidence"): the media type sniffed from
-- the content, image dimensions and metadata (EXIF/XMP capture time, GPS, device), the perceptual hash of an image.
-- Keyed by SHA-256 like the file store; derived once, when the bytes first arrive, and recomputable from them. The
-- events (evidence.file-attached) say which item a file belongs to; this table never does.
CREATE TABLE evidence_files (
  sha256          text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size            bigint NOT NULL CHECK (size >= 0),
  media_type      text NOT NULL,
  perceptual_hash text CHECK (perceptual_hash ~ '^[0-9a-f]{16}$'),
  metadata        jsonb NOT NULL DEFAULT '{}',
  first_stored_at timestamptz NOT NULL
);

CREATE INDEX evidence_files_perceptual ON evidence_files (perceptual_hash) WHERE perceptual_hash IS NOT NULL;
