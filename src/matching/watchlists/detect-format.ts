/**
 * Recognises which watchlist format a file is in, from its content first and its name second.
 */
export type WatchlistFormat = 'un-xml' | 'ofac-sdn-csv' | 'ofac-alt-csv' | 'jsonl';

/**
 * @example detectFormat('sdn.csv', text) // 'ofac-sdn-csv'
 * @returns undefined when the content matches none of the formats
 */
export function detectFormat(fileName: string, text: string): WatchlistFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  if (start.startsWith('<')) return /<CONSOLIDATED_LIST\b/.test(start) ? 'un-xml' : undefined;
  if (start.startsWith('{')) return 'jsonl';
  const firstLine = start.split(/\r?\n/)[0] ?? '';
  // sdn.csv: 12 columns, ent_num first; alt.csv: 5 columns, ent_num, alt_num, "aka"/"fka"/"nka", name, remarks
  if (/^\d+,\d+,"(?:aka|fka|nka)",/i.test(firstLine)) return 'ofac-alt-csv';
  if (/^\d+,"[^"]*",/.test(firstLine)) return 'ofac-sdn-csv';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('alt.csv')) return 'ofac-alt-csv';
  if (lower.endsWith('sdn.csv')) return 'ofac-sdn-csv';
  if (lower.endsWith('.xml')) return 'un-xml';
  return undefined;
}
