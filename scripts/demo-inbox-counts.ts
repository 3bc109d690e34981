/**
 * What the demo's task inbox holds for each demo role on the demo's "today" (2026-11-28): the count of items per
 * kind, overdue and not, and the first items. Loads the demo as `imketen demo` does (import, watchlist screening,
 * cross-references) into a fresh embedded store. Run: `node --import tsx scripts/demo-inbox-counts.ts [--all]`.
 */
import { loadDemoAccountsIfEmpty } from '../src/accounts/demo-accounts.js';
import { findAccountByUsername } from '../src/store/accounts-store.js';
import { crossReferenceRegistry } from '../src/screening/cross-reference-registry.js';
import { loadDemo } from '../src/cli/commands/demo.js';
import { ruleConfig } from '../src/config/rules.js';
import { listWaitingWork } from '../src/operations/list-waiting-work.js';
import { loadPolicy } from '../src/policy/policy.js';
import { TEST_ENGINES } from '../src/store/testing/test-stores.js';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const USERS = ['tim.demo', 'om.demo', 'ind.demo', 'dtv.demo', 'ministerie.demo', 'beheer.demo', 'toezicht.demo'];

const store = await TEST_ENGINES[0]!.open();
try {
  const now = () => new Date(NOW);
  await loadDemo(store.db, 1, now);
  const policy = loadPolicy();
  await loadDemoAccountsIfEmpty(store.db, policy, now());
  const rules = ruleConfig();
  if (process.argv.includes('--crossref')) process.stdout.write(`cross-references: ${(await crossReferenceRegistry(store.db, { policy, by: 'demo', now })).raised.length}\n`);
  for (const username of USERS) {
    const account = (await findAccountByUsername(store.db, username))!;
    const principal = { kind: 'user' as const, accountId: account.id, username, organisation: account.organisation, role: account.role };
    const work = await listWaitingWork(store.db, { principal, asOf: { date: '2026-11-28', recordedAt: NOW.toISOString(), recordedAtGiven: false } }, { policy, rules });
    const byKind: Record<string, string> = {};
    for (const item of work.items) {
      const [all, late] = (byKind[item.kind] ?? '0/0').split('/').map(Number);
      byKind[item.kind] = `${all! + 1}/${late! + (item.overdue ? 1 : 0)}`;
    }
    process.stdout.write(`${username} (${account.role}): ${work.items.length} items; per kind (all/overdue): ${JSON.stringify(byKind)}\n`);
    for (const item of work.items.slice(0, process.argv.includes('--all') ? 1000 : 0)) process.stdout.write(`  ${item.dueDate} ${item.overdue ? 'TE LAAT ' : ''}${item.subject.text.nl}\n`);
  }
} finally {
  await store.dispose();
}
