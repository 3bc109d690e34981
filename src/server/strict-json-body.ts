/**
 * The JSON body parser of every route: the same rules as an import line (src/input): strict UTF-8, nesting depth
 * checked before parsing, duplicate keys, NUL and lone surrogates, over-long strings — each a 400 problem naming the
 * field. Fastify's own parser takes the last of two equal keys and lets deep nesting reach the handlers (a 500).
 */
import type { FastifyInstance } from 'fastify';
import { ImketenError } from '../domain/errors.js';
import { parseStrictJson } from '../input/strict-json.js';
import { decodeUtf8 } from '../input/utf8-lines.js';

export function useStrictJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function parseBody(bytes: Buffer): unknown {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    throw new ImketenError('INVALID_INPUT', `The body is not UTF-8 text (line ${decoded.badLine}): send JSON encoded as UTF-8.`, [{ line: decoded.badLine, message: 'not UTF-8' }]);
  }
  if (decoded.text.trim() === '') throw new ImketenError('INVALID_INPUT', 'The body is empty but declared as JSON: send a JSON object.');
  const result = parseStrictJson(decoded.text);
  if (!result.ok) {
    const where = result.field ? `field ${result.field}: ` : '';
    throw new ImketenError('INVALID_INPUT', `The body is refused: ${where}${result.message}.`, [{ ...(result.field ? { field: result.field } : {}), message: result.message }]);
  }
  const poisoned = prototypeKey(result.value);
  if (poisoned) throw new ImketenError('INVALID_INPUT', `The body is refused: field ${poisoned}: a key '__proto__' or 'constructor.prototype' is not allowed.`, [{ field: poisoned, message: 'key not allowed' }]);
  return result.value;
}

/** As fastify's default parser: keys that could reach an object's prototype are refused (prototype poisoning). */
function prototypeKey(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = prototypeKey(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = path ? `${path}.${key}` : key;
    if (key === '__proto__') return field;
    const inner = record[key];
    if (key === 'constructor' && typeof inner === 'object' && inner !== null && Object.hasOwn(inner, 'prototype')) return `${field}.prototype`;
    const found = prototypeKey(inner, field);
    if (found) return found;
  }
  return undefined;
}
