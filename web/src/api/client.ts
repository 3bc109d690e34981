/**
 * The typed API client: openapi-fetch over the paths generated from the server's OpenAPI document
 * (schema.d.ts, `npm run generate:api`). Same origin, so the session cookie goes along by itself; every request
 * that changes data carries the session's CSRF token. Errors arrive as RFC 9457 problem details and are thrown as
 * ApiProblem, whose `detail` says what went wrong and what to do.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export interface Problem {
  status: number;
  title: string;
  detail: string;
  code: string;
  problems?: { message: string; field?: string; line?: number }[];
  allowingBases?: string[];
  /** The detail as a key and values, which the app phrases in its user's language (problem-text.ts). */
  reason?: { key: string; params?: Record<string, string | number> };
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}

let csrfToken = '';
let onUnauthenticated: () => void = () => {};

/** The CSRF token of the current session (from POST or GET /api/session). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The CSRF token of the current session, for requests made without the client (an upload with progress). */
export function currentCsrfToken(): string {
  return csrfToken;
}

/** What to do when the server says the session is gone (401): back to the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const client = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost' });
client.use(csrf);

/** Turns an openapi-fetch result into its data, or throws the problem the server sent. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = toProblem(error, response);
  if (response.status === 401 && !response.url.endsWith('/api/session')) onUnauthenticated();
  throw new ApiProblem(problem);
}

export function toProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object' && 'detail' in error) return { status: response.status, title: '', code: '', ...(error as Partial<Problem>) } as Problem;
  return { status: response.status, title: response.statusText, code: 'HTTP', detail: typeof error === 'string' && error ? error : `${response.status} ${response.statusText}` };
}

/** A file the server renders (report downloads): fetched with the session, returned as a Blob. */
export async function download(url: string): Promise<Blob> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiProblem(toProblem(body, response));
  }
  return response.blob();
}
