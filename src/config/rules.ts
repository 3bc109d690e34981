/**
 * Loads the rule configuration (config/rules.json, docs/domain.md §3) from the package root, validates it once and keeps
 * it. The rules themselves (src/domain/rules) take the config as an argument and never read files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImketenError } from '../domain/errors.js';
import { parseRuleConfig } from '../domain/rules/rule-config.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';

export const RULES_PATH = fileURLToPath(new URL('../../config/rules.json', import.meta.url));

let cached: RuleConfig | undefined;

/** The rule configuration of this installation, read on first use. */
export function ruleConfig(): RuleConfig {
  cached ??= loadRuleConfig(RULES_PATH);
  return cached;
}

/** Reads and validates a rule configuration file; throws CONFIG_INVALID naming the file and the field. */
export function loadRuleConfig(path: string): RuleConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImketenError('CONFIG_INVALID', `cannot read the rule configuration ${path}: ${(error as Error).message}`);
  }
  return parseRuleConfig(text, path);
}
