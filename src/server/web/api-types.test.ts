import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { committedApiTypes, generateApiTypes } from './api-types.js';

describe('the web app\'s API types', () => {
  it('match the server\'s OpenAPI document (run `npm run generate:api` after changing a route)', async () => {
    const [committed, generated] = await Promise.all([committedApiTypes(), generateApiTypes()]);
    assert.ok(committed.length > 0, 'web/src/api/schema.d.ts is missing: run `npm run generate:api`');
    assert.ok(committed === generated, 'web/src/api/schema.d.ts is stale: run `npm run generate:api` and commit it');
  });
});
