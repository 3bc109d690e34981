/**
 * The SQL of the controlled vocabularies (migration 037): courts, channels and topics, each entry a code with a
 * Dutch and an English label and an active flag. Rows in, rows out.
 */
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from './db.js';

export const VOCABULARIES = ['courts', 'channels', 'topics'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

export interface VocabularyEntry {
  vocabulary: Vocabulary;
  code: string;
  labelNl: string;
  labelEn: string;
  active: boolean;
  changedAt: string;
  changedBy: string;
}

const COLUMNS = `vocabulary, code, label_nl AS "labelNl", label_en AS "labelEn", active, changed_at AS "changedAt", changed_by AS "changedBy"`;

/** Every entry, active and not, by vocabulary and Dutch label. */
export async function listVocabularyEntries(tx: Queryable): Promise<VocabularyEntry[]> {
  const rows = await tx.query<VocabularyEntry>(`SELECT ${COLUMNS} FROM vocabulary_entries ORDER BY vocabulary, lower(label_nl)`);
  return rows.map((row) => ({ ...row, changedAt: new Date(row.changedAt).toISOString() }));
}

export async function findVocabularyEntry(tx: Queryable, vocabulary: Vocabulary, code: string): Promise<VocabularyEntry | undefined> {
  const [row] = await tx.query<VocabularyEntry>(`SELECT ${COLUMNS} FROM vocabulary_entries WHERE vocabulary = $1 AND code = $2 FOR UPDATE`, [vocabulary, code]);
  return row && { ...row, changedAt: new Date(row.changedAt).toISOString() };
}

/** Adds the entry or changes its labels and active flag; VOCABULARY_LABEL_TAKEN when another entry has the Dutch label. */
export async function saveVocabularyEntry(tx: Queryable, entry: Omit<VocabularyEntry, 'changedAt'> & { changedAt: string }): Promise<VocabularyEntry> {
  const [clash] = await tx.query<{ code: string }>(
    'SELECT code FROM vocabulary_entries WHERE vocabulary = $1 AND lower(label_nl) = lower($2) AND code <> $3', [entry.vocabulary, entry.labelNl, entry.code],
  );
  if (clash) throw new ImketenError('VOCABULARY_LABEL_TAKEN', `The entry '${clash.code}' of ${entry.vocabulary} already has the Dutch label '${entry.labelNl}'.`);
  const [row] = await tx.query<VocabularyEntry>(
    `INSERT INTO vocabulary_entries (vocabulary, code, label_nl, label_en, active, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (vocabulary, code) DO UPDATE SET label_nl = $3, label_en = $4, active = $5, changed_at = $6, changed_by = $7
     RETURNING ${COLUMNS}`,
    [entry.vocabulary, entry.code, entry.labelNl, entry.labelEn, entry.active, entry.changedAt, entry.changedBy],
  );
  return { ...row!, changedAt: new Date(row!.changedAt).toISOString() };
}
