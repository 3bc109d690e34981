/**
 * The names of the event types of each stream kind, as plain data: what the replay needs to know of the interchange
 * format without loading its schemas (./schema.ts builds them with zod, which a command that only reads need not
 * load: start-up time, docs/architecture.md). ./schema.ts checks, when it loads, that these are exactly the types
 * its schemas define, so the two lists cannot drift apart.
 * STORED DATA (interchange format v1, docs/domain.md §5): add types, never rename one.
 */
import type { StreamKind } from '../event.js';

/** The retraction event, allowed on every stream (./retraction.ts). */
export const RETRACTED = 'retracted';

/** The event types of each stream kind, `retracted` not included (it belongs to every kind). */
export const EVENT_TYPES_BY_KIND: Readonly<Record<StreamKind, readonly string[]>> = {
  person: ['person.registered', 'person.alias-added', 'person.merged', 'person.legal-hold-placed', 'person.legal-hold-lifted'],
  criminal: [
    'criminal.opened', 'criminal.suspect-arrested', 'criminal.indicted', 'criminal.judgment', 'criminal.appeal-lodged',
    'criminal.cassation-lodged', 'criminal.referred-back', 'criminal.closed', 'criminal.hearing-scheduled',
    'criminal.victim-registered', 'criminal.victim-informed', 'criminal.judge-authorisation',
  ],
  extradition: ['extradition.requested', 'extradition.phase-entered', 'extradition.concluded'],
  exclusion: [
    'exclusion.opened', 'exclusion.suspended', 'exclusion.resumed', 'exclusion.decided', 'exclusion.appeal-lodged',
    'exclusion.appeal-decided', 'exclusion.closed', 'exclusion.information-shared',
  ],
  departure: ['departure.opened', 'departure.article3-barrier', 'departure.departed', 'departure.closed'],
  intake: ['intake.received', 'intake.assessed'],
  mla: ['mla.sent', 'mla.received', 'mla.answered', 'mla.closed'],
  evidence: [
    'evidence.registered', 'evidence.file-attached', 'evidence.custody-transferred', 'evidence.verified',
    'evidence.disclosed', 'evidence.linked', 'evidence.unlinked', 'evidence.element-linked', 'evidence.element-unlinked',
    'evidence.conditions-set', 'evidence.consent-requested', 'evidence.consent-given', 'evidence.consent-refused',
    'evidence.availability-changed',
  ],
  witness: ['witness.registered', 'witness.protection-set', 'witness.statement-linked', 'witness.availability-changed'],
  task: ['task.assigned', 'task.marked-done', 'task.reopened'],
};
