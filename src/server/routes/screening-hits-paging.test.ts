/**
 * The hits list a page at a time (GET /api/screening/hits): every sort in either order walks all hits once, in a
 * total order (ties broken by hit id), without a duplicate or a gap; the filters by status, list, partner's files
 * and name narrow it; a cursor that is not ours, or one for another order, is a clear 400 INVALID_CURSOR.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importWatchlist } from '../../screening/import-watchlist.js';
import { clock, listJsonl, loadRegistry, textFile } from '../../screening/testing/fixtures.js';
import { insertHits } from '../../store/hits-store.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

interface Hit { id: number; score: number; list: string; status: string; personId: string; firstFoundAt: string }
interface HitPage { items: Hit[]; next: string | null }

const STATUS_RANK: Record<string, number> = { open: 0, unsure: 1, confirmed: 2, rejected: 3 };

describe('the hits list, paged by an opaque cursor', () => {
  let server: TestServer;
  let police: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    const db = server.store.db;
    await loadRegistry(db);
    const entries = Array.from({ length: 6 }, (_, index) => ({ id: `E-${index + 1}`, names: [`Entry ${index + 1}`] }));
    await importWatchlist(db, [textFile('un.jsonl', listJsonl(entries))], { name: 'un', now: clock() });
    await importWatchlist(db, [textFile('eu.jsonl', listJsonl(entries))], { name: 'eu', now: clock() });
    const lists = new Map((await db.query<{ id: number; name: string }>('SELECT id, name FROM watchlists')).map((row) => [row.name, row.id]));
    // Scores with ties, on two persons the police may see (P-1 in a criminal case, P-4 in an intake), on two lists,
    // found on two days: every sort has ties to break.
    const found = (person: string, entry: number, score: number) => ({ counterpart: `E-${entry}`, personId: person, score, explanation: {}, personHash: `h-${person}`, counterpartHash: `c-${entry}` });
    await insertHits(db, 'watchlist', lists.get('un')!, 1, [found('P-1', 1, 0.9), found('P-1', 2, 0.9), found('P-4', 3, 0.9), found('P-4', 4, 0.8)], '2026-03-01T10:00:00.000Z');
    await insertHits(db, 'watchlist', lists.get('eu')!, 1, [found('P-1', 1, 0.8), found('P-1', 2, 0.95), found('P-4', 3, 0.9), found('P-4', 5, 0.7), found('P-1', 6, 0.9)], '2026-03-02T10:00:00.000Z');
    police = await server.signIn('police');
    const all = (await police.request('GET', '/api/screening/hits?status=all')).json<HitPage>().items;
    // Two decisions, so that the status sort has more than one value.
    await police.request('POST', `/api/persons/${all[0]!.personId}/hits/${all[0]!.id}/reviews`, { decision: 'confirmed', reason: 'same passport' });
    await police.request('POST', `/api/persons/${all[1]!.personId}/hits/${all[1]!.id}/reviews`, { decision: 'rejected', reason: 'other birth date' });
  });
  after(async () => { await server?.close(); });

  async function walk(query: string, limit: number): Promise<{ ids: number[]; pages: number; rows: Hit[] }> {
    const rows: Hit[] = [];
    let afterCursor: string | null = null;
    let pages = 0;
    do {
      const response = await police.request('GET', `/api/screening/hits?status=all&limit=${limit}${query}${afterCursor ? `&after=${encodeURIComponent(afterCursor)}` : ''}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json<HitPage>();
      assert.ok(page.items.length <= limit);
      rows.push(...page.items);
      afterCursor = page.next;
      pages += 1;
      assert.ok(pages < 50, 'the cursor does not advance');
    } while (afterCursor);
    return { ids: rows.map((row) => row.id), pages, rows };
  }

  it('walks every sort in both orders without a duplicate or a gap, ties broken by the hit id', async () => {
    const everything = (await police.request('GET', '/api/screening/hits?status=all&limit=500')).json<HitPage>();
    assert.equal(everything.items.length, 9);
    assert.equal(everything.next, null);
    const keyOf: Record<string, (hit: Hit) => string | number> = {
      score: (hit) => hit.score, date: (hit) => hit.firstFoundAt, list: (hit) => hit.list, status: (hit) => STATUS_RANK[hit.status]!,
    };
    for (const sort of ['score', 'date', 'list', 'status']) {
      for (const order of ['asc', 'desc'] as const) {
        for (const limit of sort === 'score' ? [1, 4] : [2]) {
          const { ids, pages, rows } = await walk(`&sort=${sort}&order=${order}`, limit);
          assert.equal(new Set(ids).size, ids.length, `${sort} ${order} by ${limit}: a hit twice`);
          assert.deepEqual([...ids].sort((a, b) => a - b), everything.items.map((hit) => hit.id).sort((a, b) => a - b), `${sort} ${order} by ${limit}: a hit missing`);
          assert.equal(pages, Math.ceil(9 / limit), `${sort} ${order} by ${limit}: pages`);
          const sign = order === 'asc' ? 1 : -1;
          for (let index = 1; index < rows.length; index += 1) {
            const [a, b] = [rows[index - 1]!, rows[index]!];
            const [x, y] = [keyOf[sort]!(a), keyOf[sort]!(b)];
            const byKey = typeof x === 'number' ? (x as number) - (y as number) : String(x).localeCompare(String(y));
            assert.ok(sign * byKey < 0 || (byKey === 0 && sign * (a.id - b.id) < 0), `${sort} ${order}: ${a.id} before ${b.id}`);
          }
        }
      }
    }
  });

  it('sorts by score, highest first, by default', async () => {
    const page = (await police.request('GET', '/api/screening/hits?status=all&limit=3')).json<HitPage>();
    assert.deepEqual(page.items.map((hit) => hit.score), [0.95, 0.9, 0.9]);
    assert.equal(typeof page.next, 'string');
  });

  it('narrows by status, list, partner files and name', async () => {
    const ids = async (query: string) => (await police.request('GET', `/api/screening/hits?limit=500${query}`)).json<HitPage>().items;
    assert.equal((await ids('')).length, 7, 'waiting for review: all but the two decided');
    assert.deepEqual((await ids('&status=confirmed')).map((hit) => hit.status), ['confirmed']);
    assert.deepEqual((await ids('&status=rejected')).map((hit) => hit.status), ['rejected']);
    assert.deepEqual([...new Set((await ids('&status=all&list=eu')).map((hit) => hit.list))], ['eu']);
    assert.deepEqual([...new Set((await ids('&status=all&kind=intake')).map((hit) => hit.personId))], ['P-4']);
    assert.deepEqual([...new Set((await ids('&status=all&kind=criminal')).map((hit) => hit.personId))], ['P-1']);
    assert.deepEqual((await ids('&status=all&kind=departure')), []);
    assert.deepEqual([...new Set((await ids('&status=all&q=ahmad')).map((hit) => hit.personId))], ['P-4']);
    assert.deepEqual([...new Set((await ids('&status=all&q=AL-HASSAN')).map((hit) => hit.personId))], ['P-1']);
    const filteredWalk = await walk('&list=un&sort=date', 1);
    assert.equal(filteredWalk.ids.length, (await ids('&list=un')).length);
  });

  it('refuses a cursor that is not one, or one for another order, with 400 INVALID_CURSOR', async () => {
    const first = (await police.request('GET', '/api/screening/hits?status=all&limit=2&sort=score')).json<HitPage>();
    const forged = [
      'not-a-cursor', '%%%', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["score","desc","x"]').toString('base64url'),
      Buffer.from('["score","sideways",0.9,1]').toString('base64url'),
    ];
    for (const cursor of forged) {
      const response = await police.request('GET', `/api/screening/hits?status=all&limit=2&after=${encodeURIComponent(cursor)}`);
      assert.equal(response.statusCode, 400, `${cursor}: ${response.body}`);
      assert.equal(response.json<{ code: string }>().code, 'INVALID_CURSOR');
      assert.equal(response.json<{ type: string }>().type, 'urn:imketen:problem:invalid-cursor');
    }
    const otherOrder = await police.request('GET', `/api/screening/hits?status=all&limit=2&sort=list&after=${encodeURIComponent(first.next!)}`);
    assert.equal(otherOrder.statusCode, 400, otherOrder.body);
    assert.deepEqual([otherOrder.json<{ code: string }>().code, otherOrder.json<{ reason: { key: string } }>().reason.key], ['INVALID_CURSOR', 'invalidCursor']);
    assert.match(otherOrder.json<{ detail: string }>().detail, /sort score desc, not list asc/);
  });
});
