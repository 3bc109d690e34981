/**
 * Capturing a web page from the web app (README, "Evidence"): what `imketen evidence capture` does, asked for over
 * HTTP. Chromium loads the page and the server keeps a screenshot, PDF, MHTML, HTML and WARC with a signed manifest;
 * the files go into the file store and the item (evidence.registered as a web-capture, and evidence.file-attached
 * for each file) is appended through the write policy in one request, all or nothing — so only a role that writes
 * evidence on the case gets an item, and the item names no case the caller does not read.
 *
 * It runs while the request waits, with a time limit (IMKETEN_CAPTURE_TIMEOUT_SECONDS, default 60, split between
 * loading and settling): a capture takes seconds, and the background jobs (src/jobs) have neither the file store
 * nor the signing key. The server fetches what a user names: capture-target.ts refuses inward addresses, for the
 * page and for every request it makes.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'typebox';
import { ARTIFACT_FILES, captureUrl } from '../../capture/capture-url.js';
import { assertCaptureTarget, captureTargetProblem } from '../../capture/capture-target.js';
import { ImketenError } from '../../domain/errors.js';
import { sanitiseFileName, storeUpload } from '../../evidence/store-upload.js';
import { appendChecked } from '../checked-append.js';
import { guard, today, type App, type ServerContext } from '../context.js';
import { Date_, EntityId } from '../schemas.js';

/** Chromium is heavy: a server runs this many captures at once and asks the rest to come back. */
const MAX_RUNNING = 2;

const CapturedSchema = Type.Object({
  id: EntityId,
  stream: Type.String(),
  url: Type.String(),
  finalUrl: Type.String(),
  status: Type.Integer(),
  captureStart: Type.String(),
  captureEnd: Type.String(),
  files: Type.Array(Type.Object({ sha256: Type.String(), size: Type.Integer(), mediaType: Type.String(), fileName: Type.String() })),
}, { $id: 'CapturedPage', description: 'A web page captured as an evidence item: its files as stored, with the signed manifest among them.' });

export function registerEvidenceCaptureRoutes(app: App, context: ServerContext): void {
  let running = 0;

  app.post('/api/cases/:kind/:id/evidence-captures', {
    config: { action: 'evidence.capture' },
    schema: {
      tags: ['evidence'], operationId: 'createEvidenceCapture', summary: 'Capture a web page in Chromium as a web-capture evidence item of this case',
      description: 'Screenshot, PDF, MHTML and HTML of the page, a WARC of every response and a signed manifest, each stored by SHA-256 and attached to a new item '
        + '(evidence.registered, kind web-capture, method capture) through the write policy. Only http and https; loopback, private, link-local and reserved '
        + 'addresses are refused unless IMKETEN_CAPTURE_ALLOW names them, for the page and every request it makes. Runs while the request waits, at most '
        + 'IMKETEN_CAPTURE_TIMEOUT_SECONDS (default 60); 429 while two captures are running.',
      params: Type.Object({ kind: Type.Union([Type.Literal('criminal'), Type.Literal('exclusion')]), id: EntityId }),
      body: Type.Object({
        url: Type.String({ minLength: 1, maxLength: 2000, description: 'The page to capture (http or https).' }),
        title: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'The item\'s title (default: "Capture of <url>").' })),
        evidenceId: Type.Optional(EntityId),
        date: Type.Optional(Date_),
      }, { additionalProperties: false }),
      response: { 201: CapturedSchema },
    },
  }, async (request, reply) => {
    const { kind, id: caseId } = request.params;
    const caseStream = `${kind}/${caseId}`;
    // The policy first: a role that may not write evidence here learns nothing of the URL check and fetches nothing.
    await guard(request, context, 'evidence.capture', { kind, stream: caseStream });
    const { url } = request.body;
    const files = context.files;
    if (!files) throw new ImketenError('FILE_STORE_UNAVAILABLE', 'This server has no file store configured (README, "The file store").');
    const signer = context.captureSigner;
    if (!signer) throw new ImketenError('CONFIG_INVALID', 'This server has no key to sign capture manifests (it is given by imketen start/serve).');
    const targets = { allow: context.config.capture.allow };
    await assertCaptureTarget(url, targets);
    if (running >= MAX_RUNNING) throw new ImketenError('RATE_LIMITED', `${running} captures are running on this server; try again in a minute.`);
    running += 1;
    const outDir = await mkdtemp(join(tmpdir(), 'imketen-capture-route-'));
    try {
      const captured = await captureUrl(url, {
        outDir, signer, timeoutMs: (context.config.capture.timeoutSeconds * 1000) / 2,
        allowRequest: async (next) => (await captureTargetProblem(next, targets)) === undefined,
      });
      const { manifest } = captured;
      const date = request.body.date ?? today(context);
      const evidenceId = request.body.evidenceId ?? `CAP-${context.now().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
      const stream = `evidence/${evidenceId}`;
      const principal = request.principal!;
      const registration = {
        id: `ev-${evidenceId}-registered`, stream, type: 'evidence.registered', date,
        data: {
          [kind === 'criminal' ? 'criminalCases' : 'exclusionCases']: [caseId],
          kind: 'web-capture', title: request.body.title ?? `Capture of ${url}`.slice(0, 500), source: { type: 'open-source', reference: url.slice(0, 1000) },
          acquired: { date, by: principal.organisation, method: 'capture' },
        },
      };
      const tool = `${manifest.tool.name} ${manifest.tool.version} (${manifest.tool.browser})`;
      const stored: { sha256: string; size: number; mediaType: string; fileName: string }[] = [];
      const attachments = [];
      for (const [role, path] of [...Object.entries(captured.files), ['manifest', captured.manifestPath] as const]) {
        const fileName = sanitiseFileName(role === 'manifest' ? 'manifest.json' : ARTIFACT_FILES[role as keyof typeof ARTIFACT_FILES].fileName);
        const file = await storeUpload(context.db, files.store, createReadStream(path), { maxBytes: files.uploadLimit, now: context.now() });
        stored.push({ sha256: file.sha256, size: file.size, mediaType: file.mediaType, fileName });
        attachments.push({
          id: `ev-${evidenceId}-${role}`, stream, type: 'evidence.file-attached', date,
          data: { sha256: file.sha256, size: file.size, mediaType: file.mediaType, fileName, url: manifest.finalUrl, capturedAt: manifest.captureStart, tool },
        });
      }
      await appendChecked(request, context, 'events.append', [registration, ...attachments], { derivedByServer: true });
      return reply.code(201).send({
        id: evidenceId, stream, url, finalUrl: manifest.finalUrl, status: manifest.status, captureStart: manifest.captureStart, captureEnd: manifest.captureEnd, files: stored,
      });
    } finally {
      running -= 1;
      await rm(outDir, { recursive: true, force: true });
    }
  });
}
