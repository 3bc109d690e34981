import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth: equal values give equal text, whatever order their keys came in.
 * Every event is hashed through it twice on import (its content, its chain link), hence loops and string
 * concatenation rather than entries, filters and joins: the same text with far less garbage.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index]) ?? ''; // as join() renders undefined
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, the same order as `<` on strings.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/** SHA-256 of the UTF-8 text, hex. The one-shot `hash` (Node ≥ 20.12) is twice as fast as a Hash object. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
