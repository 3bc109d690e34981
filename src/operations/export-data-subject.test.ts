/**
 * The data-subject export against the read policy (config/policy.json), tried as every role: what a role may read
 * is disclosed, what it may not is withheld with its ground and counted — never silently missing, never named.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendAccess } from '../access-log/access-log.js';
import type { AccessEntry } from '../access-log/access-log.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { authorize, grantedKinds } from '../policy/authorize.js';
import { loadPolicy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { exportDataSubject, OTHER_PERSON, type DataSubjectExport } from './export-data-subject.js';
import { renderDataSubjectPdf } from './render-data-subject-pdf.js';

const NOW = new Date('2026-06-01T10:00:00.000Z');
const TODAY = '2026-06-01';
const policy = loadPolicy();
const principalOf = (role: string): Principal => ({ kind: 'user', accountId: 1, username: `${role}.officer`, organisation: policy.roles[role]!.organisation, role });

// Fictional persons only. P-A is the person asking; P-B another person in the same data.
const f = new EventFactory();
const EVENTS = [
  f.event('person/P-A', 'person.registered', '1980-04-02', { names: ['Anna Fictief'], birthDate: '1980-04-02' }),
  f.event('person/P-B', 'person.registered', '1982-01-01', { names: ['Bram Derde'] }),
  // A closed criminal case (disclosed to TIM and OM), and one still under investigation (withheld on that ground).
  f.event('criminal/SZ-CLOSED', 'criminal.opened', '2010-01-01', { suspect: 'P-A', offences: ['torture'] }),
  f.event('criminal/SZ-CLOSED', 'criminal.closed', '2012-01-01', { reason: 'dismissed' }),
  f.event('criminal/SZ-OPEN', 'criminal.opened', '2025-01-01', { suspect: 'P-A', offences: ['war-crimes'] }),
  // A report naming P-A and P-B, assessed (P-B is redacted as another person).
  f.event('intake/IN-AB', 'intake.received', '2011-01-01', { subjects: ['P-A', 'P-B'] }),
  f.event('intake/IN-AB', 'intake.assessed', '2011-03-01', { outcome: 'referred' }),
  // The IND's 1F file and the DT&V's departure dossier.
  f.event('exclusion/IF-A', 'exclusion.opened', '2013-01-01', { person: 'P-A', trigger: 'asylum interview' }),
  f.event('exclusion/IF-A', 'exclusion.decided', '2013-06-01', { outcome: 'applied', grounds: ['a'], article3Barrier: false }),
  f.event('departure/VT-A', 'departure.opened', '2013-07-01', { person: 'P-A', exclusionCase: 'IF-A' }),
  // Evidence of the closed criminal case and of the 1F file.
  f.event('evidence/BW-C', 'evidence.registered', '2011-02-01', {
    criminalCases: ['SZ-CLOSED'], kind: 'document', title: 'Verklaring', source: { type: 'witness' }, acquired: { date: '2011-02-01', by: 'TIM', method: 'handover' },
  }),
  f.event('evidence/BW-X', 'evidence.registered', '2013-02-01', {
    exclusionCases: ['IF-A'], kind: 'document', title: 'Gehoorverslag', source: { type: 'other' }, acquired: { date: '2013-02-01', by: 'IND', method: 'handover' },
  }),
  // P-A is also a protected witness in another person's criminal case: only the police may know.
  f.event('criminal/SZ-B', 'criminal.opened', '2015-01-01', { suspect: 'P-B', offences: ['torture'] }),
  f.event('witness/W-PROT', 'witness.registered', '2015-02-01', { criminalCase: 'SZ-B', person: 'P-A', pseudonym: 'K-7' }),
  f.event('witness/W-PROT', 'witness.protection-set', '2015-02-02', { measure: 'anonymous' }),
];
const ALL_STREAMS_NAMING_A = ['criminal/SZ-CLOSED', 'criminal/SZ-OPEN', 'intake/IN-AB', 'exclusion/IF-A', 'departure/VT-A', 'witness/W-PROT'];

const access = (organisation: string, role: string, username: string, resource: string): AccessEntry => ({
  at: '2026-05-01T09:00:00.000Z', principalKind: 'user', accountId: null, tokenId: null, username, organisation, role,
  action: 'stream.read', resource, persons: ['P-A'], purpose: 'test', legalBasis: 'test basis', outcome: 'allowed', reason: null, requestId: null,
});

for (const engine of TEST_ENGINES) {
  describe(`the data-subject export against the read policy (${engine.name})`, { skip: engine.skip }, () => {
    let store: TestStore;
    const exports = new Map<string, DataSubjectExport>();
    before(async () => {
      store = await engine.open();
      await importEvents(store.db, [textSource('subject.jsonl', jsonl(EVENTS))], { now: () => new Date('2026-01-10T00:00:00.000Z') });
      await appendAccess(store.db, [
        access('TIM', 'police', 'tim.rechercheur', 'person/P-A'),
        access('TIM', 'police', 'tim.rechercheur', 'criminal/SZ-OPEN'),
        access('IND', 'ind-1f', 'ind.medewerker', 'exclusion/IF-A'),
      ]);
      for (const role of Object.keys(policy.roles)) {
        exports.set(role, await exportDataSubject(store.db, policy, { principal: principalOf(role), person: 'P-A', today: TODAY, now: NOW, asOf: { date: TODAY, recordedAt: NOW.toISOString(), recordedAtGiven: false } }));
      }
    });
    after(async () => { await store?.dispose(); });

    it('lets only the four case roles ask (subject-access.read), each for a person it may read', async () => {
      const allowed: string[] = [];
      for (const role of Object.keys(policy.roles)) {
        const decision = await authorize(policy, principalOf(role), 'subject-access.read', { kind: 'person', stream: 'person/P-A' }, { date: TODAY, facts: registryFacts(store.db, NOW) });
        if (decision.allowed) allowed.push(role);
      }
      assert.deepEqual(allowed.sort(), ['dtv', 'ind-1f', 'police', 'prosecutor']);
    });

    it('accounts for every stream naming the person: disclosed, or withheld and counted by ground — as every role', () => {
      for (const [role, result] of exports) {
        const disclosed = [...result.cases, ...result.witnessRecords].map((item) => item.stream);
        const counted = result.withheld.filter((item) => (item.what === 'case' || item.what === 'witness') && item.count !== null).reduce((sum, item) => sum + item.count!, 0);
        // The protected witness of a criminal case, when the role may not identify it, is covered by the standing
        // ground (present in the export), not linked to the person.
        const identifies = grantedKinds(policy, role, 'witness-identity.read').includes('criminal');
        assert.equal(result.withheld.some((item) => item.ground.code === 'protected-witness'), !(identifies && grantedKinds(policy, role, 'witness-identity.read').includes('exclusion')));
        const shielded = identifies ? 0 : 1;
        assert.equal(disclosed.length + counted + shielded, ALL_STREAMS_NAMING_A.length, `${role}: ${JSON.stringify({ disclosed, withheld: result.withheld.map((item) => [item.what, item.kind, item.ground.code, item.count]) })}`);
      }
    });

    it('gives each case role what it may read, and names no stream it withholds', () => {
      const streams = (role: string) => [...exports.get(role)!.cases, ...exports.get(role)!.witnessRecords].map((item) => item.stream).sort();
      assert.deepEqual(streams('police'), ['criminal/SZ-CLOSED', 'intake/IN-AB', 'witness/W-PROT']);
      assert.deepEqual(streams('prosecutor'), ['criminal/SZ-CLOSED', 'intake/IN-AB']);
      assert.deepEqual(streams('ind-1f'), ['departure/VT-A', 'exclusion/IF-A']);
      assert.deepEqual(streams('dtv'), ['departure/VT-A', 'exclusion/IF-A']);
      for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor']) {
        const text = JSON.stringify(exports.get(role));
        const shown = new Set(streams(role));
        for (const stream of ALL_STREAMS_NAMING_A.filter((item) => !shown.has(item))) {
          assert.ok(!text.includes(stream.split('/')[1]!), `${role} export names withheld ${stream}`);
        }
      }
    });

    it('withholds an ongoing investigation on that ground (Wpg), with a count', () => {
      for (const role of ['police', 'prosecutor']) {
        const item = exports.get(role)!.withheld.find((entry) => entry.ground.code === 'ongoing-investigation' && entry.what === 'case');
        assert.deepEqual([item?.kind, item?.count], ['criminal', 1], role);
        assert.match(item!.ground.law, /Wpg/);
      }
    });

    it("withholds other partners' streams as not readable, by kind and count", () => {
      const kinds = (role: string) => exports.get(role)!.withheld.filter((item) => item.ground.code === 'not-readable' && item.what === 'case').map((item) => `${item.kind}:${item.count}`).sort();
      assert.deepEqual(kinds('police'), ['departure:1', 'exclusion:1']);
      assert.deepEqual(kinds('ind-1f'), ['criminal:2', 'intake:1']);
      assert.deepEqual(kinds('dtv'), ['criminal:2', 'intake:1']);
    });

    it("shows DT&V only the 1F decision and its consequences, not the acts or the trigger (the grant's view)", () => {
      const file = exports.get('dtv')!.cases.find((item) => item.stream === 'exclusion/IF-A')!;
      assert.ok(!JSON.stringify(file).includes('asylum interview'));
      assert.ok(JSON.stringify(exports.get('ind-1f')!.cases).includes('asylum interview'));
    });

    it('shields a protected witness from every role but the police, under a standing ground that does not depend on the person', () => {
      assert.ok(!exports.get('police')!.withheld.some((item) => item.ground.code === 'protected-witness' && item.count !== null));
      for (const role of ['prosecutor', 'ind-1f', 'dtv']) {
        const result = exports.get(role)!;
        const ground = result.withheld.find((item) => item.ground.code === 'protected-witness');
        assert.equal(ground?.count, null, role);
        assert.ok(!JSON.stringify(result).includes('K-7') && !JSON.stringify(result).includes('W-PROT'), role);
      }
    });

    it('names no other person: their ids replaced, their names absent, counted as withheld on the ground of third parties', () => {
      for (const role of ['police', 'prosecutor']) {
        const result = exports.get(role)!;
        const text = JSON.stringify(result);
        assert.ok(!text.includes('P-B') && !text.includes('Bram Derde'), role);
        assert.ok(result.cases.find((item) => item.stream === 'intake/IN-AB')!.events[0]!.data.subjects!.toString().includes(OTHER_PERSON));
        assert.ok(result.withheld.some((item) => item.ground.code === 'third-party' && item.count! >= 1), role);
      }
    });

    it("discloses the person's own record and evidence metadata to the roles that may read them", () => {
      assert.deepEqual(exports.get('police')!.identity?.names, ['Anna Fictief']);
      assert.equal(exports.get('police')!.identity?.birthDate, '1980-04-02');
      assert.deepEqual(exports.get('police')!.evidence.map((item) => item.id), ['BW-C']);
      assert.deepEqual(exports.get('ind-1f')!.evidence.map((item) => item.id), ['BW-X']);
      // DT&V reads the 1F file's decision but no evidence (evidence.read): withheld, counted.
      assert.deepEqual(exports.get('dtv')!.evidence, []);
      assert.ok(exports.get('dtv')!.withheld.some((item) => item.what === 'evidence' && item.count === 1));
      for (const role of ['ministry', 'admin', 'auditor']) {
        assert.equal(exports.get(role)!.identity, null, role);
        assert.ok(exports.get(role)!.withheld.some((item) => item.what === 'person' && item.ground.code === 'not-readable'), role);
      }
    });

    it("gives the access log of the partner's own reads without officers' names; other partners' reads and withheld cases' reads withheld", () => {
      const police = exports.get('police')!;
      assert.deepEqual(police.accessLog.map((row) => [row.organisation, row.resource]), [['TIM', 'person/P-A']]);
      assert.ok(!JSON.stringify(police).includes('tim.rechercheur'));
      assert.ok(police.withheld.some((item) => item.what === 'access-log' && item.ground.code === 'ongoing-investigation' && item.count === 1));
      assert.ok(police.withheld.some((item) => item.ground.code === 'other-partner-reads' && item.count === null));
      assert.ok(police.withheld.some((item) => item.ground.code === 'staff-identity'));
      assert.deepEqual(exports.get('ind-1f')!.accessLog.map((row) => [row.organisation, row.resource]), [['IND', 'exclusion/IF-A']]);
      assert.deepEqual(exports.get('dtv')!.accessLog, []);
    });

    it('renders the export as a PDF in Dutch and English', async () => {
      for (const language of ['nl', 'en'] as const) {
        const pdf = await renderDataSubjectPdf(exports.get('police')!, language);
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        assert.ok(pdf.length > 2000);
      }
    });
  });
}
