/**
 * What the law derives from one case or person as it stands: the consequences of a 1F decision (R2), whether
 * the alleged acts were punishable here when committed (R1), and which victims are owed information (R5).
 * Bilingual sentences for people, with the structured results beside them for programs.
 */
import type { ActInput } from '../domain/rules/punishability.js';
import { personCannotBeProsecuted, type ProsecutionAssessment } from '../domain/rules/punishability.js';
import { exclusionConsequences, type ExclusionConsequences } from '../domain/rules/exclusion-consequences.js';
import type { Bilingual, RuleConfig } from '../domain/rules/rule-config.js';
import { victimInformationStatus, type VictimInformationStatus } from '../domain/rules/victim-information.js';
import type { CriminalState } from '../domain/criminal/state.js';
import type { ExclusionState } from '../domain/exclusion/state.js';
import type { DepartureState } from '../domain/departure/state.js';
import { article3Reassessment, type Article3Reassessment } from '../domain/rules/article3-reassessment.js';
import type { StreamView } from './stream-view.js';

export interface Derived {
  sentences: Bilingual[];
  exclusion?: ExclusionConsequences;
  prosecution?: ProsecutionAssessment;
  victims?: VictimInformationStatus[];
  /** R7: a departure dossier with an Article 3 barrier — its last assessment, whether a reassessment is due and since when. */
  reassessment?: Article3Reassessment;
}

/** The events of a view that stand (retractions applied), in legal-date order. */
export function standingEvents(view: StreamView) {
  return view.timeline.filter((entry) => !entry.retractedBy).map((entry) => entry.event);
}

export function deriveFor(view: StreamView, config: RuleConfig): Derived {
  switch (view.kind) {
    case 'exclusion': {
      const state = view.state as ExclusionState;
      const exclusion = exclusionConsequences(state, config);
      const acts = decisionActs(view, state);
      const prosecution = acts.length > 0 ? personCannotBeProsecuted(acts, config) : undefined;
      return { sentences: [...exclusion.explanation, ...(prosecution ? [prosecution.reason] : [])], exclusion, prosecution };
    }
    case 'criminal': {
      const state = view.state as CriminalState;
      const prosecution = state.acts.length > 0 ? personCannotBeProsecuted(state.acts as ActInput[], config) : undefined;
      const events = standingEvents(view);
      const victims = state.victims.map((victim) => victimInformationStatus(events, victim, view.date, config));
      const sentences: Bilingual[] = prosecution ? [prosecution.reason] : [];
      for (const status of victims) {
        for (const reason of status.reasons) {
          sentences.push({ nl: `Slachtoffer ${status.victim} te laat: ${reason.explanation.nl}`, en: `Victim ${status.victim} overdue: ${reason.explanation.en}` });
        }
      }
      return { sentences, prosecution, victims };
    }
    case 'departure': {
      const state = view.state as DepartureState;
      const nationalities = [...new Set(view.persons.flatMap((person) => person.nationalities))];
      const reassessment = article3Reassessment(state, nationalities, config.countrySituations ?? [], view.date);
      return reassessment ? { sentences: [reassessment.explanation], reassessment } : { sentences: [] };
    }
    default:
      return { sentences: [] };
  }
}

/** The acts alleged in the standing 1F decision, as its event recorded them. */
export function decisionActs(view: Pick<StreamView, 'events'>, state: ExclusionState): ActInput[] {
  const decisionId = state.decision?.eventId;
  const event = view.events.find((candidate) => candidate.id === decisionId);
  return Array.isArray(event?.data.acts) ? (event.data.acts as ActInput[]) : [];
}
