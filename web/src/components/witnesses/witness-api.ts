/**
 * The witness API as the web app uses it (src/server/routes/witnesses.ts): a case's witnesses, the witnesses at risk
 * and the potential new witnesses. The identity of a protected witness arrives only for the roles the policy names;
 * otherwise `person` and `name` are null and `withheld` is true, and the app shows the pseudonym.
 */
import { ApiProblem, toProblem } from '../../api/client';

export interface WitnessSummary {
  id: string;
  case: string;
  code: string;
  person: string | null;
  name: string | null;
  pseudonym: { nl: string; en: string };
  withheld: boolean;
  protection: string;
  statements: string[];
  availability: { status: string; since: string | null; country: string | null };
  countryChanges: { date: string; change: { nl: string; en: string } }[];
}

export interface CaseAtRisk {
  case: string;
  evidence: string[];
  elements: { offence: string; element: string; evidence: string }[] | null;
  witnesses: (WitnessSummary & { reasons: string[] })[];
}

export interface PotentialWitness extends WitnessSummary {
  unwillingSince: string;
  changed: { date: string; change: { nl: string; en: string }; source: string };
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiProblem(toProblem(body, response));
  return body as T;
}

const countryQuery = (country?: string) => (country ? `?country=${encodeURIComponent(country)}` : '');

export async function listCaseWitnesses(kind: string, id: string): Promise<WitnessSummary[]> {
  return (await getJson<{ items: WitnessSummary[] }>(`/api/cases/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/witnesses`)).items;
}

export async function listWitnessesAtRisk(country?: string): Promise<CaseAtRisk[]> {
  return (await getJson<{ items: CaseAtRisk[] }>(`/api/witnesses/at-risk${countryQuery(country)}`)).items;
}

export async function listPotentialWitnesses(country?: string): Promise<PotentialWitness[]> {
  return (await getJson<{ items: PotentialWitness[] }>(`/api/witnesses/potential${countryQuery(country)}`)).items;
}

/** The roles that read witness lists (config/policy.json witnesses-at-risk.list, potential-witnesses.list). */
export function mayListWitnessesAtRisk(role: string | undefined): boolean {
  return role === 'police' || role === 'prosecutor' || role === 'ind-1f';
}
export function mayListPotentialWitnesses(role: string | undefined): boolean {
  return role === 'police';
}
