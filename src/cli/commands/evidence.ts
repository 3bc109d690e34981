/**
 * `imketen evidence …`: the evidence register at the server (README, "Evidence"): register an item, attach files,
 * list a case's evidence, show an item, re-hash every stored file, make and check a court bundle, capture a web page.
 */
import { Option, type Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey } from '../../audit/checkpoints.js';
import { ed25519Signer } from '../../capture/manifest.js';
import { ARTIFACT_FILES, captureUrl } from '../../capture/capture-url.js';
import { verifyCourtBundle } from '../../court-bundle/index.js';
import { parseAsOf } from '../../domain/as-of.js';
import { ImketenError } from '../../domain/errors.js';
import { attachFile } from '../../evidence/attach-file.js';
import { importWebArchive } from '../../evidence/import-web-archive.js';
import { unreferencedStoredFiles, verifyFiles } from '../../evidence/verify-files.js';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { listCaseEvidence } from '../../operations/list-case-evidence.js';
import { showEvidence } from '../../operations/show-evidence.js';
import { writeCaseBundle } from '../../operations/write-case-bundle.js';
import { openFileStore } from '../../store/file-store/file-store-config.js';
import type { FileStore } from '../../store/file-store/file-store.js';
import type { Db } from '../../store/db.js';
import { contextOf, type CliContext } from '../context.js';
import { terminalProgress } from '../progress.js';
import { EVIDENCE_KINDS, SOURCE_TYPES, ACQUISITION_METHODS } from '../../domain/evidence/events.js';

/** A case given as `criminal/SZ-1`, `exclusion/IF-1`, or an id (criminal first). */
function caseStreamOf(value: string): string {
  if (value.startsWith('criminal/') || value.startsWith('exclusion/')) return value;
  if (value.includes('/')) throw new ImketenError('INVALID_INPUT', `--case must be a criminal case or 1F file (criminal/ID or exclusion/ID), got '${value}'.`);
  return /^IF-/.test(value) ? `exclusion/${value}` : `criminal/${value}`;
}

async function withFiles<T>(context: CliContext, work: (db: Db, files: FileStore) => Promise<T>): Promise<T> {
  const files = await openFileStore(context.config.files);
  try {
    return await context.withStore((db) => work(db, files));
  } finally {
    await files.close();
  }
}

