/**
 * The conditions a grant or sharing regime may name in the policy, and the registry facts they need. The policy
 * file says which condition applies where; this file says what each one means. The facts come from a port so the
 * decision logic stays testable without a database (src/policy/registry-facts.ts is the SQL behind it).
 */
import { organisationOfTaskStream } from '../domain/task/state.js';
export const CONDITION_NAMES = [
  'person-named-in-readable-case',
  'person-in-own-departure-dossier',
  'person-is-suspect-in-open-criminal-case',
  'judge-authorisation-in-force',
  'evidence-of-readable-case',
  'witness-of-readable-case',
  'task-of-own-organisation',
] as const;
export type ConditionName = (typeof CONDITION_NAMES)[number];

export interface JudgeAuthorisationRef {
  /** The id of the `criminal.judge-authorisation` event. */
  id: string;
  /** The criminal case it was given in (its stream). */
  stream: string;
  decisionReference: string;
  validFrom: string;
  validUntil: string;
}

/** What the registry knows that the policy asks about. */
export interface RegistryFacts {
  /** The person ids a stream is about: its own id for a person stream, else the persons its events name. */
  personsOfStream(stream: string): Promise<string[]>;
  /** Whether a case of one of `kinds` names the person. */
  personNamedInKinds(personId: string, kinds: readonly string[]): Promise<boolean>;
  /** Whether the person has a departure dossier (DT&V). */
  personHasDepartureDossier(personId: string): Promise<boolean>;
  /** The open criminal case (on `date`) in which the person is the suspect, if any. */
  suspectInOpenCriminalCase(personId: string, date: string): Promise<string | undefined>;
  /**
   * An authorisation of the investigating judge covering the person and 1F file on `date`: a
   * `criminal.judge-authorisation` event, not retracted, on a case still open with the person as its suspect.
   */
  judgeAuthorisationInForce(personId: string, exclusionStream: string, date: string): Promise<JudgeAuthorisationRef | undefined>;
  /** The case streams an evidence item belongs to now (registered with, linked, not unlinked; retractions applied). */
  casesOfEvidence(evidenceStream: string): Promise<string[]>;
  /** The case stream a witness is heard in (as registered; retractions applied), if the witness stream exists. */
  caseOfWitness(witnessStream: string): Promise<string | undefined>;
}

export interface ConditionInput {
  stream?: string;
  personIds: string[];
  date: string;
  /** For person-named-in-readable-case: the kinds the role may read without condition. */
  readableKinds: readonly string[];
  /** For task-of-own-organisation: the organisation of the principal asking. */
  organisation?: string;
}

export interface ConditionResult {
  met: boolean;
  /** Why not (for the refusal), or what made it so (for the legal basis). */
  detail: string;
}

export async function evaluateCondition(name: ConditionName, input: ConditionInput, facts: RegistryFacts): Promise<ConditionResult> {
  const persons = input.personIds;
  switch (name) {
    case 'person-named-in-readable-case': {
      for (const person of persons) {
        if (await facts.personNamedInKinds(person, input.readableKinds)) return { met: true, detail: `person ${person} is named in a ${input.readableKinds.join('/')} case` };
      }
      return { met: false, detail: `no ${input.readableKinds.join(', ')} case you may read names ${describe(persons)}` };
    }
    case 'person-in-own-departure-dossier': {
      for (const person of persons) {
        if (await facts.personHasDepartureDossier(person)) return { met: true, detail: `person ${person} has a departure dossier` };
      }
      return { met: false, detail: `${describe(persons)} has no departure dossier` };
    }
    case 'person-is-suspect-in-open-criminal-case': {
      for (const person of persons) {
        const criminalCase = await facts.suspectInOpenCriminalCase(person, input.date);
        if (criminalCase) return { met: true, detail: `person ${person} is the suspect in ${criminalCase}` };
      }
      return { met: false, detail: `${describe(persons)} is not a suspect in an open criminal case on ${input.date}` };
    }
    case 'judge-authorisation-in-force': {
      for (const person of persons) {
        const authorisation = input.stream ? await facts.judgeAuthorisationInForce(person, input.stream, input.date) : undefined;
        if (authorisation) {
          return { met: true, detail: `authorisation of the investigating judge ${authorisation.decisionReference} in ${authorisation.stream} (event ${authorisation.id}, valid ${authorisation.validFrom} to ${authorisation.validUntil})` };
        }
      }
      return { met: false, detail: `no authorisation of the investigating judge covering ${describe(persons)} and ${input.stream ?? 'this file'} is in force on ${input.date}` };
    }
    case 'evidence-of-readable-case': {
      // Evidence is read by the roles that read its cases (README, "Evidence"): a case of a kind the role reads
      // without condition.
      const cases = input.stream ? await facts.casesOfEvidence(input.stream) : [];
      const readable = cases.find((stream) => input.readableKinds.includes(stream.slice(0, stream.indexOf('/'))));
      if (readable) return { met: true, detail: `the evidence belongs to ${readable}` };
      return { met: false, detail: `${input.stream ?? 'the evidence'} belongs to no ${input.readableKinds.join(', ') || 'case'} case you may read` };
    }
    case 'witness-of-readable-case': {
      // A witness is read by the roles that read their case (README, "Witnesses").
      const caseStream = input.stream ? await facts.caseOfWitness(input.stream) : undefined;
      if (caseStream && input.readableKinds.includes(caseStream.slice(0, caseStream.indexOf('/')))) return { met: true, detail: `the witness is heard in ${caseStream}` };
      return { met: false, detail: `${input.stream ?? 'the witness'} is heard in no ${input.readableKinds.join(', ') || 'case'} case you may read` };
    }
    case 'task-of-own-organisation': {
      // A task of the inbox is its organisation's own note (src/domain/task/state.ts): no other partner reads or writes it.
      const owner = input.stream ? organisationOfTaskStream(input.stream) : undefined;
      if (owner !== undefined && owner === input.organisation) return { met: true, detail: `${input.stream} is a task of ${owner}` };
      return { met: false, detail: `${input.stream ?? 'the task'} is not a task of ${input.organisation ?? 'your organisation'}` };
    }
    default: {
      const unreachable: never = name;
      return unreachable;
    }
  }
}

function describe(persons: string[]): string {
  return persons.length === 0 ? 'no person' : persons.length === 1 ? `person ${persons[0]}` : `persons ${persons.join(', ')}`;
}
