/**
 * The layers of docs/architecture.md, enforced: every import of a module under src/ (tests and test helpers aside)
 * points to a folder of its own layer or one further in, and the folders import each other in no cycle. Imports
 * are found and resolved by TypeScript itself (type-only and dynamic imports count too).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** The layers from the centre outwards; a folder may import its own layer and those before it. */
const LAYERS: readonly (readonly string[])[] = [
  ['domain'],
  ['capture', 'config', 'court-bundle', 'input', 'matching', 'media', 'pdf'],
  ['store'],
  ['audit'],
  ['access-log', 'accounts', 'backup', 'demo', 'evidence', 'export', 'import', 'policy', 'registry', 'reports', 'screening'],
  ['jobs', 'notifications', 'operations'],
  ['server'],
  ['cli'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split(sep)[0]!;

/** Every import between two folders of src/: [from folder, to folder, importing file, specifier]. */
function folderImports(): [string, string, string, string][] {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const found: [string, string, string, string][] = [];
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      assert.ok(resolved, `${relative(ROOT, file)} imports '${specifier}', which TypeScript cannot resolve`);
      if (!resolved.startsWith(SRC + sep)) continue;
      if (folderOf(resolved) !== folderOf(file)) found.push([folderOf(file), folderOf(resolved), relative(ROOT, file), specifier]);
    }
  }
  return found;
}

describe('the architecture', () => {
  const imports = folderImports();

  it('places every folder of src/ in one layer', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'testing').map((entry) => entry.name);
    const placed = LAYERS.flat();
    assert.deepEqual(folders.filter((folder) => !placed.includes(folder)), [], 'a folder missing from LAYERS (and docs/architecture.md)');
    assert.equal(new Set(placed).size, placed.length, 'a folder in two layers');
    assert.ok(imports.length > 50, `only ${imports.length} imports between folders found: is the scan broken?`);
  });

  it('has no import from a folder to a layer further out', () => {
    const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));
    const outward = imports.filter(([from, to]) => layerOf(to) > layerOf(from)).map(([from, to, file, specifier]) => `${file}: ${from} → ${to} ('${specifier}')`);
    assert.deepEqual(outward, []);
  });

  it('has no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, to] of imports) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    const cycles = findCycles(edges).map((cycle) => {
      const steps = cycle.map((from, i) => {
        const to = cycle[(i + 1) % cycle.length]!;
        return `${from} → ${to} (${imports.find(([a, b]) => a === from && b === to)![2]})`;
      });
      return steps.join(', ');
    });
    assert.deepEqual(cycles, []);
  });
});

/** The strongly connected components with more than one folder (Tarjan), each as a list of its folders in a cycle. */
function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.unshift(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(cycleThrough(component, edges));
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One cycle through the first folder of a strongly connected component, found by breadth-first search. */
function cycleThrough(component: string[], edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!component.includes(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}
