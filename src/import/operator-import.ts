/**
 * An operator's import at the server (`imketen import`, `imketen demo`, merges on the command line): there is no
 * principal and no write policy — the operator is trusted to load a partner's export — but the events keep the
 * interchange format's rule for recordedAt (the file's, or the time of import) and the import is written to the
 * access log in the same transaction: who ran it, the files, how many events, and how many kept the file's
 * recordedAt. Over the API the server sets recordedAt itself (src/server/checked-append.ts).
 */
import { userInfo } from 'node:os';
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import type { Db } from '../store/db.js';
import { importEvents, type ImportOptions, type ImportSummary } from './import-events.js';
import type { ImportSource } from './sources.js';

export const OPERATOR = 'operator';

export async function operatorImport(db: Db, sources: readonly ImportSource[], options: ImportOptions & { command?: string }): Promise<ImportSummary> {
  const logged: Db = {
    ...db,
    transaction: (work) => db.transaction(async (tx) => {
      const result = await work(tx);
      const summary = result as Partial<ImportSummary> | undefined;
      if (summary && typeof summary.importId === 'number') await appendAccess(tx, operatorEntry(summary as ImportSummary, sources, options));
      return result;
    }),
  };
  // An operator restores exports: erased events and erasure records come in as such (docs/retention.md).
  return importEvents(logged, sources, { acceptErasures: true, ...options });
}

function operatorEntry(summary: ImportSummary, sources: readonly ImportSource[], options: ImportOptions & { command?: string }): AccessEntry {
  const files = sources.map((source) => source.name).join(',').slice(0, 500);
  return {
    at: options.now().toISOString(),
    principalKind: 'operator',
    accountId: null,
    tokenId: null,
    username: `${OPERATOR}:${operatorName()}`,
    organisation: OPERATOR,
    role: OPERATOR,
    action: 'events.import',
    resource: `import:${summary.importId}:${files}`,
    persons: [],
    purpose: options.command ?? 'imketen import',
    legalBasis: `operator import at the server; ${summary.added} events added, ${summary.recordedAtKept} with the recordedAt the file gave (interchange format v1)`,
    outcome: 'allowed',
    reason: null,
    requestId: null,
  };
}

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown'; // a user without an entry in the password database (some containers)
  }
}
