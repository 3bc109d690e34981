/**
 * Fictional demo accounts, one per role, loaded with the demo registry into an empty store. Their passwords are
 * fixed and documented (it is a demo); the server refuses to create them in production (src/server/config.ts).
 */
import type { Policy } from '../policy/policy.js';
import type { Db } from '../store/db.js';
import { countAccounts, createAccount } from './accounts.js';

export const DEMO_PASSWORD = 'demo-imketen-2026';

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: string }[] = [
  { username: 'tim.demo', displayName: 'Demo rechercheur TIM', role: 'police' },
  { username: 'om.demo', displayName: 'Demo officier van justitie', role: 'prosecutor' },
  // A colleague at the OM: a task of the inbox is assigned to a colleague of the same organisation (README, Task inbox).
  { username: 'om2.demo', displayName: 'Demo tweede officier van justitie', role: 'prosecutor' },
  { username: 'ind.demo', displayName: 'Demo medewerker IND Unit 1F', role: 'ind-1f' },
  { username: 'dtv.demo', displayName: 'Demo regievoerder DT&V', role: 'dtv' },
  { username: 'ministerie.demo', displayName: 'Demo beleidsmedewerker ministerie', role: 'ministry' },
  { username: 'beheer.demo', displayName: 'Demo functioneel beheerder', role: 'admin' },
  // A second administrator: what gives an account or token access to case data needs two (docs/server.md).
  { username: 'beheer2.demo', displayName: 'Demo tweede functioneel beheerder', role: 'admin' },
  { username: 'toezicht.demo', displayName: 'Demo privacytoezichthouder', role: 'auditor' },
];

/** Creates the demo accounts when there are no accounts at all; returns whether it did. */
export async function loadDemoAccountsIfEmpty(db: Db, policy: Policy, now: Date): Promise<boolean> {
  if ((await countAccounts(db)) > 0) return false;
  for (const account of DEMO_ACCOUNTS) {
    if (!policy.roles[account.role]) continue;
    await createAccount(db, policy, { ...account, password: DEMO_PASSWORD, demo: true }, now);
  }
  return true;
}
