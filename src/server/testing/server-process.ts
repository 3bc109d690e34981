/**
 * A real `imketen serve` / `imketen start` process for the tests that need one (crashes, several servers, shutdown,
 * commands beside a server): started on a free port, resolved when it prints the address it listens on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'imketen.js');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** The exit code, once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the server with `env` (added to this process's); refuses with its stderr when it exits before listening. */
export function spawnServer(command: 'serve' | 'start', env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, command, '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /running at (http:\/\/[\d.:]+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    child.stderr!.on('data', (chunk) => { err += chunk; });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}
