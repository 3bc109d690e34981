/** The state of an evidence item: its cases, files, custody, verification steps and disclosures (docs/domain.md §4). */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { EvidenceEvent } from './events.js';

export type EvidencePhase = typeof NOT_OPENED | 'registered';

export interface EvidenceFile {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  url: string | null;
  capturedAt: string | null;
  tool: string | null;
  attachedOn: string;
  eventId: string;
}

export interface CustodyEntry { date: string; from: string; to: string; purpose: string; eventId: string }
export interface VerificationEntry { date: string; step: string; outcome: string; method: string; notes: string | null; eventId: string }
export interface DisclosureEntry { date: string; to: string; recipient: string; what: string; eventId: string }

/** An element of an offence of one of the item's cases that the item bears on (R8). */
export interface ElementLink {
  /** The case stream, `criminal/…` or `exclusion/…`. */
  case: string;
  offence: string;
  element: string;
  relation: 'supports' | 'contradicts' | 'context';
  reasoning: string;
  weight: 'strong' | 'moderate' | 'weak';
  date: string;
  eventId: string;
}

/** The originator's conditions in force, null while none were recorded (then the item is usable as evidence). */
export interface OriginatorConditionsEntry {
  conditions: 'lead-only' | 'evidence-with-consent' | 'evidence';
  originator: string;
  consentNeededFor: string[];
  period: { from?: string; until?: string } | null;
  date: string;
  eventId: string;
}

export interface EvidenceState {
  phase: EvidencePhase;
  attributes: Attributes;
  kind: string | null;
  title: string | null;
  /** The case streams (`criminal/…`, `exclusion/…`) the item belongs to now, in the order they were linked. */
  cases: string[];
  /** Who holds the item now: the acquiring organisation, then the last custody transfer's `to`. */
  custodian: string | null;
  registeredOn: string | null;
  files: EvidenceFile[];
  custody: CustodyEntry[];
  verifications: VerificationEntry[];
  disclosures: DisclosureEntry[];
  /** The elements the item bears on now, in the order linked. */
  elementLinks: ElementLink[];
  conditions: OriginatorConditionsEntry | null;
  /** Consent under the conditions in force: none asked, asked, given or refused. */
  consent: 'none' | 'asked' | 'given' | 'refused';
  consentSince: string | null;
  available: boolean;
  /** The last change of availability: its date and reason; null while it never changed. */
  availability: { available: boolean; reason: string; date: string; eventId: string } | null;
}

export const initialState: EvidenceState = {
  phase: NOT_OPENED,
  attributes: {},
  kind: null,
  title: null,
  cases: [],
  custodian: null,
  registeredOn: null,
  files: [],
  custody: [],
  verifications: [],
  disclosures: [],
  elementLinks: [],
  conditions: null,
  consent: 'none',
  consentSince: null,
  available: true,
  availability: null,
};

/** Whether an element link is about this case, offence and element. */
export function sameElement(link: Pick<ElementLink, 'case' | 'offence' | 'element'>, other: Pick<ElementLink, 'case' | 'offence' | 'element'>): boolean {
  return link.case === other.case && link.offence === other.offence && link.element === other.element;
}

/** The case stream an `evidence.linked` / `evidence.unlinked` names. */
export function caseStreamOf(data: { criminalCase?: string; exclusionCase?: string }): string {
  return data.criminalCase !== undefined ? `criminal/${data.criminalCase}` : `exclusion/${data.exclusionCase}`;
}

export function evolve(state: EvidenceState, event: EvidenceEvent): EvidenceState {
  const next = apply(state, event);
  return { ...next, attributes: { kind: next.kind, files: next.files.length } };
}

function apply(state: EvidenceState, event: EvidenceEvent): EvidenceState {
  switch (event.type) {
    case 'evidence.registered':
      return {
        ...state,
        phase: 'registered',
        kind: event.data.kind,
        title: event.data.title,
        cases: [...(event.data.criminalCases ?? []).map((id) => `criminal/${id}`), ...(event.data.exclusionCases ?? []).map((id) => `exclusion/${id}`)],
        custodian: event.data.acquired.by,
        registeredOn: event.date,
      };
    case 'evidence.file-attached': {
      const { sha256, size, mediaType, fileName, url, capturedAt, tool } = event.data;
      const file: EvidenceFile = { sha256, size, mediaType, fileName, url: url ?? null, capturedAt: capturedAt ?? null, tool: tool ?? null, attachedOn: event.date, eventId: event.id };
      return { ...state, files: [...state.files, file] };
    }
    case 'evidence.custody-transferred':
      return { ...state, custodian: event.data.to, custody: [...state.custody, { date: event.date, ...event.data, eventId: event.id }] };
    case 'evidence.verified':
      return { ...state, verifications: [...state.verifications, { date: event.date, ...event.data, notes: event.data.notes ?? null, eventId: event.id }] };
    case 'evidence.disclosed':
      return { ...state, disclosures: [...state.disclosures, { date: event.date, ...event.data, eventId: event.id }] };
    case 'evidence.linked':
      return { ...state, cases: [...state.cases, caseStreamOf(event.data)] };
    case 'evidence.unlinked': {
      const stream = caseStreamOf(event.data);
      return { ...state, cases: state.cases.filter((item) => item !== stream) };
    }
    case 'evidence.element-linked': {
      const { offence, element, relation, reasoning, weight } = event.data;
      return { ...state, elementLinks: [...state.elementLinks, { case: caseStreamOf(event.data), offence, element, relation, reasoning, weight, date: event.date, eventId: event.id }] };
    }
    case 'evidence.element-unlinked': {
      const target = { case: caseStreamOf(event.data), offence: event.data.offence, element: event.data.element };
      return { ...state, elementLinks: state.elementLinks.filter((link) => !sameElement(link, target)) };
    }
    case 'evidence.conditions-set': {
      const { conditions, originator, consentNeededFor, period } = event.data;
      return {
        ...state,
        conditions: { conditions, originator, consentNeededFor: consentNeededFor ?? [], period: period ?? null, date: event.date, eventId: event.id },
        // consent answers the conditions it was asked under; new conditions start without it
        consent: 'none',
        consentSince: null,
      };
    }
    case 'evidence.consent-requested':
      return { ...state, consent: 'asked', consentSince: event.date };
    case 'evidence.consent-given':
      return { ...state, consent: 'given', consentSince: event.date };
    case 'evidence.consent-refused':
      return { ...state, consent: 'refused', consentSince: event.date };
    case 'evidence.availability-changed':
      return { ...state, available: event.data.available, availability: { available: event.data.available, reason: event.data.reason, date: event.date, eventId: event.id } };
    default:
      return assertNever(event);
  }
}
