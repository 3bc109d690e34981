import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import type { AsOf } from '../domain/as-of.js';
import { listCasePage } from './list-cases.js';

const NOW = '2026-01-10T00:00:00.000Z';
const asOf = (date: string): AsOf => ({ date, recordedAt: NOW, recordedAtGiven: true });

describe('the case list: a page sorted, narrowed and with its columns', () => {
  let store: TestStore;
  const f = new EventFactory();
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    const person = (id: string, name: string) => f.event(`person/${id}`, 'person.registered', '2015-01-01', { names: [name], nationalities: ['SYR'] });
    const opened = (id: string, suspect: string, date: string) => f.event(`criminal/${id}`, 'criminal.opened', date, { suspect, offences: ['torture'], situation: 'Syria' });
    const events = [
      person('P-1', 'Karim Haddad'), person('P-2', 'Omar Nasser'), person('P-3', 'Layla Haddad'),
      opened('SZ-1', 'P-1', '2024-03-01'), opened('SZ-2', 'P-2', '2024-01-01'), opened('SZ-3', 'P-3', '2024-02-01'),
      f.event('criminal/SZ-2', 'criminal.indicted', '2025-03-01', { court: 'Rechtbank Den Haag' }),
      f.event('criminal/SZ-2', 'criminal.hearing-scheduled', '2025-04-01', { date: '2025-05-01', court: 'Rechtbank Den Haag' }),
      f.event('criminal/SZ-2', 'criminal.hearing-scheduled', '2025-04-02', { date: '2026-06-15', court: 'Rechtbank Den Haag' }),
    ];
    await importEvents(store.db, [textSource('scenario.jsonl', jsonl(events))], { now: () => new Date(NOW) });
  });
  after(async () => { await store?.dispose(); });

  it('gives each case its suspect, situation, court and next hearing on the date', async () => {
    const page = await listCasePage(store.db, { kind: 'criminal', asOf: asOf('2026-01-01'), limit: 10 });
    const two = page.items.find((item) => item.stream === 'criminal/SZ-2')!;
    assert.deepEqual([two.person?.names[0], two.situation, two.court, two.nextHearing], ['Omar Nasser', 'Syria', 'Rechtbank Den Haag', { date: '2026-06-15', court: 'Rechtbank Den Haag' }]);
    const one = page.items.find((item) => item.stream === 'criminal/SZ-1')!;
    assert.deepEqual([one.person?.names[0], one.court, one.nextHearing], ['Karim Haddad', null, null]);
  });

  it('pages by cursor in either order, by case number or by the day the phase began', async () => {
    const walk = async (sort: 'case' | 'since', order: 'asc' | 'desc') => {
      const streams: string[] = [];
      let after: string | undefined;
      do {
        const page = await listCasePage(store.db, { kind: 'criminal', asOf: asOf('2026-01-01'), sort, order, after, limit: 2 });
        streams.push(...page.items.map((item) => item.stream));
        after = page.next ?? undefined;
      } while (after);
      return streams;
    };
    assert.deepEqual(await walk('case', 'asc'), ['criminal/SZ-1', 'criminal/SZ-2', 'criminal/SZ-3']);
    assert.deepEqual(await walk('case', 'desc'), ['criminal/SZ-3', 'criminal/SZ-2', 'criminal/SZ-1']);
    // In their phase since: SZ-3 2024-02-01, SZ-1 2024-03-01, SZ-2 (indicted) 2025-03-01.
    assert.deepEqual(await walk('since', 'asc'), ['criminal/SZ-3', 'criminal/SZ-1', 'criminal/SZ-2']);
    assert.deepEqual(await walk('since', 'desc'), ['criminal/SZ-2', 'criminal/SZ-1', 'criminal/SZ-3']);
  });

  it('narrows by text in the case number or a name of the person, and by phase', async () => {
    const streams = async (request: { text?: string; phase?: string }) => (await listCasePage(store.db, { kind: 'criminal', asOf: asOf('2026-01-01'), limit: 10, ...request })).items.map((item) => item.stream);
    assert.deepEqual(await streams({ text: 'haddad' }), ['criminal/SZ-1', 'criminal/SZ-3']);
    assert.deepEqual(await streams({ text: 'sz-2' }), ['criminal/SZ-2']);
    assert.deepEqual(await streams({ text: '100%' }), []);
    assert.deepEqual(await streams({ phase: 'first-instance' }), ['criminal/SZ-2']);
  });
});
