/**
 * The SQL behind the write policy (write-policy.ts WriteFacts): who wrote an event or registered a person (the
 * organisation of the import's source, migration 015), whether a stream exists, the confirmed cross-reference hit
 * between two persons, and the role a reviewer acts as.
 */
import type { Queryable } from '../store/db.js';
import { findHits } from './hits-store.js';
import type { Principal } from '../policy/principal.js';
import type { WriteFacts } from '../policy/write-policy.js';

export function writeFacts(tx: Queryable): WriteFacts {
  return {
    async streamExists(stream) {
      return (await tx.query('SELECT 1 FROM events WHERE stream = $1 LIMIT 1', [stream])).length > 0;
    },
    async eventWriter(eventId) {
      const [row] = await tx.query<{ stream: string; type: string; organisation: string | null }>(
        `SELECT e.stream, e.type, i.source_organisations[e.origin_file] AS organisation
         FROM events e LEFT JOIN imports i ON i.id = e.import_id WHERE e.id = $1`,
        [eventId],
      );
      return row ? { stream: row.stream, type: row.type, organisation: row.organisation ?? null } : undefined;
    },
    async registeredBy(personId) {
      const [row] = await tx.query<{ organisation: string | null }>(
        `SELECT i.source_organisations[e.origin_file] AS organisation
         FROM events e LEFT JOIN imports i ON i.id = e.import_id
         WHERE e.stream = $1 AND e.type = 'person.registered' ORDER BY e.seq LIMIT 1`,
        [`person/${personId}`],
      );
      return row?.organisation ?? null;
    },
    async confirmedMatch(a, b) {
      const hits = await findHits(tx, { source: 'registry', person: a, statuses: ['confirmed'] });
      const hit = hits.find((candidate) => (candidate.personId === a && candidate.counterpart === b) || (candidate.personId === b && candidate.counterpart === a));
      return hit?.lastDecision ? { hitId: hit.id, reviewedBy: hit.lastDecision.reviewedBy } : undefined;
    },
    async principalOf(username) {
      const token = /^token:(\d+):/.exec(username);
      const [row] = token
        ? await tx.query<{ organisation: string; role: string }>('SELECT organisation, role FROM api_tokens WHERE id = $1', [Number(token[1])])
        : await tx.query<{ organisation: string; role: string }>('SELECT organisation, role FROM accounts WHERE username = $1', [username]);
      if (!row) return undefined;
      const principal: Principal = { kind: token ? 'token' : 'user', username, organisation: row.organisation, role: row.role };
      return principal;
    },
  };
}
