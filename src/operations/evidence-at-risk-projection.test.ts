/**
 * The evidence standing projection (migration 036; README, "What each case rests on") against the replay of the log
 * it stands in for: on one scenario, step by step — links, conditions, consent, availability, an unlink, retractions,
 * an erasure — the evidence-at-risk list of now read from the projection equals the list replayed from the log, and
 * the projection kept by the imports equals one rebuilt from the log; a day before an item's latest event is
 * answered by the replay.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../accounts/accounts.js';
import { decideApproval } from '../accounts/approvals.js';
import { elementsConfig } from '../config/elements.js';
import { parseAsOf } from '../domain/as-of.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { loadPolicy } from '../policy/policy.js';
import type { Queryable } from '../store/db.js';
import { evidenceStandingCovers, rebuildEvidenceStanding } from '../store/evidence-standing.js';
import { currentElementLinks, standingElementLinks, type MaterialFilter } from '../store/proof-reads.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { executeErasure, requestErasure } from './erase-data.js';
import { listEvidenceAtRisk } from './list-evidence-at-risk.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const now = () => NOW;
const TODAY = '2026-06-15';
const jsonl = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join('\n');
let seq = 0;
const ev = (stream: string, type: string, date: string, data: object, id = `p${++seq}`) => ({ id, stream, type, date, recordedAt: `${date}T09:00:00Z`, data });
const registered = (id: string, source: object, criminalCases = ['SZ-1']) => ev(`evidence/${id}`, 'evidence.registered', '2026-01-05', {
  criminalCases, kind: 'mechanism-material', title: `Stuk ${id} (fictief)`, source, acquired: { date: '2026-01-05', by: 'TIM', method: 'handover' },
});
const link = (item: string, element: string, relation = 'supports', criminalCase = 'SZ-1', date = '2026-01-07', id?: string) =>
  ev(`evidence/${item}`, 'evidence.element-linked', date, { criminalCase, offence: 'torture', element, relation, reasoning: 'fictieve onderbouwing', weight: 'strong' }, id);
const verified = (item: string, step: string, outcome = 'confirmed') => ev(`evidence/${item}`, 'evidence.verified', '2026-01-06', { step, outcome, method: 'fictief' });

const UNIMEK = { type: 'un-mechanism', name: 'UNIMEK (fictief)' };
const OTHER = { type: 'un-mechanism', name: 'Noordmechanisme (fictief)' };
const SCENARIO = [
  ev('person/P-1', 'person.registered', '1970-01-01', { names: ['Fictieve Verdachte'] }),
  ev('person/P-2', 'person.registered', '1970-01-01', { names: ['Andere Fictieve Verdachte'] }),
  ev('criminal/SZ-1', 'criminal.opened', '2025-01-01', { suspect: 'P-1', offences: ['torture'] }),
  ev('criminal/SZ-2', 'criminal.opened', '2025-01-01', { suspect: 'P-2', offences: ['torture'] }),
  registered('M-1', UNIMEK),
  ev('evidence/M-1', 'evidence.conditions-set', '2026-01-06', { conditions: 'evidence-with-consent', originator: 'UNIMEK (fictief)' }),
  link('M-1', 'torture.ill-treatment'),
  registered('M-2', UNIMEK),
  link('M-2', 'torture.purpose'),
  link('M-2', 'torture.official-capacity', 'supports', 'SZ-1', '2026-01-07', 'link-m2-capacity'),
  registered('M-3', OTHER, ['SZ-1', 'SZ-2']),
  link('M-3', 'torture.purpose', 'supports', 'SZ-2'),
  link('M-3', 'torture.deprived-of-liberty', 'context'),
  registered('W-1', { type: 'witness' }),
  verified('W-1', 'source'), verified('W-1', 'technical'), verified('W-1', 'content'),
  link('W-1', 'torture.official-capacity'),
  link('W-1', 'torture.purpose', 'contradicts'),
  registered('W-2', { type: 'witness' }, ['SZ-2']),
  verified('W-2', 'source', 'refuted'),
  link('W-2', 'torture.purpose', 'supports', 'SZ-2'),
];

const FILTERS: readonly MaterialFilter[] = [
  {}, { originator: 'unimek (fictief)' }, { originator: 'Noordmechanisme (fictief)' }, { sourceType: 'un-mechanism' }, { sourceType: 'witness' }, { originator: 'witness' },
];

async function projectionRows(db: Queryable): Promise<unknown[]> {
  return db.query(`SELECT s.*, (SELECT array_agg(l ORDER BY l.case_stream, l.offence, l.element, l.relation) FROM evidence_element_links l WHERE l.stream = s.stream) AS links
                   FROM evidence_standing s ORDER BY s.stream`);
}

describe('the evidence standing projection agrees with the replay of the log', () => {
  for (const engine of TEST_ENGINES) {
    describe(engine.name, { skip: engine.skip }, () => {
      let store: TestStore;
      before(async () => { store = await engine.open(); });
      after(async () => { await store?.dispose(); });

      const load = (name: string, events: readonly object[]) => importEvents(store.db, [textSource(name, jsonl(events))], { now });
      const asOf = parseAsOf({}, NOW);

      /** Every filter: the projection's rows equal the replay's, and so do the lists; the projection equals a rebuild. */
      async function assertAgreement(step: string): Promise<void> {
        assert.ok(await evidenceStandingCovers(store.db, TODAY), `${step}: the projection answers for today`);
        for (const filter of FILTERS) {
          const replayed = await standingElementLinks(store.db, { date: TODAY, moment: NOW.toISOString(), ...filter });
          assert.deepEqual(await currentElementLinks(store.db, filter), replayed, `${step}: the rows of ${JSON.stringify(filter)}`);
          const listed = await listEvidenceAtRisk(store.db, { asOf, elements: elementsConfig(), ...filter });
          const replayedList = await listEvidenceAtRisk(store.db, { asOf: parseAsOf({ asRecordedAt: NOW.toISOString() }, NOW), elements: elementsConfig(), ...filter });
          assert.deepEqual(listed, replayedList, `${step}: the list of ${JSON.stringify(filter)}`);
        }
        const kept = await projectionRows(store.db);
        await store.db.transaction((tx) => rebuildEvidenceStanding(tx));
        assert.deepEqual(await projectionRows(store.db), kept, `${step}: the projection the imports kept equals one rebuilt from the log`);
      }

      it('after the links, conditions and verifications', async () => {
        await load('scenario.jsonl', SCENARIO);
        await assertAgreement('scenario');
        const list = await listEvidenceAtRisk(store.db, { asOf, elements: elementsConfig(), originator: 'UNIMEK (fictief)' });
        assert.deepEqual(list.map((row) => [row.case, row.element, row.status, row.items.map((item) => item.id).join()]), [
          ['criminal/SZ-1', 'torture.purpose', 'at-risk', 'M-2'],
        ]);
      });

      it('after consent, availability and an unlink', async () => {
        await load('later.jsonl', [
          ev('evidence/M-1', 'evidence.consent-requested', '2026-02-01', { from: 'UNIMEK (fictief)' }),
          ev('evidence/M-1', 'evidence.consent-given', '2026-03-01', { by: 'UNIMEK (fictief)' }),
          ev('evidence/M-2', 'evidence.availability-changed', '2026-04-01', { available: false, reason: 'mandaat geëindigd (fictief)' }, 'm2-unavailable'),
          ev('evidence/M-3', 'evidence.element-unlinked', '2026-04-02', { criminalCase: 'SZ-1', offence: 'torture', element: 'torture.deprived-of-liberty' }),
        ]);
        await assertAgreement('consent, availability, unlink');
        const list = await listEvidenceAtRisk(store.db, { asOf, elements: elementsConfig(), originator: 'UNIMEK (fictief)' });
        assert.deepEqual(list.map((row) => [row.element, row.status]), [['torture.purpose', 'lost'], ['torture.ill-treatment', 'at-risk']]);
      });

      it('after retractions', async () => {
        await load('retractions.jsonl', [
          ev('evidence/M-2', 'retracted', '2026-05-01', { event: 'm2-unavailable', reason: 'het mandaat liep door (fictief)' }),
          ev('evidence/M-2', 'retracted', '2026-05-01', { event: 'link-m2-capacity', reason: 'verkeerd element (fictief)' }),
        ]);
        await assertAgreement('retractions');
        const list = await listEvidenceAtRisk(store.db, { asOf, elements: elementsConfig(), originator: 'UNIMEK (fictief)' });
        assert.deepEqual(list.map((row) => [row.element, row.status]), [['torture.ill-treatment', 'at-risk'], ['torture.purpose', 'at-risk']]);
      });

      it('after an erasure of an item', async () => {
        const policy = loadPolicy();
        const first = await createAccount(store.db, policy, { username: 'beheer.een', displayName: 'Beheer Een', role: 'admin', password: 'correct horse battery staple' }, NOW);
        const second = await createAccount(store.db, policy, { username: 'beheer.twee', displayName: 'Beheer Twee', role: 'admin', password: 'correct horse battery staple' }, NOW);
        const { approval } = await requestErasure(store.db, { streams: ['evidence/M-2'], rule: 'fictief', legalGround: 'fictieve grond' }, first.id, NOW);
        await decideApproval(store.db, policy, approval.id, 'approve', second.id, NOW);
        await executeErasure(store.db, undefined, approval.id, 'beheer.twee', NOW);
        assert.deepEqual(await store.db.query("SELECT stream FROM evidence_standing WHERE stream = 'evidence/M-2' UNION ALL SELECT stream FROM evidence_element_links WHERE stream = 'evidence/M-2'"), []);
        await assertAgreement('erasure');
        const list = await listEvidenceAtRisk(store.db, { asOf, elements: elementsConfig(), originator: 'UNIMEK (fictief)' });
        assert.deepEqual(list.map((row) => [row.element, row.status]), [['torture.ill-treatment', 'at-risk']]);
      });

      it("a day before an item's latest event is answered by the replay", async () => {
        // M-1's consent was given on 2026-03-01: on 2026-02-15 it was only asked, so the element was not proven then.
        assert.equal(await evidenceStandingCovers(store.db, '2026-02-15'), false);
        const earlier = await listEvidenceAtRisk(store.db, { asOf: parseAsOf({ date: '2026-02-15' }, NOW), elements: elementsConfig(), originator: 'UNIMEK (fictief)' });
        assert.deepEqual(earlier, []);
        assert.ok(await evidenceStandingCovers(store.db, '2026-05-01'));
      });
    });
  }
});
