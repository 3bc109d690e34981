/**
 * The evidence API as the web app uses it (src/server/routes/evidence.ts): a case's evidence, one item, its
 * near-duplicates, the file URLs, and the upload with progress (XMLHttpRequest: fetch cannot report upload
 * progress). Registering an item and its other events go through POST /api/events like every event.
 * The shapes mirror the server's named schemas EvidenceSummary, EvidenceDetail and NearDuplicate.
 */
import { ApiProblem, client, currentCsrfToken, toProblem, unwrap } from '../../api/client';

export const EVIDENCE_KINDS = [
  'witness-statement', 'document', 'photo', 'video', 'audio', 'web-capture', 'device-extraction', 'forensic-report',
  'expert-report', 'official-report', 'mechanism-material', 'other',
] as const;
export const SOURCE_TYPES = ['witness', 'open-source', 'un-mechanism', 'foreign-authority', 'ngo', 'seized', 'person-concerned', 'other'] as const;
export const ACQUISITION_METHODS = ['capture', 'download', 'seizure', 'legal-assistance', 'handover', 'interview', 'other'] as const;
export const VERIFICATION_STEPS = ['source', 'technical', 'content'] as const;
export const VERIFICATION_OUTCOMES = ['confirmed', 'inconclusive', 'refuted'] as const;
export type VerificationStep = (typeof VERIFICATION_STEPS)[number];

/** The case kinds that carry evidence (evidence.registered names criminal cases and 1F files). */
export const EVIDENCE_CASE_KINDS = ['criminal', 'exclusion'] as const;
export type EvidenceCaseKind = (typeof EVIDENCE_CASE_KINDS)[number];

export interface EvidenceFileSummary { sha256: string; size: number; mediaType: string; fileName: string }

export interface EvidenceSummary {
  id: string;
  kind: string;
  title: string;
  sourceType: string;
  acquired: { date: string; by: string; method: string };
  files: EvidenceFileSummary[];
  verification: Record<VerificationStep, string | null>;
  custodian: string | null;
}

export interface DerivedFacts {
  mediaType: string;
  perceptualHash: string | null;
  metadata: Record<string, unknown>;
  firstStoredAt: string;
}

export interface EvidenceFile extends EvidenceFileSummary {
  url: string | null;
  capturedAt: string | null;
  tool: string | null;
  attachedOn: string;
  eventId: string;
  derived: DerivedFacts | null;
}

export interface EvidenceDetail {
  id: string;
  stream: string;
  registration: {
    kind: string;
    title: string;
    source: { type: string; name?: string; reference?: string };
    acquired: { date: string; by: string; method: string; location?: string };
    language?: string;
    description?: string;
  };
  cases: string[];
  custodian: string | null;
  files: EvidenceFile[];
  custody: { date: string; from: string; to: string; purpose: string; eventId: string }[];
  verifications: { date: string; step: string; outcome: string; method: string; notes: string | null; eventId: string }[];
  disclosures: { date: string; to: string; recipient: string; what: string; eventId: string }[];
  timeline: { id: string; type: string; date: string; recordedAt: string; data: Record<string, unknown> }[];
  asOf: { date: string; recordedAt: string };
}

export interface NearDuplicate { sha256: string; evidence: string; otherSha256: string; distance: number }

export interface StoredFile { sha256: string; size: number; mediaType: string; fileName: string; created: boolean; eventId: string }

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiProblem(toProblem(body, response));
  return body as T;
}

export async function listCaseEvidence(kind: string, id: string): Promise<EvidenceSummary[]> {
  return (await getJson<{ items: EvidenceSummary[] }>(`/api/cases/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/evidence`)).items;
}

export function showEvidence(id: string): Promise<EvidenceDetail> {
  return getJson<EvidenceDetail>(`/api/evidence/${encodeURIComponent(id)}`);
}

export async function findNearDuplicates(id: string): Promise<NearDuplicate[]> {
  return (await getJson<{ items: NearDuplicate[] }>(`/api/evidence/${encodeURIComponent(id)}/near-duplicates`)).items;
}

/** The URL of a file: a download (an attachment), or with `view` for the browser's own viewer (images, PDF, video, audio). */
export function fileUrl(id: string, sha256: string, view = false): string {
  return `/api/evidence/${encodeURIComponent(id)}/files/${sha256}${view ? '?view=true' : ''}`;
}

/** How the browser may show a file in its own viewer, or undefined when it is only downloaded (as the server decides). */
export function previewKind(mediaType: string): 'image' | 'video' | 'audio' | 'pdf' | undefined {
  if (/^image\/(png|jpeg|gif|webp)$/.test(mediaType)) return 'image';
  if (/^video\/(mp4|webm|ogg)$/.test(mediaType)) return 'video';
  if (/^audio\/(mpeg|ogg|wav|webm)$/.test(mediaType)) return 'audio';
  if (mediaType === 'application/pdf') return 'pdf';
  return undefined;
}

/** Appends one event to an evidence stream (or a new one) through the write policy. */
export async function appendEvidenceEvent(stream: string, type: string, date: string, data: Record<string, unknown>): Promise<void> {
  await unwrap(client.POST('/api/events', { body: { events: [{ id: `web-${crypto.randomUUID()}`, stream, type, date, data }] } }));
}

/** A new evidence item's id: `BW-` and a random part (the id of its stream `evidence/<id>`). */
export function newEvidenceId(): string {
  return `BW-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
}

/**
 * Uploads a file as the request body (streamed by the server into the file store while hashed), reporting progress
 * as a fraction 0–1. Resolves with what the server stored; rejects with the problem the server sent.
 */
export function uploadEvidenceFile(id: string, file: Blob & { name: string }, onProgress: (fraction: number) => void): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/evidence/${encodeURIComponent(id)}/files?fileName=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    const csrf = currentCsrfToken();
    if (csrf) request.setRequestHeader('x-csrf-token', csrf);
    request.upload.onprogress = (event) => { if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total); };
    request.onload = () => {
      let body: unknown;
      try { body = JSON.parse(request.responseText); } catch { body = request.responseText; }
      if (request.status >= 200 && request.status < 300) { onProgress(1); resolve(body as StoredFile); return; }
      reject(new ApiProblem(toProblem(body, { status: request.status, statusText: request.statusText } as Response)));
    };
    request.onerror = () => reject(new ApiProblem({ status: 0, title: 'Network', code: 'NETWORK', detail: `The upload of ${file.name} did not reach the server.` }));
    request.send(file);
  });
}
