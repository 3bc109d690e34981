/**
 * Parsing one JSON document from outside (an import line, a request body) strictly: nesting deeper than the limit
 * is refused before parsing, and after it a duplicate key at any level, a NUL or lone surrogate and an over-long
 * string anywhere — keys included. `JSON.parse` alone keeps the last of two equal keys, silently.
 *
 * On the hot path of imports: one scan of the text (depth, and the number of object members), the native parser,
 * one walk of the result (strings, and the members it holds). Fewer members than the text has means a key was
 * repeated; only then is the text parsed again, slowly, to name it.
 */
import { INPUT_LIMITS, textProblem } from '../domain/input-limits.js';

export interface JsonLimits {
  maxDepth: number;
  maxStringChars: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: INPUT_LIMITS.jsonDepth, maxStringChars: INPUT_LIMITS.freeTextChars };

export type StrictJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; field?: string };

/**
 * @example parseStrictJson('{"id":"a","id":"b"}') // { ok: false, field: 'id', message: "the key 'id' appears twice…" }
 */
export function parseStrictJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): StrictJsonResult {
  const shape = scanShape(text, limits.maxDepth);
  if (shape.tooDeepAt !== undefined) {
    return { ok: false, message: `objects and arrays nest deeper than ${limits.maxDepth} levels (at character ${shape.tooDeepAt + 1}); the limit is ${limits.maxDepth}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  const walk = { members: 0 };
  const bad = checkValue(value, limits.maxStringChars, walk);
  if (bad) return { ok: false, field: fieldOf(bad.path.reverse()), message: bad.message };
  if (walk.members !== shape.members) {
    const duplicate = findDuplicateKey(text);
    if (duplicate) {
      return { ok: false, field: duplicate.field, message: `the key '${duplicate.key}' appears twice in one object; each key may appear once (which value would count is ambiguous)` };
    }
  }
  return { ok: true, value };
}

/**
 * The checks of parseStrictJson on a value already parsed (a request body's events, passed on as objects): nesting
 * within the limit, and no NUL, lone surrogate or over-long string anywhere, keys included. (An object holds no
 * duplicate key.)
 */
export function checkStrictValue(value: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): StrictJsonResult {
  if (nestsDeeperThan(value, limits.maxDepth)) {
    return { ok: false, message: `objects and arrays nest deeper than ${limits.maxDepth} levels; the limit is ${limits.maxDepth}` };
  }
  const bad = checkValue(value, limits.maxStringChars, { members: 0 });
  if (bad) return { ok: false, field: fieldOf(bad.path.reverse()), message: bad.message };
  return { ok: true, value };
}

function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  return (Array.isArray(value) ? value : Object.values(value)).some((inner) => nestsDeeperThan(inner, levels - 1));
}

/**
 * Whether the JSON text of a value (JSON.stringify, UTF-8) would be longer than `maxBytes`. A cheap upper bound
 * answers for all but values near the limit; only those are serialised.
 */
export function jsonLongerThan(value: unknown, maxBytes: number): boolean {
  return jsonUpperBound(value) > maxBytes && Buffer.byteLength(JSON.stringify(value) ?? '') > maxBytes;
}

function jsonUpperBound(value: unknown): number {
  // A character takes at most 6 bytes in JSON (\u001f), a number at most 25.
  if (typeof value === 'string') return value.length * 6 + 2;
  if (typeof value !== 'object' || value === null) return 25;
  let bytes = 2;
  if (Array.isArray(value)) for (const inner of value) bytes += jsonUpperBound(inner) + 1;
  else for (const [key, inner] of Object.entries(value)) bytes += key.length * 6 + 3 + jsonUpperBound(inner) + 1;
  return bytes;
}

/** The deepest nesting is checked before parsing, so that no parser recurses into a hostile document. */
function scanShape(text: string, maxDepth: number): { members: number; tooDeepAt?: number } {
  let depth = 0;
  let members = 0;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit === 0x22) {
      index = endOfString(text, index);
      if (index < 0) break; // unterminated: JSON.parse says so
    } else if (unit === 0x7b || unit === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return { members, tooDeepAt: index };
    } else if (unit === 0x7d || unit === 0x5d) depth -= 1;
    else if (unit === 0x3a) members += 1; // outside strings a colon only ever separates a key from its value
  }
  return { members };
}

/** The index of the quote that closes the string opening at `start`, or -1. */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

interface Bad {
  /** Innermost first; reversed once, when reported. */
  path: (string | number)[];
  message: string;
}

function checkValue(value: unknown, maxChars: number, walk: { members: number }): Bad | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value, maxChars);
    return problem ? { path: [], message: `the text ${problem}` } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const bad = checkValue(value[index], maxChars, walk);
      if (bad) { bad.path.push(index); return bad; }
    }
    return undefined;
  }
  for (const key in value) {
    walk.members += 1;
    const keyProblem = textProblem(key, maxChars);
    if (keyProblem) return { path: [key], message: `the key ${keyProblem}` };
    const bad = checkValue((value as Record<string, unknown>)[key], maxChars, walk);
    if (bad) { bad.path.push(key); return bad; }
  }
  return undefined;
}

/** `data.names[0]`: keys joined by dots, array positions in brackets. */
function fieldOf(path: readonly (string | number)[]): string | undefined {
  let field = '';
  for (const part of path) field += typeof part === 'number' ? `[${part}]` : field === '' ? part : `.${part}`;
  return field || undefined;
}

/** Finds the first repeated key in a text JSON.parse has accepted: slow, and only run when there is one. */
function findDuplicateKey(text: string): { field: string; key: string } | undefined {
  let index = 0;
  const skipSpace = () => { while (index < text.length && ' \t\n\r'.includes(text[index]!)) index += 1; };
  const readString = (): string => {
    const end = endOfString(text, index);
    const value = JSON.parse(text.slice(index, end + 1)) as string;
    index = end + 1;
    return value;
  };
  const visit = (path: (string | number)[]): { field: string; key: string } | undefined => {
    skipSpace();
    const opening = text[index];
    if (opening === '{' || opening === '[') {
      const closing = opening === '{' ? '}' : ']';
      index += 1;
      skipSpace();
      if (text[index] === closing) { index += 1; return undefined; }
      const keys = new Set<string>();
      for (let position = 0; ; position += 1) {
        let part: string | number = position;
        if (opening === '{') {
          skipSpace();
          const key = readString();
          if (keys.has(key)) return { field: fieldOf([...path, key])!, key };
          keys.add(key);
          skipSpace();
          index += 1; // the colon
          part = key;
        }
        const found = visit([...path, part]);
        if (found) return found;
        skipSpace();
        if (text[index++] === closing) return undefined;
      }
    }
    if (opening === '"') { readString(); return undefined; }
    while (index < text.length && !',]} \t\n\r'.includes(text[index]!)) index += 1;
    return undefined;
  };
  return visit([]);
}
