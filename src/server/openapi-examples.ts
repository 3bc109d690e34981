/**
 * Examples in the OpenAPI document: for each operation, a request body and its answers as the fictional demo gives
 * them (docs/server.md, "The API document"). They are captured from a running demo server by
 * `npm run capture:api-examples` into openapi-examples.json beside this file, trimmed to a few rows per list, and
 * put into the document here. openapi-examples.test.ts fails when a JSON answer of 2XX has no example, or an
 * example no longer fits its schema — so a changed response shape asks for a new capture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

/** What the capture wrote for one operation: the request body sent (if any) and the answers by status. */
export interface OperationExample {
  /** Who asked, in the demo (a role's demo account), and what: for the reader of the document. */
  summary: string;
  request?: unknown;
  responses: Record<string, unknown>;
}

export type ApiExamples = Record<string, OperationExample>;

export const API_EXAMPLES_FILE = join(import.meta.dirname, 'openapi-examples.json');

export function loadApiExamples(file = API_EXAMPLES_FILE): ApiExamples {
  return JSON.parse(readFileSync(file, 'utf8')) as ApiExamples;
}

const JSON_MEDIA = 'application/json';

/** The operations of the document, with their method and path, in document order. */
export function operationsOf(document: Json): { method: string; path: string; operation: Json }[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));
}

/** The JSON media types of an operation's 2XX answers, by status (a file served as JSON, e.g. a report download, is a file). */
export function jsonSuccessMedia(operation: Json): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
    const media = ((response.content ?? {}) as Record<string, Json>)[JSON_MEDIA];
    const isFile = (media?.schema as Json | undefined)?.format === 'binary';
    if (status.startsWith('2') && media && !isFile) found.set(status, media);
  }
  return found;
}

/** The document with each operation's examples in place (the document is changed and returned). */
export function addExamples<T extends Json>(document: T, examples: ApiExamples): T {
  for (const { operation } of operationsOf(document)) {
    const example = typeof operation.operationId === 'string' ? examples[operation.operationId] : undefined;
    if (!example) continue;
    const named = (value: unknown) => ({ demo: { summary: example.summary, value } });
    for (const [status, media] of jsonSuccessMedia(operation)) {
      if (status in example.responses) media.examples = named(example.responses[status]);
    }
    const body = ((operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.[JSON_MEDIA];
    if (body && example.request !== undefined) body.examples = named(example.request);
  }
  return document;
}
