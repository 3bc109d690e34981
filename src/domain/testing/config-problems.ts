/** For the tests of the law-as-data files: the fields a parser names when it refuses a file (CONFIG_INVALID). */
import assert from 'node:assert/strict';
import { ImketenError } from '../errors.js';

export function problemFields(parse: (json: unknown) => unknown, json: unknown): Array<string | undefined> {
  try {
    parse(json);
  } catch (error) {
    assert.ok(error instanceof ImketenError);
    assert.equal(error.code, 'CONFIG_INVALID');
    return error.problems.map((problem) => problem.field);
  }
  assert.fail('expected CONFIG_INVALID');
}
