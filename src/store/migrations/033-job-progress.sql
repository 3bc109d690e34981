-- The progress of background jobs (src/jobs): the queue itself is pg-boss's, in its own schema (pgboss); this
-- table holds how far a running job has come, which pg-boss does not record.
CREATE TABLE job_progress (
  job_id      uuid PRIMARY KEY,
  queue       text NOT NULL,
  done        integer NOT NULL DEFAULT 0,
  total       integer,
  note        text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