const short = (sha256: string) => sha256.slice(0, 12);

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').summary('the evidence register: add, attach, list, show, verify-files, bundle, verify-bundle, capture, import-archive');

  evidence.command('add <id>')
    .description('Registers an evidence item (evidence.registered) on one or more criminal cases or 1F files.')
    .option('--criminal-case <id...>', 'criminal case(s) it belongs to')
    .option('--exclusion-case <id...>', '1F file(s) it belongs to')
    .addOption(new Option('--kind <kind>', 'what it is').choices([...EVIDENCE_KINDS]).makeOptionMandatory())
    .requiredOption('--title <title>', 'a short title')
    .addOption(new Option('--source-type <type>', 'where it came from').choices([...SOURCE_TYPES]).makeOptionMandatory())
    .option('--source-name <name>', 'the source by name')
    .option('--source-reference <reference>', "the source's reference")
    .requiredOption('--acquired-by <organisation>', 'who acquired it (organisation)')
    .addOption(new Option('--method <method>', 'how it was acquired').choices([...ACQUISITION_METHODS]).makeOptionMandatory())
    .option('--acquired-on <date>', 'when it was acquired, YYYY-MM-DD (default today)')
    .option('--location <location>', 'where it was acquired')
    .option('--description <text>', 'a description')
    .action(async (id: string, options: Record<string, string | string[] | undefined>, command: Command) => {
      const context = contextOf(command);
      const today = context.now().toISOString().slice(0, 10);
      const data = {
        ...(options.criminalCase ? { criminalCases: options.criminalCase } : {}), ...(options.exclusionCase ? { exclusionCases: options.exclusionCase } : {}),
        kind: options.kind, title: options.title,
        source: { type: options.sourceType, ...(options.sourceName ? { name: options.sourceName } : {}), ...(options.sourceReference ? { reference: options.sourceReference } : {}) },
        acquired: { date: options.acquiredOn ?? today, by: options.acquiredBy, method: options.method, ...(options.location ? { location: options.location } : {}) },
        ...(options.description ? { description: options.description } : {}),
      };
      const event = { id: `ev-${id}-registered`, stream: `evidence/${id}`, type: 'evidence.registered', date: (options.acquiredOn as string | undefined) ?? today, data };
      await context.withStore((db) => importEvents(db, [textSource('evidence add', JSON.stringify(event))], { now: context.now }));
      context.stdout.write(`Registered evidence ${id}.\n`);
    });

  evidence.command('attach <id> <file>')
    .description('Stores a file (streamed, hashed with SHA-256, media type sniffed from the content) and attaches it to an item (evidence.file-attached).')
    .option('--url <url>', 'for a capture: the page it was taken from')
    .option('--captured-at <time>', 'for a capture: when (ISO 8601)')
    .option('--tool <tool>', 'for a capture: with what')
    .action(async (id: string, file: string, options: { url?: string; capturedAt?: string; tool?: string }, command: Command) => {
      const context = contextOf(command);
      const attached = await withFiles(context, (db, files) => attachFile(db, files, id, file, { maxBytes: context.config.files.uploadLimit, now: context.now, capture: options }));
      context.stdout.write(`Attached ${attached.fileName} to ${id}: sha256 ${attached.sha256}, ${attached.size} bytes, ${attached.mediaType}${attached.created ? '' : ' (the same bytes were stored already)'}.\n`);
    });

  evidence.command('list <case>')
    .description('The evidence items of a criminal case or 1F file (criminal/ID, exclusion/ID, or an id).')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (value: string, options: { format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const items = await context.withStore((db) => listCaseEvidence(db, { caseStream: caseStreamOf(value), asOf: parseAsOf({}, context.now()) }));
      if (options.format === 'json') { context.stdout.write(`${JSON.stringify(items, null, 2)}\n`); return; }
      if (items.length === 0) { context.stdout.write('No evidence registered for this case.\n'); return; }
      for (const item of items) {
        const steps = (['source', 'technical', 'content'] as const).map((step) => `${step}: ${item.verification[step] ?? '—'}`).join(', ');
        context.stdout.write(`${item.id}  ${item.kind}  ${item.title}  (${item.sourceType}; acquired ${item.acquired.date} by ${item.acquired.by}, ${item.acquired.method})  ${steps}\n`);
        for (const file of item.files) context.stdout.write(`    ${short(file.sha256)}  ${file.mediaType}  ${file.size} bytes  ${file.fileName}\n`);
      }
    });

  evidence.command('show <id>')
    .description('One item: what was stated, what was derived from its files, custody, verification steps, disclosures.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, options: { format: 'text' | 'json' }, command: Command) => {
      const context = contextOf(command);
      const item = await context.withStore((db) => showEvidence(db, { id, asOf: parseAsOf({}, context.now()) }));
      if (options.format === 'json') { context.stdout.write(`${JSON.stringify(item, null, 2)}\n`); return; }
      const r = item.registration;
      const lines = [
        `${item.id}: ${r.title} (${r.kind})`,
        `  cases: ${item.cases.join(', ')}; held by ${item.custodian ?? '—'}`,
        `  source: ${r.source.type}${r.source.name ? `, ${r.source.name}` : ''}; acquired ${r.acquired.date} by ${r.acquired.by} (${r.acquired.method})`,
        ...item.files.map((file) => `  file ${file.fileName}: sha256 ${file.sha256}, ${file.size} bytes, ${file.mediaType}${file.derived?.perceptualHash ? `, perceptual hash ${file.derived.perceptualHash}` : ''}`),
        ...item.custody.map((entry) => `  custody ${entry.date}: ${entry.from} → ${entry.to} (${entry.purpose})`),
        ...item.verifications.map((entry) => `  verified ${entry.date}: ${entry.step} ${entry.outcome} (${entry.method})`),
        ...item.disclosures.map((entry) => `  disclosed ${entry.date} to ${entry.to} (${entry.recipient}): ${entry.what}`),
      ];
      context.stdout.write(`${lines.join('\n')}\n`);
    });

  evidence.command('verify-files')
    .description('Re-hashes every stored file the registry attaches and names what is missing or corrupt (exit code 8 when any is), and names stored files no event attaches (UNREFERENCED; not an error).')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      const progress = terminalProgress();
      let done = 0;
      let total = 0;
      const { verdicts, unreferenced } = await withFiles(context, async (db, files) => ({
        verdicts: await verifyFiles(db, files, {
          start: (_count, bytes) => { total = bytes; },
          bytes: (count) => { done += count; progress.update(done, total, 'bytes hashed'); },
        }),
        unreferenced: await unreferencedStoredFiles(db, files),
      }));
      progress.stop();
      for (const sha256 of unreferenced) context.stdout.write(`UNREFERENCED  ${sha256}  (stored, but no event attaches it)\n`);
      if (unreferenced.length > 0) context.stdout.write(`${unreferenced.length} stored file${unreferenced.length === 1 ? '' : 's'} no event attaches (left by an interrupted upload, or put there by hand; the registry relies on none of them).\n`);
      const bad = verdicts.filter((verdict) => verdict.result !== 'ok');
      for (const verdict of bad) context.stdout.write(`${verdict.result.toUpperCase()}  ${verdict.sha256}  ${verdict.fileName}  (${verdict.stream})\n`);
      context.stdout.write(`${verdicts.length} files checked: ${verdicts.length - bad.length} ok, ${bad.filter((v) => v.result === 'missing').length} missing, ${bad.filter((v) => v.result === 'corrupt').length} corrupt.\n`);
      if (bad.length > 0) throw new ImketenError('TAMPER_DETECTED', `${bad.length} stored file${bad.length === 1 ? ' is' : 's are'} missing or corrupt (listed above).`);
    });

  evidence.command('bundle <case>')
    .description('Writes a court bundle: the files of the case\'s evidence with a manifest (JSON and PDF) of hashes, provenance, custody and verification.')
    .requiredOption('-o, --output <file>', 'the ZIP file to write')
    .action(async (value: string, options: { output: string }, command: Command) => {
      const context = contextOf(command);
      const caseStream = caseStreamOf(value);
      const written = await withFiles(context, (db, files) => writeCaseBundle(db, files, {
        caseStream, asOf: parseAsOf({}, context.now()), output: options.output, generatedAt: context.now().toISOString(), generatedBy: 'imketen (operator)',
      }));
      context.stdout.write(`Wrote ${written.path}: ${written.fileCount} files, sha256 ${written.sha256}.\n`);
    });

  evidence.command('verify-bundle <file>')
    .description('Checks a court bundle: every file against the manifest\'s hashes, the manifests against each other (exit code 8 when anything differs).')
    .action(async (file: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      const result = await verifyCourtBundle(file);
      for (const problem of result.problems) context.stdout.write(`${problem.problem.toUpperCase()}  ${problem.file}: ${problem.detail}\n`);
      context.stdout.write(`${result.ok ? 'OK' : 'NOT OK'}: ${result.checkedFiles} files (${result.checkedBytes} bytes) checked.\n`);
      if (!result.ok) throw new ImketenError('TAMPER_DETECTED', `The bundle ${file} does not match its manifest (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}).`);
    });

  evidence.command('import-archive <file>')
    .description('Imports a WARC or WACZ made by another tool (Browsertrix, ArchiveWeb.page, auto-archiver): checks every record\'s digest and the WACZ hashes, '
      + 'refuses any mismatch, then registers a web-capture on the case with the archive attached (all or nothing). Limits: README, "Evidence".')
    .requiredOption('--case <case>', 'the criminal case or 1F file (criminal/ID, exclusion/ID, or an id)')
    .option('--id <id>', 'the evidence id (default ARC-<time>)')
    .option('--title <title>', 'a short title (default: "Web archive of" the first archived address)')
    .option('--acquired-by <organisation>', 'who acquired the archive', 'TIM')
    .addOption(new Option('--method <method>', 'capture: made by the acquirer\'s own tool; download: received or downloaded as made by others').choices(['capture', 'download']).default('capture'))
    .option('--source-name <name>', 'the source by name (an account, a site, an NGO)')
    .action(async (file: string, options: { case: string; id?: string; title?: string; acquiredBy: string; method: 'capture' | 'download'; sourceName?: string }, command: Command) => {
      const context = contextOf(command);
      const id = options.id ?? `ARC-${context.now().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}`;
      const imported = await withFiles(context, (db, files) => importWebArchive(db, files, file, {
        caseStream: caseStreamOf(options.case), id, acquiredBy: options.acquiredBy, method: options.method, maxBytes: context.config.files.uploadLimit, now: context.now,
        ...(options.title ? { title: options.title } : {}), ...(options.sourceName ? { sourceName: options.sourceName } : {}),
      }));
      context.stdout.write(`Imported ${imported.format.toUpperCase()} ${file} as evidence ${imported.id}: ${imported.records} records checked, ${imported.urls.length} archived address${imported.urls.length === 1 ? '' : 'es'} (first ${imported.urls[0]}), sha256 ${imported.sha256}${imported.tool ? `, made with ${imported.tool}` : ''}.\n`);
    });

  evidence.command('capture <url>')
    .description('Captures a web page in Chromium (screenshot, PDF, MHTML, HTML, WARC; signed manifest) and registers it as a web-capture on a case.')
    .requiredOption('--case <case>', 'the criminal case or 1F file (criminal/ID, exclusion/ID, or an id)')
    .option('--id <id>', 'the evidence id (default CAP-<time>)')
    .option('--acquired-by <organisation>', 'who captures it', 'TIM')
    .action(async (url: string, options: { case: string; id?: string; acquiredBy: string }, command: Command) => {
      const context = contextOf(command);
      const caseStream = caseStreamOf(options.case);
      const id = options.id ?? `CAP-${context.now().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}`;
      const outDir = await mkdtemp(join(tmpdir(), 'imketen-capture-'));
      try {
        const key = loadSigningKey(context.config.checkpointKeyFile);
        const captured = await captureUrl(url, { outDir, signer: ed25519Signer({ privateKey: key.privateKey, keyId: key.keyId, publicKey: key.publicKey }) });
        const today = context.now().toISOString().slice(0, 10);
        const registration = {
          id: `ev-${id}-registered`, stream: `evidence/${id}`, type: 'evidence.registered', date: today,
          data: {
            [caseStream.startsWith('criminal/') ? 'criminalCases' : 'exclusionCases']: [caseStream.slice(caseStream.indexOf('/') + 1)],
            kind: 'web-capture', title: `Capture of ${url}`.slice(0, 500), source: { type: 'open-source', reference: url },
            acquired: { date: today, by: options.acquiredBy, method: 'capture' },
          },
        };
        await withFiles(context, async (db, files) => {
          await importEvents(db, [textSource('evidence capture', JSON.stringify(registration))], { now: context.now });
          const { manifest } = captured;
          const capture = { url: manifest.finalUrl, capturedAt: manifest.captureStart, tool: `${manifest.tool.name} ${manifest.tool.version} (${manifest.tool.browser})` };
          for (const [role, path] of [...Object.entries(captured.files), ['manifest', captured.manifestPath] as const]) {
            const name = role === 'manifest' ? 'manifest.json' : ARTIFACT_FILES[role as keyof typeof ARTIFACT_FILES].fileName;
            const attached = await attachFile(db, files, id, path, { maxBytes: context.config.files.uploadLimit, now: context.now, fileName: name, capture });
            context.stdout.write(`  ${name}: sha256 ${attached.sha256}\n`);
          }
        });
        context.stdout.write(`Captured ${url} as evidence ${id} on ${caseStream}.\n`);
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    });
}
