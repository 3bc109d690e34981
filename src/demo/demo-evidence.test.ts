/**
 * The demo's evidence (README, "Evidence"): items on criminal cases and 1F files whose files the demo draws itself and
 * stores through the attach path of the CLI — hashes that verify, media types sniffed from the bytes, and a reposted
 * photo that the near-duplicate finder links to an item of another case. Only the evidence streams are imported here:
 * the whole registry is not needed to check them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAsOf } from '../domain/as-of.js';
import type { EventInput } from '../domain/event.js';
import { verifyFiles } from '../evidence/verify-files.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { findNearDuplicates } from '../operations/find-near-duplicates.js';
import { showEvidence } from '../operations/show-evidence.js';
import { openDiskFileStore } from '../store/file-store/disk-file-store.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { attachDemoFiles } from './attach-demo-files.js';
import { EVIDENCE_TEMPLATES } from './evidence-items.js';
import { generateDemo } from './generate-demo.js';

const NOW = () => new Date('2026-11-15T09:00:00Z');
const casesOf = (event: EventInput) => [...((event.data.criminalCases ?? []) as string[]).map((id) => `criminal/${id}`), ...((event.data.exclusionCases ?? []) as string[]).map((id) => `exclusion/${id}`)];
const demo = [...generateDemo({ scale: 1 })];
const evidenceEvents = demo.filter((event) => event.stream.startsWith('evidence/'));
const registrations = evidenceEvents.filter((event) => event.type === 'evidence.registered');
/** The evidence streams, the cases they name and the persons those cases name: the part of the demo imported here. */
const caseStreams = new Set(registrations.flatMap(casesOf));
const caseEvents = demo.filter((event) => caseStreams.has(event.stream));
const persons = new Set(caseEvents.flatMap((event) => (JSON.stringify(event.data).match(/P-\d{5}/g) ?? []).map((id) => `person/${id}`)));
const imported = [...demo.filter((event) => persons.has(event.stream)), ...caseEvents, ...evidenceEvents];

describe('the demo evidence register', () => {
  let store: TestStore;
  let files: FileStore;
  let fileDir: string;
  let attached = 0;

  before(async () => {
    fileDir = await mkdtemp(join(tmpdir(), 'imketen-demo-evidence-'));
    store = await TEST_ENGINES[0]!.open();
    files = await openDiskFileStore(fileDir);
    await importEvents(store.db, [textSource('demo evidence', imported.map((event) => JSON.stringify(event)).join('\n'))], { now: NOW });
    attached = await attachDemoFiles(store.db, files, registrations, { maxBytes: 10_000_000, now: NOW });
  });

  after(async () => {
    await files.close();
    await store.dispose();
    await rm(fileDir, { recursive: true, force: true });
  });

  it('has items of every kind the brief names, on criminal cases and on 1F files', () => {
    const kinds = new Set(registrations.map((event) => event.data.kind));
    for (const kind of ['photo', 'document', 'witness-statement', 'web-capture', 'mechanism-material', 'official-report']) assert.ok(kinds.has(kind), kind);
    const cases = registrations.flatMap(casesOf);
    assert.ok(cases.filter((stream) => stream.startsWith('criminal/')).length >= 3, cases.join(', '));
    assert.ok(cases.filter((stream) => stream.startsWith('exclusion/')).length >= 3, cases.join(', '));
    assert.ok(evidenceEvents.some((event) => event.type === 'evidence.custody-transferred'));
    assert.ok(evidenceEvents.some((event) => event.type === 'evidence.verified'));
  });

  it('attaches every planned file, with hashes that verify and media types sniffed from the bytes', async () => {
    const planned = EVIDENCE_TEMPLATES.reduce((sum, template) => sum + template.files.length, 0);
    assert.equal(attached, planned);
    const verdicts = await verifyFiles(store.db, files);
    assert.equal(verdicts.length, planned);
    assert.deepEqual(verdicts.filter((verdict) => verdict.result !== 'ok'), []);
    const asOf = parseAsOf({}, NOW());
    const mediaTypes = new Set<string>();
    for (const registration of registrations) {
      const item = await showEvidence(store.db, { id: registration.stream.slice('evidence/'.length), asOf });
      for (const file of item.files) mediaTypes.add(file.mediaType);
    }
    assert.deepEqual([...mediaTypes].sort(), ['application/pdf', 'image/png', 'text/plain']);
  });

  it('links a reposted photo to an item of another case through the near-duplicate finder', async () => {
    const asOf = parseAsOf({}, NOW());
    const caseOfItem = new Map(registrations.map((event) => [event.stream.slice('evidence/'.length), casesOf(event)]));
    const crossCase: string[] = [];
    for (const [id, cases] of caseOfItem) {
      for (const hit of await findNearDuplicates(store.db, { id, asOf, mayRead: async () => true })) {
        const other = caseOfItem.get(hit.evidence)!;
        if (other.some((stream) => cases.includes(stream))) continue;
        assert.notEqual(hit.sha256, hit.otherSha256, 'a repost is other bytes, not the same file');
        crossCase.push(`${id}~${hit.evidence} (${hit.distance} bits)`);
      }
    }
    assert.ok(crossCase.length >= 2, `cross-case near-duplicates: ${crossCase.join(', ')}`);
  });

  it('changes nothing when the files are attached again', async () => {
    assert.equal(await attachDemoFiles(store.db, files, registrations, { maxBytes: 10_000_000, now: NOW }), 0);
  });
});
