/**
 * The command line loads only the module of the command it runs: the others stand in as stubs with their help line
 * (COMMAND_MODULES). These tests keep the stubs true to the modules.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildProgram, commandNameOf, COMMAND_MODULES } from './main.js';

describe('the command table', () => {
  it('gives the same top-level help with stubs as with every command module loaded', async () => {
    const withStubs = (await buildProgram(['--help'])).helpInformation();
    const loaded = (await buildProgram([], true)).helpInformation();
    assert.equal(withStubs, loaded);
    assert.match(withStubs, /report \[options\] +the yearly report/);
  });

  it('loads every register function of src/cli/commands, each once', async () => {
    const dir = join(import.meta.dirname, 'commands');
    const exported = new Set<unknown>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const module = await import(`./commands/${file.replace(/\.ts$/, '.js')}`) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) if (/^register[A-Z]/.test(name)) exported.add(value);
    }
    const loaded = await Promise.all(COMMAND_MODULES.map((module) => module.load()));
    assert.equal(new Set(loaded).size, loaded.length, 'a module is listed twice');
    assert.deepEqual(new Set(loaded), exported);
  });

  it('registers the invoked command for real, and only the commands of its module', async () => {
    const program = await buildProgram(['--data-dir', 'x', 'report', '--year', '2025']);
    const report = program.commands.find((command) => command.name() === 'report')!;
    assert.deepEqual(report.commands.map((command) => command.name()), ['publish', 'diff']);
    const persons = program.commands.find((command) => command.name() === 'persons')!;
    assert.deepEqual(persons.commands, [], 'persons is a stub');
  });
});

describe('finding the command in the arguments', () => {
  it('skips the global options and their values', () => {
    assert.equal(commandNameOf(['--data-dir', 'report', 'cases', '--kind', 'departure']), 'cases');
    assert.equal(commandNameOf(['--debug', '--data-dir=/tmp/x', 'verify']), 'verify');
  });

  it('takes the command after help, and none without one', () => {
    assert.equal(commandNameOf(['help', 'report']), 'report');
    assert.equal(commandNameOf(['--help']), undefined);
    assert.equal(commandNameOf([]), undefined);
  });
});
