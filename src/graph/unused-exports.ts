/**
 * Unused exports: names that no scanned file imports, directly or through
 * re-exports. Usage flows from importers and entry points through barrels to
 * the module that defines the name, with a worklist (no recursion, each
 * (module, name) pair visited once, so linear in the re-export structure).
 *
 * - `import { a }` uses `a`; `import * as ns`, `import()` and `require()` use everything,
 *   except a destructured `const { a } = await import('./x')` (names recorded), which uses `a`.
 * - `export { a } from './x'` is an export of the barrel; when the barrel's `a` is
 *   used, `a` of './x' is used. `export * as ns from './x'`: using `ns` uses all of './x'.
 * - `export * from './x'` forwards every name the barrel does not declare itself,
 *   except `default`.
 * - Entry points' exports are all used.
 */
import type { ExportRecord } from '../types.js';
import type { BuiltGraph, ModuleFacts } from './build-graph.js';

/** An export nothing uses. */
interface UnusedExport {
  readonly node: number;
  readonly name: string;
  readonly line: number;
  /** Set when the unused export is a re-export. */
  readonly from?: string;
}

/** One module's exports as the pass needs them; the watcher keeps it per file until the file or the node set changes. */
export interface ModuleExports {
  /** Declared names (not `*`), each with its records (a type and a value can share a name). */
  readonly named: Map<string, ExportRecord[]>;
  /** Targets of `export * from` (namespace re-exports excluded). */
  readonly stars: number[];
}

/** A module's exports, with its `export *` targets as node ids. */
export function collectModuleExports(facts: ModuleFacts, targets: ReadonlyMap<string, number>): ModuleExports {
  const named = new Map<string, ExportRecord[]>();
  const namespaceFroms = new Set<string>();
  const starFroms = new Set<string>();
  for (const record of facts.exports) {
    if (record.name === '*') {
      if (record.from !== undefined) starFroms.add(record.from);
      continue;
    }
    if (record.from !== undefined && record.sourceName === '*') namespaceFroms.add(record.from);
    const list = named.get(record.name);
    if (list) list.push(record);
    else named.set(record.name, [record]);
  }
  // The facts may carry `export *` only as an import record; `export * as ns` shows up there too.
  for (const record of facts.imports) {
    if (record.kind === 'reexport' && record.names.includes('*') && !namespaceFroms.has(record.specifier)) {
      starFroms.add(record.specifier);
    }
  }
  const stars: number[] = [];
  for (const from of starFroms) {
    const t = targets.get(from);
    if (t !== undefined && !stars.includes(t)) stars.push(t);
  }
  return { named, stars };
}

type Task = { readonly kind: 'name'; readonly m: number; readonly name: string } | { readonly kind: 'all' | 'star'; readonly m: number };

/** Every unused export of the graph, given the entry modules; ordered by module, then line, then name. */
export function findUnusedExports(
  graph: BuiltGraph,
  entries: ReadonlySet<number>,
  modules: readonly ModuleExports[] = graph.nodes.map((_, m) => collectModuleExports(graph.moduleFacts(m), graph.targets[m])),
): UnusedExport[] {
  const n = graph.nodes.length;
  // Most modules are never used by name: their sets are made on first use (20,000 empty sets per batch were the watcher's garbage).
  const used: (Set<string> | undefined)[] = new Array(n);
  const isUsed = (m: number, name: string) => used[m]?.has(name) === true;
  const markUsed = (m: number, name: string) => (used[m] ??= new Set()).add(name);
  const allUsed = new Uint8Array(n);
  const starDone = new Uint8Array(n);
  const work: Task[] = [];

  const forward = (m: number, record: ExportRecord) => {
    if (record.from === undefined) return;
    const t = graph.targets[m].get(record.from);
    if (t === undefined) return;
    const source = record.sourceName ?? record.name;
    work.push(source === '*' ? { kind: 'all', m: t } : { kind: 'name', m: t, name: source });
  };

  /** A name of m is used: mark it and pass the use on through re-exports. */
  const useName = (m: number, name: string) => {
    if (allUsed[m] || isUsed(m, name)) return;
    markUsed(m, name);
    const records = modules[m].named.get(name);
    if (records) for (const r of records) forward(m, r);
    else if (name !== 'default') for (const t of modules[m].stars) work.push({ kind: 'name', m: t, name });
  };

  // Direct imports are used at once rather than queued: one task object per imported name was most of the pass's garbage.
  for (let m = 0; m < n; m++) {
    for (const record of graph.moduleFacts(m).imports) {
      const t = graph.targets[m].get(record.specifier);
      if (t === undefined || record.kind === 'reexport') continue;
      // `import()` / `require()` use everything unless the analysis saw exactly which names
      // (`const { a } = await import('./x')`); an empty list there means nothing is known.
      const everything = record.names.includes('*') || (record.kind !== 'import' && record.names.length === 0);
      if (everything) work.push({ kind: 'all', m: t });
      else for (const name of record.names) useName(t, name);
    }
  }
  for (const m of entries) work.push({ kind: 'all', m });

  while (work.length > 0) {
    const task = work.pop() as Task;
    const { m } = task;
    const mod = modules[m];
    if (task.kind === 'name') {
      useName(m, task.name);
    } else if (task.kind === 'all') {
      if (allUsed[m]) continue;
      for (const [name, records] of mod.named) {
        if (isUsed(m, name)) continue;
        markUsed(m, name);
        for (const r of records) forward(m, r);
      }
      allUsed[m] = 1;
      work.push({ kind: 'star', m });
    } else {
      // Everything `export *` brings in: all names of each target except `default`.
      if (starDone[m]) continue;
      starDone[m] = 1;
      for (const t of mod.stars) {
        for (const name of modules[t].named.keys()) if (name !== 'default') work.push({ kind: 'name', m: t, name });
        work.push({ kind: 'star', m: t });
      }
    }
  }

  const unused: UnusedExport[] = [];
  for (let m = 0; m < n; m++) {
    if (allUsed[m]) continue;
    for (const [name, records] of modules[m].named) {
      if (isUsed(m, name)) continue;
      const first = records.reduce((a, b) => (b.line < a.line ? b : a));
      unused.push({ node: m, name, line: first.line, ...(first.from !== undefined ? { from: first.from } : {}) });
    }
  }
  return unused.sort((a, b) => a.node - b.node || a.line - b.line || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
