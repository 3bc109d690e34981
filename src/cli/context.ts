/**
 * What every command gets: the configuration, the clock, and a way to open the store and always close it.
 */
import type { Command } from 'commander';
import { readConfig, type RuntimeConfig } from '../config/runtime.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';

export interface GlobalOptions {
  dataDir?: string;
  debug?: boolean;
}

export interface CliContext {
  config: Readonly<RuntimeConfig>;
  now: () => Date;
  stdout: NodeJS.WritableStream;
  /** The command as typed, without options (`imketen import`). */
  commandLine: string;
  /** Opens the store, runs `work`, closes the store whatever happens. */
  withStore<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

export function contextOf(command: Command): CliContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const config = readConfig({ dataDir: options.dataDir, debug: options.debug });
  return {
    config,
    now: () => new Date(),
    stdout: process.stdout,
    commandLine: commandLine(command),
    async withStore(work) {
      const db = await openStore(config.store, { command: commandLine(command) });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
  };
}

/** The command as typed, without its options (`imketen watchlist import`): how the store's lock names its holder. */
export function commandLine(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** Writes text to a stream, waiting when it is full (large exports to a pipe). */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
