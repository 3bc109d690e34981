/**
 * Loads the elements of crimes (config/elements.json, docs/domain.md §3 R8) from the package root, validates it once
 * and keeps it. The rules (src/domain/rules) take the elements as an argument and never read files.
 */
import { parseElementsConfig } from '../domain/rules/elements-config.js';
import type { ElementsConfig } from '../domain/rules/elements-config.js';
import { cachedConfig, packageConfigPath, readConfigFile } from './read-config-file.js';

export const ELEMENTS_PATH = packageConfigPath('elements.json');

/** Reads and validates an elements file; throws CONFIG_INVALID naming the file and the field. */
export function loadElementsConfig(path: string): ElementsConfig {
  return readConfigFile(path, 'the elements of crimes', parseElementsConfig);
}

/** The elements of crimes of this installation, read on first use. */
export const elementsConfig = cachedConfig(() => loadElementsConfig(ELEMENTS_PATH));
