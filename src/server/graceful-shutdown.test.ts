/**
 * SIGTERM stops a server gracefully: a request already being received is still answered — its events committed —,
 * then the server exits 0. The request is made to be in flight for certain: its headers ask `Expect: 100-continue`,
 * the body is sent only after the server's "100 Continue" and after the server has said it is stopping.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { issueToken } from '../accounts/api-tokens.js';
import { loadPolicy } from '../policy/policy.js';
import { openStore } from '../store/open-store.js';
import { loadFixture } from './testing/fixture.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'imketen.js');
const work = mkdtempSync(join(tmpdir(), 'imketen-graceful-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('a server stopped with SIGTERM', () => {
  it('answers the request it is receiving, commits it, and exits 0', { timeout: 300_000 }, async () => {
    const dataDir = join(work, 'store');
    let token: string;
    {
      const db = await openStore({ dataDir });
      try {
        await loadFixture(db);
        token = (await issueToken(db, loadPolicy(), { name: 'graceful', role: 'police' }, undefined, new Date())).token;
      } finally {
        await db.close();
      }
    }
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, IMKETEN_DATA_DIR: dataDir, DATABASE_URL: '', IMKETEN_DEMO_ACCOUNTS: 'false', IMKETEN_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let err = '';
    const stopping = new Promise<void>((resolve) => child.stderr!.on('data', (chunk) => { err += chunk; if (err.includes('Stopping')) resolve(); }));
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = /running at (http:\/\/[\d.:]+)/.exec(out);
        if (match) resolve(new URL(match[1]!));
      });
      void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
    });

    const body = JSON.stringify({ events: [{ id: 'graceful-1', stream: 'intake/IN-GRACEFUL', type: 'intake.received', date: '2025-05-01', data: { subjects: ['P-S'] } }] });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({
        host: url.hostname, port: url.port, path: '/api/events', method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      req.on('continue', () => {
        // the server has the request: stop it, and send the body once it says it is stopping
        child.kill('SIGTERM');
        void stopping.then(() => req.end(body));
      });
      req.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    const { status, text } = await answer;
    assert.equal(status, 201, text);
    assert.equal(await exited, 0, err);

    const db = await openStore({ dataDir });
    try {
      const rows = await db.query("SELECT id FROM events WHERE id = 'graceful-1'");
      assert.equal(rows.length, 1);
    } finally {
      await db.close();
    }
  });
});
