/**
 * Small helpers the renderer tests share. They are written independently of the code under test (no Intl, no
 * shared formatting), so a formatting mistake in a renderer cannot be repeated here and cancel itself out.
 */

/** 1234 → "1.234" (Dutch) or "1,234" (English). */
export function expectedFigure(value: number, lang: 'nl' | 'en'): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
}

/** The lines of one table's section: from its heading line up to the next table heading or the end. */
export function sectionLines(text: string, heading: RegExp, nextHeading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`No line matches ${String(heading)}`);
  const end = lines.findIndex((line, index) => index > start && nextHeading.test(line));
  return lines.slice(start, end < 0 ? undefined : end);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
