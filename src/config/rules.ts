/**
 * Loads the rule configuration (config/rules.json, docs/domain.md §3) from the package root, validates it once and keeps
 * it. The rules themselves (src/domain/rules) take the config as an argument and never read files.
 */
import { parseRuleConfig } from '../domain/rules/rule-config.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { cachedConfig, packageConfigPath, readConfigFile } from './read-config-file.js';

export const RULES_PATH = packageConfigPath('rules.json');

/** Reads and validates a rule configuration file; throws CONFIG_INVALID naming the file and the field. */
export function loadRuleConfig(path: string): RuleConfig {
  return readConfigFile(path, 'the rule configuration', parseRuleConfig);
}

/** The rule configuration of this installation, read on first use. */
export const ruleConfig = cachedConfig(() => loadRuleConfig(RULES_PATH));
