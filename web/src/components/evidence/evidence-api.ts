/**
 * The evidence API as the web app uses it (src/server/routes/evidence.ts): a case's evidence, one item, its
 * near-duplicates, the file URLs, and the upload with progress (XMLHttpRequest: fetch cannot report upload
 * progress), the court bundle's URL and the capture of a web page. Registering an item and its other events go
 * through POST /api/events like every event. Calls and shapes come from the generated client (api/client.ts).
 */
import { ApiProblem, client, currentCsrfToken, toProblem, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';

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

/** The shapes are the server's, generated from its OpenAPI document (api/schema.d.ts, `npm run generate:api`). */
export type EvidenceSummary = components['schemas']['EvidenceSummary'];
export type EvidenceFileSummary = EvidenceSummary['files'][number];
export type EvidenceDetail = paths['/api/evidence/{id}']['get']['responses'][200]['content']['application/json'];
export type EvidenceFile = EvidenceDetail['files'][number];
export type DerivedFacts = NonNullable<EvidenceFile['derived']>;
export type NearDuplicate = components['schemas']['NearDuplicate'];
export type StoredFile = components['schemas']['StoredFile'];
export type CapturedPage = paths['/api/cases/{kind}/{id}/evidence-captures']['post']['responses'][201]['content']['application/json'];

export async function listCaseEvidence(kind: EvidenceCaseKind, id: string): Promise<EvidenceSummary[]> {
  return (await unwrap(client.GET('/api/cases/{kind}/{id}/evidence', { params: { path: { kind, id } } }))).items;
}

export function showEvidence(id: string): Promise<EvidenceDetail> {
  return unwrap(client.GET('/api/evidence/{id}', { params: { path: { id } } }));
}

export async function findNearDuplicates(id: string): Promise<NearDuplicate[]> {
  return (await unwrap(client.GET('/api/evidence/{id}/near-duplicates', { params: { path: { id } } }))).items;
}

/**
 * Captures a web page on the server (Chromium; screenshot, PDF, snapshot, WARC, signed manifest) as a new
 * web-capture item of the case. The server answers when the capture is done, within its time limit.
 */
export function captureWebPage(kind: EvidenceCaseKind, id: string, url: string): Promise<CapturedPage> {
  return unwrap(client.POST('/api/cases/{kind}/{id}/evidence-captures', { params: { path: { kind, id } }, body: { url } }));
}

/** The court bundle of a case (a ZIP with the manifest in JSON and PDF): a download, as the browser saves it. */
export function bundleUrl(kind: EvidenceCaseKind, id: string): string {
  return `/api/cases/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/evidence-bundle`;
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
