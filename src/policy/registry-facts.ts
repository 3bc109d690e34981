/**
 * The SQL behind the policy's conditions (conditions.ts RegistryFacts): small indexed look-ups on the event log
 * and the case projection. The judge's authorisations are events (`criminal.judge-authorisation`), read as the
 * registry knows them at `recordedAsOf` (the time of the access): a retraction recorded by then ends them.
 */
import { parseStreamName } from '../domain/event.js';
import { replayStream } from '../domain/replay.js';
import { readStream } from '../store/event-store.js';
import type { Queryable } from '../store/db.js';
import type { JudgeAuthorisationRef, RegistryFacts } from './conditions.js';

export function registryFacts(tx: Queryable, recordedAsOf: Date = new Date()): RegistryFacts {
  const named = async (personId: string, kinds: readonly string[]) => {
    if (kinds.length === 0) return false;
    const rows = await tx.query('SELECT 1 FROM events WHERE refs @> ARRAY[$1]::text[] AND kind = ANY($2::text[]) LIMIT 1', [`person/${personId}`, kinds]);
    return rows.length > 0;
  };
  return {
    async casesOfEvidence(stream) {
      const events = (await readStream(tx, stream)).filter((event) => event.recordedAt <= recordedAsOf.toISOString());
      if (events.length === 0 || parseStreamName(stream)?.kind !== 'evidence') return [];
      const replay = replayStream('evidence', events);
      return replay.ok ? replay.state.cases : [];
    },
    async personsOfStream(stream) {
      const parsed = parseStreamName(stream);
      if (!parsed) return [];
      if (parsed.kind === 'person') return [parsed.id];
      const rows = await tx.query<{ ref: string }>(
        "SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref) WHERE stream = $1 AND ref LIKE 'person/%' ORDER BY ref",
        [stream],
      );
      return rows.map((row) => row.ref.slice('person/'.length));
    },
    personNamedInKinds: named,
    personHasDepartureDossier: (personId) => named(personId, ['departure']),
    async suspectInOpenCriminalCase(personId, date) {
      const [row] = await tx.query<{ stream: string }>(
        `SELECT e.stream FROM events e JOIN case_segments s ON s.stream = e.stream
         WHERE e.type = 'criminal.opened' AND e.refs @> ARRAY[$1]::text[] AND e.data ->> 'suspect' = $2
           AND s.phase <> 'closed' AND s.valid_from <= $3::date AND (s.valid_until IS NULL OR s.valid_until > $3::date)
           AND s.recorded_until IS NULL
         ORDER BY e.stream LIMIT 1`,
        [`person/${personId}`, personId, date],
      );
      return row?.stream;
    },
    async judgeAuthorisationInForce(personId, exclusionStream, date) {
      const exclusionCase = parseStreamName(exclusionStream)?.id ?? exclusionStream;
      const [row] = await tx.query<JudgeAuthorisationRef>(
        `SELECT a.id, a.stream, a.data ->> 'decisionReference' AS "decisionReference", a.data ->> 'validFrom' AS "validFrom",
                a.data ->> 'validUntil' AS "validUntil"
         FROM events a
         WHERE a.type = 'criminal.judge-authorisation' AND a.data ->> 'person' = $2 AND a.refs @> ARRAY[$1]::text[]
           AND (a.data ->> 'exclusionCase' IS NULL OR a.data ->> 'exclusionCase' = $3)
           AND a.data ->> 'validFrom' <= $4 AND a.data ->> 'validUntil' >= $4 AND a.recorded_at <= $5::timestamptz
           AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.data ->> 'event' = a.id AND r.stream = a.stream
                             AND r.recorded_at <= $5::timestamptz)
           AND EXISTS (SELECT 1 FROM case_segments s WHERE s.stream = a.stream AND s.phase <> 'closed'
                         AND s.valid_from <= $4::date AND (s.valid_until IS NULL OR s.valid_until > $4::date) AND s.recorded_until IS NULL)
         ORDER BY a.data ->> 'validUntil' DESC, a.seq LIMIT 1`,
        [`person/${personId}`, personId, exclusionCase, date, recordedAsOf.toISOString()],
      );
      return row;
    },
  };
}
