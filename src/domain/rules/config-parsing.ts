/**
 * What the law-as-data files (config/rules.json, config/elements.json; docs/domain.md §3) share when they are
 * validated: one problem per bad field naming its path, `verify` paths that must name a setting, and freezing.
 */
import type { z } from 'zod';
import { ImketenError } from '../errors.js';
import type { Problem } from '../errors.js';

/** Parses the JSON (or its text) with the schema; throws CONFIG_INVALID naming the source and each bad field. */
export function parseConfigFile<T>(schema: z.ZodType<T>, json: unknown, source: string): T {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (error) {
      throw new ImketenError('CONFIG_INVALID', `${source} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => ({
      file: source,
      field: formatPath(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.join(', ')}` : issue.message,
      code: 'CONFIG_INVALID',
    }));
    const list = problems.map((problem) => `${problem.field || '(root)'}: ${problem.message}`).join('; ');
    throw new ImketenError('CONFIG_INVALID', `${source} is not valid: ${list}`, problems);
  }
  return deepFreeze(parsed.data);
}

/** Every `verify` item must name a setting of the file, so that a note cannot outlive what it is about. */
export function checkVerifyPaths(config: { verify: ReadonlyArray<{ path: string }> }, ctx: z.RefinementCtx): void {
  config.verify.forEach((item, index) => {
    if (valueAtPath(config, item.path) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['verify', index, 'path'], message: `names no setting: ${item.path}` });
    }
  });
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}

/** The value a path such as `offences.genocide[0].from` names, or undefined. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((piece) => piece !== undefined && piece !== '')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
