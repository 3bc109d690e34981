/**
 * The access log's hash chain as `imketen verify` and `imketen checkpoint` walk it (src/audit/verify-store.ts).
 */
import type { ChainedLog } from '../audit/verify-store.js';
import { accessEntryContent, readAccessLog, type AccessLogRow } from './access-log.js';

export const ACCESS_LOG: ChainedLog<AccessLogRow> = {
  name: 'access-log',
  async *pages(tx) {
    let afterSeq = 0;
    for (;;) {
      const page = await readAccessLog(tx, { afterSeq, limit: 10_000 });
      if (page.length === 0) return;
      yield page;
      afterSeq = page[page.length - 1]!.seq;
    }
  },
  contentOf: accessEntryContent,
  describe: (row) => `access-log entry ${row.seq} (${row.action} by ${row.username ?? row.organisation})`,
};
