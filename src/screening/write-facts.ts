/**
 * The facts behind the write policy (write-policy.ts WriteFacts): who wrote an event or registered a person (the
 * organisation of the import's source, migration 015), whether a stream exists, the confirmed cross-reference hit
 * between two persons, and the role a reviewer acts as (their SQL in src/store).
 */
import type { Queryable } from '../store/db.js';
import { findHits } from '../store/hits-store.js';
import { roleOfAccount, roleOfToken } from '../store/accounts-store.js';
import { streamExists } from '../store/event-store.js';
import { eventWriter, personRegisteredBy } from '../store/policy-reads.js';
import type { Principal } from '../policy/principal.js';
import type { WriteFacts } from '../policy/write-policy.js';

export function writeFacts(tx: Queryable): WriteFacts {
  return {
    streamExists: (stream) => streamExists(tx, stream),
    eventWriter: (eventId) => eventWriter(tx, eventId),
    registeredBy: (personId) => personRegisteredBy(tx, personId),
    async confirmedMatch(a, b) {
      const hits = await findHits(tx, { source: 'registry', person: a, statuses: ['confirmed'] });
      const hit = hits.find((candidate) => (candidate.personId === a && candidate.counterpart === b) || (candidate.personId === b && candidate.counterpart === a));
      return hit?.lastDecision ? { hitId: hit.id, reviewedBy: hit.lastDecision.reviewedBy } : undefined;
    },
    async principalOf(username) {
      const token = /^token:(\d+):/.exec(username);
      const row = token ? await roleOfToken(tx, Number(token[1])) : await roleOfAccount(tx, username);
      if (!row) return undefined;
      const principal: Principal = { kind: token ? 'token' : 'user', username, organisation: row.organisation, role: row.role };
      return principal;
    },
  };
}
