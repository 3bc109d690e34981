/**
 * The hash-chained logs of the store, in the order `imketen verify` reports them and `imketen checkpoint` signs
 * them: the event log and the access log (docs/architecture.md, dependency inversion).
 */
import { ACCESS_LOG } from '../access-log/access-log-chain.js';
import { EVENT_LOG } from '../audit/event-chain.js';
import type { ChainedLog } from '../audit/verify-store.js';

export const STORE_LOGS = [EVENT_LOG, ACCESS_LOG] as unknown as readonly ChainedLog[];
