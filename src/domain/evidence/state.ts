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
};

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
    default:
      return assertNever(event);
  }
}
