/**
 * The limits and content rules of every text the registry reads — imports, the API, watchlists, screening queries
 * (the table in the README, "Input limits"). One place, so that every reader refuses the same things the same way.
 */

export const INPUT_LIMITS = {
  /** A person's name or alias, a watchlist name, a screening query's name: characters (Unicode code points). */
  nameChars: 500,
  /** Free text (a reason, a court, what a victim was told) and any other string: characters. */
  freeTextChars: 10_000,
  /** One line of a JSON Lines file (an event, a watchlist entry, a screening query): bytes of UTF-8. */
  lineBytes: 1024 * 1024,
  /** How deeply objects and arrays may nest in one JSON document (a line, a request body); an event needs 4. */
  jsonDepth: 32,
} as const;

// NUL cannot be stored in PostgreSQL text; a lone surrogate is no character at all and has no UTF-8 form.
const NUL_OR_LONE_SURROGATE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a string from outside, or undefined when it is fine: a NUL character, a lone surrogate, or more
 * than `maxChars` characters.
 * @example textProblem('M\u0000ller', 500) // 'contains a NUL character (\\u0000), which no text may hold'
 */
export function textProblem(value: string, maxChars: number): string | undefined {
  const bad = NUL_OR_LONE_SURROGATE.exec(value);
  if (bad) {
    const unit = bad[0].charCodeAt(0);
    if (unit === 0) return 'contains a NUL character (\\u0000), which no text may hold';
    return `contains a lone surrogate (\\u${unit.toString(16)}) at character ${bad.index + 1}: that is not Unicode text`;
  }
  // Code points are never more than code units: count them only when the cheap length says it may be too long.
  if (value.length > maxChars) {
    const chars = codePoints(value);
    if (chars > maxChars) return `is ${chars.toLocaleString('en')} characters long; the limit is ${maxChars.toLocaleString('en')}`;
  }
  return undefined;
}

function codePoints(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) index += 1;
    count += 1;
  }
  return count;
}
