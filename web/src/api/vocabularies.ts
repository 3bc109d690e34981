/**
 * The controlled vocabularies (courts, channels, topics; GET /api/vocabularies): loaded once per page load and
 * shared by the forms that offer them and the pages that show events. An event records the entry's Dutch label
 * (the interchange format keeps text), so showing it in English looks the label up; free text of older data or
 * imports matches no entry and is shown as written.
 */
import { useEffect, useState } from 'react';
import { client, unwrap } from './client';

export type VocabularyName = 'courts' | 'channels' | 'topics';
export type VocabularyEntry = Awaited<ReturnType<typeof fetchVocabularies>>[number];

function fetchVocabularies() {
  return unwrap(client.GET('/api/vocabularies')).then((data) => data.items);
}

let cached: Promise<VocabularyEntry[]> | undefined;

/** Forgets the loaded vocabularies, after the administrator changed one. */
export function forgetVocabularies(): void {
  cached = undefined;
}

/** Every entry (active and not); empty while loading, or for a role that may not read them. */
export function useVocabularies(enabled = true): VocabularyEntry[] {
  const [entries, setEntries] = useState<VocabularyEntry[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    cached ??= fetchVocabularies().catch(() => { cached = undefined; return []; });
    void cached.then((loaded) => { if (!cancelled) setEntries(loaded); });
    return () => { cancelled = true; };
  }, [enabled]);
  return entries;
}

export function entryLabel(entry: Pick<VocabularyEntry, 'labelNl' | 'labelEn'>, language: string): string {
  return language === 'en' ? entry.labelEn : entry.labelNl;
}

/** The text of an event's field in the reader's language: an entry's label when the text is one, else the text. */
export function vocabularyText(entries: readonly VocabularyEntry[], vocabulary: VocabularyName, text: string, language: string): string {
  const entry = entries.find((candidate) => candidate.vocabulary === vocabulary && candidate.labelNl.toLowerCase() === text.trim().toLowerCase());
  return entry ? entryLabel(entry, language) : text;
}

/** The vocabulary of an event's data field, by the field's name (as src/operations/event-forms.ts has it). */
export const VOCABULARY_OF_FIELD: Readonly<Record<string, VocabularyName>> = { court: 'courts', channel: 'channels', about: 'topics' };
