/**
 * The facts behind the policy's conditions (conditions.ts RegistryFacts): small indexed look-ups on the event log
 * and the case projection (src/store/policy-reads.ts). The judge's authorisations are events (`criminal.judge-authorisation`), read as the
 * registry knows them at `recordedAsOf` (the time of the access): a retraction recorded by then ends them.
 */
import { parseStreamName } from '../domain/event.js';
import { replayStream } from '../domain/replay.js';
import { readStream } from '../store/event-store.js';
import type { Queryable } from '../store/db.js';
import { judgeAuthorisationInForce, openCriminalCaseOfSuspect, personNamedInKinds, personsNamedInStream } from '../store/policy-reads.js';
import type { JudgeAuthorisationRef, RegistryFacts } from './conditions.js';

export function registryFacts(tx: Queryable, recordedAsOf: Date = new Date()): RegistryFacts {
  const named = (personId: string, kinds: readonly string[]) => personNamedInKinds(tx, personId, kinds);
  return {
    async casesOfEvidence(stream) {
      const events = (await readStream(tx, stream)).filter((event) => event.recordedAt <= recordedAsOf.toISOString());
      if (events.length === 0 || parseStreamName(stream)?.kind !== 'evidence') return [];
      const replay = replayStream('evidence', events);
      return replay.ok ? replay.state.cases : [];
    },
    async caseOfWitness(stream) {
      const events = (await readStream(tx, stream)).filter((event) => event.recordedAt <= recordedAsOf.toISOString());
      if (events.length === 0 || parseStreamName(stream)?.kind !== 'witness') return undefined;
      const replay = replayStream('witness', events);
      return replay.ok ? replay.state.caseStream ?? undefined : undefined;
    },
    async personsOfStream(stream) {
      const parsed = parseStreamName(stream);
      if (!parsed) return [];
      if (parsed.kind === 'person') return [parsed.id];
      // A protected witness's person is never written to the access log by the stream alone (README, "Witnesses"):
      // the routes that show the identity name the person when they log.
      if (parsed.kind === 'witness') {
        const replay = replayStream('witness', await readStream(tx, stream));
        return replay.ok && replay.state.protection === 'none' && replay.state.person ? [replay.state.person] : [];
      }
      return personsNamedInStream(tx, stream);
    },
    personNamedInKinds: named,
    personHasDepartureDossier: (personId) => named(personId, ['departure']),
    suspectInOpenCriminalCase: (personId, date) => openCriminalCaseOfSuspect(tx, personId, date),
    async judgeAuthorisationInForce(personId, exclusionStream, date): Promise<JudgeAuthorisationRef | undefined> {
      const exclusionCase = parseStreamName(exclusionStream)?.id ?? exclusionStream;
      return judgeAuthorisationInForce(tx, { personId, exclusionCase, date, recordedAsOf: recordedAsOf.toISOString() });
    },
  };
}
