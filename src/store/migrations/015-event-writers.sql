-- Who wrote the events of an import, per source (imports.sources, in the same order): the organisation of the API
-- principal that sent that request (group commit puts several requests in one import), or null for an operator's
-- import at the server (CLI, demo). The write policy reads it: a partner retracts only its own organisation's events
-- and may name a person its organisation registered (docs/server.md, "The write policy").
-- STORED DATA: never change the meaning of a column in place; add a migration.
ALTER TABLE imports ADD COLUMN source_organisations text[];
