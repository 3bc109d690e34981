/**
 * Reads one of the law-as-data files (config/rules.json, config/elements.json) from the package root and hands its
 * text to the file's pure parser; an unreadable file is CONFIG_INVALID naming what and where.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImketenError } from '../domain/errors.js';

/** The path of a file under config/ of the package. */
export function packageConfigPath(name: string): string {
  return fileURLToPath(new URL(`../../config/${name}`, import.meta.url));
}

export function readConfigFile<T>(path: string, what: string, parse: (text: string, source: string) => T): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImketenError('CONFIG_INVALID', `cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  return parse(text, path);
}

/** A validated file, read on first use and kept. */
export function cachedConfig<T>(load: () => T): () => T {
  let cached: T | undefined;
  return () => (cached ??= load());
}
