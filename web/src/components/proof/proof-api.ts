/**
 * The proof matrix and the evidence-at-risk list as the web app reads them (src/server/routes/proof.ts); the shapes
 * mirror the server's named schemas ProofMatrix and ElementAtRisk.
 */
import { ApiProblem, toProblem } from '../../api/client';

export type Bilingual = { nl: string; en: string };
export type ElementStatus = 'proven' | 'lead-only' | 'unsupported';

export interface ProofCell {
  item: string; relation: string; weight: string; reasoning: string; linkedOn: string; verification: string; counts: boolean; blocker: string | null; why: Bilingual;
}
export interface ProofElementRow {
  offence: string; crime: string | null; element: string; kind: string; label: Bilingual; source: { article: string; eoc?: string; other?: string };
  status: ElementStatus; reason: Bilingual; unverifiedOnly: boolean; cells: ProofCell[];
}
export interface ProofItem {
  id: string; title: string; kind: string; sourceType: string; originator: string | null; available: boolean; availability: { reason: string; date: string } | null;
  conditions: string; conditionsRecorded: boolean; consent: string; verification: string; leadOnly: boolean;
}
export interface ProofMatrix {
  case: string; kind: string;
  offences: { offence: string; label: Bilingual; linked: boolean; crimes: { crime: string; label: Bilingual; article: string }[] }[];
  elements: ProofElementRow[]; items: ProofItem[];
  summary: { proven: number; leadOnly: number; unsupported: number };
  asOf: { date: string; recordedAt: string };
}
export interface ElementAtRisk {
  case: string; offence: string; element: string; label: Bilingual; status: 'at-risk' | 'lost'; originator: string;
  items: { id: string; title: string; sourceType: string; available: boolean; unavailableSince: string | null; unavailableReason: string | null }[];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiProblem(toProblem(body, response));
  return body as T;
}

export function showProofMatrix(kind: string, id: string, asRecordedAt?: string): Promise<ProofMatrix> {
  const query = asRecordedAt ? `?asRecordedAt=${encodeURIComponent(asRecordedAt)}` : '';
  return getJson<ProofMatrix>(`/api/cases/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/proof${query}`);
}

export async function listEvidenceAtRisk(kind: 'criminal' | 'exclusion', sourceType?: string): Promise<ElementAtRisk[]> {
  const query = new URLSearchParams({ kind, ...(sourceType ? { sourceType } : {}) });
  return (await getJson<{ items: ElementAtRisk[] }>(`/api/evidence-at-risk?${query.toString()}`)).items;
}
