/**
 * Loads the elements of crimes (config/elements.json, docs/domain.md §3 R8) from the package root, validates it once
 * and keeps it. The rules (src/domain/rules) take the elements as an argument and never read files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImketenError } from '../domain/errors.js';
import { parseElementsConfig } from '../domain/rules/elements-config.js';
import type { ElementsConfig } from '../domain/rules/elements-config.js';

export const ELEMENTS_PATH = fileURLToPath(new URL('../../config/elements.json', import.meta.url));

let cached: ElementsConfig | undefined;

/** The elements of crimes of this installation, read on first use. */
export function elementsConfig(): ElementsConfig {
  cached ??= loadElementsConfig(ELEMENTS_PATH);
  return cached;
}

/** Reads and validates an elements file; throws CONFIG_INVALID naming the file and the field. */
export function loadElementsConfig(path: string): ElementsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImketenError('CONFIG_INVALID', `cannot read the elements of crimes ${path}: ${(error as Error).message}`);
  }
  return parseElementsConfig(text, path);
}
