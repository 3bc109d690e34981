/**
 * Every JSON answer of 2XX in the OpenAPI document has an example from the demo, and every example fits the schema
 * the document gives for it (docs/server.md, "The API document"). A route whose answer changed shape fails here until
 * `npm run capture:api-examples` is run again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { jsonSuccessMedia, loadApiExamples, operationsOf } from './openapi-examples.js';
import { openApiDocument } from './web/api-types.js';

type Json = Record<string, unknown>;

/**
 * Operations whose answer the capture cannot produce, with the reason: a partner's document still describes them,
 * without an example.
 */
const NOT_CAPTURED: Record<string, string> = {
  completeSingleSignOn: 'needs an identity provider (OIDC) to send the browser back',
  createEvidenceCapture: 'needs Chromium and a reachable web page at capture time',
};

/** A schema with every `#/components/schemas/…` reference replaced by the schema it names. */
function inlined(schema: unknown, components: Record<string, unknown>, depth = 0): unknown {
  if (depth > 40) throw new Error('a schema refers to itself too deeply to inline');
  if (Array.isArray(schema)) return schema.map((child) => inlined(child, components, depth + 1));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    assert.ok(name in components, `unknown reference ${ref}`);
    return inlined(components[name], components, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, child]) => [key, inlined(child, components, depth + 1)]));
}

/** The first reason the value does not fit the schema, or undefined when it fits. */
function misfit(schema: unknown, value: unknown): string | undefined {
  const check = Compile(schema as TSchema);
  if (check.Check(value)) return undefined;
  const error = [...check.Errors(value)][0];
  return `${error?.instancePath || '/'}: ${error?.message}`;
}

describe('the examples in the OpenAPI document', async () => {
  const document = await openApiDocument();
  const components = ((document.components as Json).schemas ?? {}) as Record<string, unknown>;
  const operations = operationsOf(document);
  const examples = loadApiExamples();

  it('show every JSON answer of 2XX, unless the capture cannot produce it (and says why)', () => {
    const missing: string[] = [];
    for (const { method, path, operation } of operations) {
      const id = operation.operationId as string;
      if (id in NOT_CAPTURED) continue;
      for (const [status, media] of jsonSuccessMedia(operation)) {
        if (!media.examples) missing.push(`${id} (${method} ${path}) ${status}`);
      }
    }
    assert.deepEqual(missing, [], 'run `npm run capture:api-examples` and add a call for each new operation to scripts/capture-api-examples.ts');
  });

  it('fit the schema the document gives for them, answers and request bodies alike', () => {
    const misfits: string[] = [];
    for (const { operation } of operations) {
      const id = operation.operationId as string;
      for (const [status, media] of jsonSuccessMedia(operation)) {
        const example = (media.examples as { demo?: { value: unknown } } | undefined)?.demo;
        const problem = example && misfit(inlined(media.schema, components), example.value);
        if (problem) misfits.push(`${id} ${status} ${problem}`);
      }
      const body = ((operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json'];
      const request = (body?.examples as { demo?: { value: unknown } } | undefined)?.demo;
      const problem = request && misfit(inlined(body!.schema, components), request.value);
      if (problem) misfits.push(`${id} request ${problem}`);
    }
    assert.deepEqual(misfits, []);
  });

  it('belong to operations the document has, with answers of statuses it describes', () => {
    const byId = new Map(operations.map(({ operation }) => [operation.operationId as string, operation]));
    for (const [id, example] of Object.entries(examples)) {
      const operation = byId.get(id);
      assert.ok(operation, `${id}: no such operation (a renamed or removed route: capture again)`);
      for (const status of Object.keys(example.responses)) assert.ok(jsonSuccessMedia(operation).has(status), `${id}: no JSON answer ${status}`);
    }
  });

  it('fails on an example that no longer fits, so the check above can catch a changed answer', () => {
    const { operation } = operations.find(({ operation }) => operation.operationId === 'listPersons')!;
    const media = jsonSuccessMedia(operation).get('200')!;
    assert.match(misfit(inlined(media.schema, components), { items: [{ id: 42 }] }) ?? '', /./);
  });
});
