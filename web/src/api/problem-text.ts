/**
 * A problem answer in the user's language. The server's `detail` is English for the command line and the logs; it
 * also sends what the detail says as a reason key with values, and always an error code. The app phrases the reason
 * when it knows it, else what the code means in general; the server's own words stay available as technical detail.
 */
import type { TFunction } from 'i18next';
import type { Problem } from './client';
import { actionLabel, formatDateTime, labelOf } from '../format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Values of a reason put in words: an action, an event type, a stream, a moment. */
function phrasedParams(t: TFunction, language: string, params: Record<string, string | number>): Record<string, string | number> {
  const phrased: Record<string, string | number> = { ...params };
  if (typeof params.action === 'string') phrased.action = actionLabel(t, params.action);
  if (typeof params.type === 'string') phrased.type = params.type ? labelOf(t, 'eventType', params.type) : '';
  if (typeof params.stream === 'string') {
    const slash = params.stream.indexOf('/');
    phrased.stream = slash > 0 ? `${labelOf(t, 'kind', params.stream.slice(0, slash))} ${params.stream.slice(slash + 1)}` : params.stream;
  }
  if (typeof params.publishedAt === 'string') phrased.publishedAt = formatDateTime(params.publishedAt, language);
  return phrased;
}

/**
 * The problem in the user's language, and whether that says all the server said (`whole`): a phrased reason does;
 * the general meaning of a code does not, so the server's own words must stay in view beside it.
 */
export function problemPhrase(t: TFunction, language: string, problem: Pick<Problem, 'code' | 'detail' | 'reason'>): { text: string; whole: boolean } {
  const translate = t as unknown as Translate;
  // A key the translations lack comes back as the default: an empty text, never shown.
  const phrase = (key: string, values: Record<string, unknown> = {}) => translate(key, { ...values, defaultValue: '', interpolation: { escapeValue: false } });
  const byReason = problem.reason ? phrase(`problemReason.${problem.reason.key}`, phrasedParams(t, language, problem.reason.params ?? {})) : '';
  if (byReason) return { text: byReason, whole: true };
  const byCode = phrase(`problemCode.${problem.code}`);
  return byCode ? { text: byCode, whole: false } : { text: problem.detail, whole: true };
}

/** The problem in the user's language. */
export function problemText(t: TFunction, language: string, problem: Pick<Problem, 'code' | 'detail' | 'reason'>): string {
  return problemPhrase(t, language, problem).text;
}
