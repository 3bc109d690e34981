-- events_by_import (import_id) is the prefix of events_by_import_seq (import_id, seq), which serves every lookup by
-- import: the first only cost every append another index entry.
DROP INDEX events_by_import;
