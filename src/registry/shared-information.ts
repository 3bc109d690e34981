/**
 * What the IND shared of its 1F files under the bill (`exclusion.information-shared`, README, the interchange
 * format): per share the parts it selected — acts (where, when, which conduct), role, grounds, summary — and
 * nothing else of the file. Read as the registry knows it at `recordedAsOf`: a retracted share is gone.
 */
import type { Act } from '../domain/events/fields.js';
import type { Queryable } from '../store/db.js';
import { eventsOfType } from '../store/recorded-events.js';

export const SHARE_TYPE = 'exclusion.information-shared';

export interface SharedInformation {
  /** The id of the share event. */
  id: string;
  exclusionCase: string;
  personId: string;
  recipient: string;
  /** The day of the share. */
  date: string;
  recordedAt: string;
  /** The parts shared, exactly as the IND selected them. */
  parts: { acts?: Act[]; role?: string; grounds?: string | string[]; summary?: string };
}

export interface ShareFilter {
  personId?: string;
  exclusionCase?: string;
  /** Only shares with this recipient (the OM reads only what was shared with it). */
  recipient?: string;
  /** Only shares dated on or after this day (a regime's effective date). */
  from?: string;
  /** Only shares dated on or before this day. */
  until: string;
  recordedAsOf: Date;
  afterSeq?: number;
  limit: number;
}

export async function listShares(tx: Queryable, filter: ShareFilter): Promise<Array<SharedInformation & { seq: number }>> {
  const rows = await eventsOfType(tx, {
    type: SHARE_TYPE, personId: filter.personId, stream: filter.exclusionCase === undefined ? undefined : `exclusion/${filter.exclusionCase}`,
    recipient: filter.recipient, from: filter.from, until: filter.until, afterSeq: filter.afterSeq, limit: filter.limit, recordedAsOf: filter.recordedAsOf,
  });

  return rows.map((row) => {
    const { recipient, person, ...parts } = row.data as { recipient: string; person: string } & SharedInformation['parts'];
    return {
      seq: Number(row.seq), id: row.id, exclusionCase: row.stream.slice('exclusion/'.length), personId: person, recipient,
      date: row.date, recordedAt: new Date(row.recordedAt).toISOString(), parts,
    };
  });
}
