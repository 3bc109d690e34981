/**
 * R8 in context (README, "What each case rests on"): the element links, the originator's conditions, consent and
 * availability imported as events; the proof matrix and the evidence-at-risk list computed from them — on known
 * scenarios, as recorded at earlier moments, and with the refusals of links a case does not concern.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { elementsConfig } from '../config/elements.js';
import { parseAsOf } from '../domain/as-of.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { listEvidenceAtRisk } from './list-evidence-at-risk.js';
import { showProofMatrix } from './show-proof-matrix.js';
import { exportRoundTrip } from '../export/testing/round-trip.js';

const now = () => new Date('2026-06-15T10:00:00Z');
const jsonl = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join('\n');
let seq = 0;
const at = (day: string) => `2026-${day}T09:00:00Z`;
const ev = (stream: string, type: string, date: string, recorded: string, data: object, id = `t${++seq}`) => ({ id, stream, type, date, recordedAt: at(recorded), data });
const registered = (id: string, source: object, cases: object = { criminalCases: ['SZ-1'] }) =>
  ev(`evidence/${id}`, 'evidence.registered', '2026-01-05', '01-06', { ...cases, kind: 'mechanism-material', title: `Stuk ${id} (fictief)`, source, acquired: { date: '2026-01-05', by: 'TIM', method: 'handover' } });
const link = (item: string, element: string, relation = 'supports', offence = 'torture', recorded = '01-07', caseField: object = { criminalCase: 'SZ-1' }) =>
  ev(`evidence/${item}`, 'evidence.element-linked', `2026-${recorded}`, recorded, { ...caseField, offence, element, relation, reasoning: 'fictieve onderbouwing', weight: 'strong' });

const MECHANISM = { type: 'un-mechanism', name: 'UNIMEK' };
const BASE = [
  ev('person/P-1', 'person.registered', '1970-01-01', '01-01', { names: ['Fictieve Verdachte'] }),
  ev('criminal/SZ-1', 'criminal.opened', '2025-01-01', '01-01', { suspect: 'P-1', offences: ['torture'] }),
  ev('exclusion/IF-1', 'exclusion.opened', '2025-01-01', '01-01', { person: 'P-1' }),
  // M-1: the mechanism's material, usable as evidence only with its consent
  registered('M-1', MECHANISM),
  ev('evidence/M-1', 'evidence.conditions-set', '2026-01-06', '01-06', { conditions: 'evidence-with-consent', originator: 'UNIMEK', consentNeededFor: ['court-use'] }),
  link('M-1', 'torture.ill-treatment'),
  // M-2: the mechanism's material without conditions, the only proof of the purpose
  registered('M-2', MECHANISM),
  link('M-2', 'torture.purpose'),
  // W-1: the police's own statement, also proving the purpose? no: it proves the official capacity
  registered('W-1', { type: 'witness' }),
  link('W-1', 'torture.official-capacity'),
  // L-1: a lead only (foreign authority)
  registered('L-1', { type: 'foreign-authority', name: 'Fictiefland OM' }),
  ev('evidence/L-1', 'evidence.conditions-set', '2026-01-06', '01-06', { conditions: 'lead-only', originator: 'Fictiefland OM' }),
  link('L-1', 'torture.deprived-of-liberty'),
];

const statusOf = (matrix: Awaited<ReturnType<typeof showProofMatrix>>, element: string) => matrix.elements.find((row) => row.element === element)?.status;

describe('the proof matrix and evidence at risk (R8 in context)', () => {
  let store: TestStore;
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    await importEvents(store.db, [textSource('base.jsonl', jsonl(BASE))], { now });
  });
  after(async () => { await store.dispose(); });
  const matrixAt = (recordedAt?: string) => showProofMatrix(store.db, { kind: 'criminal', id: 'SZ-1', asOf: parseAsOf(recordedAt ? { asRecordedAt: recordedAt } : {}, now()), elements: elementsConfig() });

  it('an element with only lead-only support, or with consent not given, is not proven; unlinked elements are unsupported', async () => {
    const matrix = await matrixAt();
    assert.equal(statusOf(matrix, 'torture.ill-treatment'), 'lead-only');
    assert.equal(statusOf(matrix, 'torture.deprived-of-liberty'), 'lead-only');
    assert.equal(statusOf(matrix, 'torture.purpose'), 'proven');
    assert.equal(statusOf(matrix, 'torture.official-capacity'), 'proven');
    assert.equal(statusOf(matrix, 'torture.official.intent'), 'unsupported');
    assert.deepEqual(matrix.items.filter((item) => item.leadOnly).map((item) => item.id).sort(), ['L-1', 'M-1']);
    const cell = matrix.elements.find((row) => row.element === 'torture.ill-treatment')!.cells[0]!;
    assert.deepEqual([cell.item, cell.counts, cell.blocker], ['M-1', false, 'consent-not-asked']);
  });

  it('the evidence-at-risk list: M-2 alone proves the purpose (at risk if UNIMEK goes); nothing is lost yet', async () => {
    const list = await listEvidenceAtRisk(store.db, { asOf: parseAsOf({}, now()), elements: elementsConfig(), originator: 'unimek' });
    assert.deepEqual(list.map((row) => [row.case, row.element, row.status, row.originator, row.items.map((item) => item.id)]), [
      ['criminal/SZ-1', 'torture.purpose', 'at-risk', 'UNIMEK', ['M-2']],
    ]);
    assert.deepEqual(await listEvidenceAtRisk(store.db, { asOf: parseAsOf({}, now()), elements: elementsConfig(), sourceType: 'witness' }), [
      { case: 'criminal/SZ-1', offence: 'torture', element: 'torture.official-capacity', label: list[0]!.label.nl === '' ? list[0]!.label : (await matrixAt()).elements.find((row) => row.element === 'torture.official-capacity')!.label, status: 'at-risk', originator: 'witness', items: [{ id: 'W-1', title: 'Stuk W-1 (fictief)', sourceType: 'witness', available: true, unavailableSince: null, unavailableReason: null }] },
    ]);
  });

  it('consent changes it; the mandate ending makes the purpose lost; as recorded earlier, the earlier matrix comes back', async () => {
    const before = await matrixAt();
    await importEvents(store.db, [textSource('later.jsonl', jsonl([
      ev('evidence/M-1', 'evidence.consent-requested', '2026-02-01', '02-01', { from: 'UNIMEK', for: ['court-use'] }),
      ev('evidence/M-1', 'evidence.consent-given', '2026-03-01', '03-01', { by: 'UNIMEK' }),
      ev('evidence/M-2', 'evidence.availability-changed', '2026-04-01', '04-01', { available: false, reason: 'het mandaat van UNIMEK is geëindigd (fictief)' }),
    ]))], { now });
    const after = await matrixAt();
    assert.equal(statusOf(after, 'torture.ill-treatment'), 'proven');
    assert.equal(statusOf(after, 'torture.purpose'), 'unsupported');
    assert.equal(statusOf(await matrixAt(at('02-15')), 'torture.ill-treatment'), 'lead-only');
    assert.deepEqual(await matrixAt(at('01-31')), { ...before, asOf: { ...before.asOf, recordedAt: at('01-31').replace('Z', '.000Z') } });
    const list = await listEvidenceAtRisk(store.db, { asOf: parseAsOf({}, now()), elements: elementsConfig(), originator: 'UNIMEK' });
    assert.deepEqual(list.map((row) => [row.element, row.status]), [['torture.purpose', 'lost'], ['torture.ill-treatment', 'at-risk']]);
    const earlier = await listEvidenceAtRisk(store.db, { asOf: parseAsOf({ asRecordedAt: at('02-15') }, now()), elements: elementsConfig(), originator: 'UNIMEK' });
    assert.deepEqual(earlier.map((row) => [row.element, row.status]), [['torture.purpose', 'at-risk']]);
  });

  it('refuses a link to an offence the case does not concern, to an unknown element, to a case the item is not linked to, and consent without conditions', async () => {
    const refused = async (line: object, message: RegExp) => assert.rejects(importEvents(store.db, [textSource('bad.jsonl', jsonl([line]))], { now }),
      (error: Error & { problems?: { message: string }[] }) => error.problems?.some((problem) => message.test(problem.message)) === true);
    await refused(link('W-1', 'cah.murder.killed', 'supports', 'crimes-against-humanity'), /does not concern 'crimes-against-humanity'/);
    await refused(link('W-1', 'torture.nothing'), /not an element of torture/);
    await refused(link('W-1', '1F-a.crime', 'supports', '1F-a', '01-08', { exclusionCase: 'IF-1' }), /not linked to exclusion\/IF-1/);
    await refused(link('W-1', 'torture.purpose', 'supports', '1F-a'), /ground of Art. 1F/);
    await refused(ev('evidence/W-1', 'evidence.consent-given', '2026-02-01', '02-01', { by: 'iemand' }), /evidence-with-consent/);
    await refused(ev('evidence/W-1', 'evidence.unlinked', '2026-02-01', '02-01', { criminalCase: 'SZ-1' }), /only case|unlink them first/);
  });

  it('a 1F file links the elements of the grounds; the new events export and import to the same log', async () => {
    await importEvents(store.db, [textSource('if.jsonl', jsonl([
      ev('evidence/W-1', 'evidence.linked', '2026-05-01', '05-01', { exclusionCase: 'IF-1' }),
      link('W-1', '1F-a.individual-responsibility', 'supports', '1F-a', '05-01', { exclusionCase: 'IF-1' }),
      link('L-1', 'torture.official.intent', 'contradicts', 'torture', '05-02'),
    ]))], { now });
    const matrix = await showProofMatrix(store.db, { kind: 'exclusion', id: 'IF-1', asOf: parseAsOf({}, now()), elements: elementsConfig() });
    assert.deepEqual(matrix.offences.map((offence) => offence.offence), ['1F-a']);
    assert.equal(statusOf(matrix, '1F-a.individual-responsibility'), 'proven');
    assert.equal(statusOf(matrix, '1F-a.knowing-participation'), 'unsupported');
    assert.match((await matrixAt()).elements.find((row) => row.element === 'torture.official.intent')!.reason.en, /Contradicted by: L-1/);
    const second = await TEST_ENGINES[0]!.open();
    try {
      const { exported, again } = await exportRoundTrip(store.db, second.db, now);
      assert.deepEqual(again, exported);
      assert.ok(exported.some((line) => line.includes('"evidence.availability-changed"')));
    } finally {
      await second.dispose();
    }
  });
});
