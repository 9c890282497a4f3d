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

/**
 * A declared name's records: a bare number is the line of a single local
 * export (the usual case, no object kept), one record a single re-export,
 * an array several records (a type and a value can share a name).
 */
type NameRecords = number | ExportRecord | readonly ExportRecord[];

/**
 * One module's exports as the pass needs them; the watcher keeps it per file
 * until the file or the node set changes. Arrays, not a Map per module: the
 * Maps and one-record arrays held ~640 B a file through the pass, this ~320 B.
 */
export interface ModuleExports {
  /** Declared names (not `*`), each once, in the order first seen. */
  readonly names: readonly string[];
  /** `records[i]` belongs to `names[i]`. */
  readonly records: readonly NameRecords[];
  /** name → index in `names`, only for modules with many names (a barrel); the rest are searched. */
  readonly index?: ReadonlyMap<string, number>;
  /** Targets of `export *` from (namespace re-exports excluded). */
  readonly stars: readonly number[];
}

/** From this many names on, a module gets an index instead of a linear search. */
const INDEX_FROM = 16;
const NO_STARS: readonly number[] = Object.freeze([]);

const nameIndex = (mod: ModuleExports, name: string): number => (mod.index ? (mod.index.get(name) ?? -1) : mod.names.indexOf(name));

/** Calls `fn` with each record of a name that re-exports from another module. */
function eachReexport(held: NameRecords, fn: (record: ExportRecord) => void): void {
  if (typeof held === 'number') return;
  if (Array.isArray(held)) for (const r of held as readonly ExportRecord[]) fn(r);
  else fn(held as ExportRecord);
}

/** The name's first record (by line; the earlier one on a tie). */
function firstRecord(held: NameRecords): { readonly line: number; readonly from?: string } {
  if (typeof held === 'number') return { line: held };
  if (!Array.isArray(held)) return held as ExportRecord;
  return (held as readonly ExportRecord[]).reduce((a, b) => (b.line < a.line ? b : a));
}

/** A module's exports, with its `export *` targets as node ids. */
export function collectModuleExports(facts: ModuleFacts, targetOf: (specifier: string) => number | undefined): ModuleExports {
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
    const t = targetOf(from);
    if (t !== undefined && !stars.includes(t)) stars.push(t);
  }
  const names = [...named.keys()];
  const records = [...named.values()].map((list): NameRecords => (list.length > 1 ? list : list[0].from === undefined ? list[0].line : list[0]));
  return {
    names,
    records,
    ...(names.length >= INDEX_FROM ? { index: new Map(names.map((name, i) => [name, i])) } : {}),
    stars: stars.length > 0 ? stars : NO_STARS,
  };
}

type Task = { readonly kind: 'name'; readonly m: number; readonly name: string } | { readonly kind: 'all' | 'star'; readonly m: number };

/** Every unused export of the graph, given the entry modules; ordered by module, then line, then name. */
export function findUnusedExports(
  graph: BuiltGraph,
  entries: ReadonlySet<number>,
  modules: readonly ModuleExports[] = graph.nodes.map((_, m) => collectModuleExports(graph.moduleFacts(m), (specifier) => graph.targetOf(m, specifier))),
): UnusedExport[] {
  const n = graph.nodes.length;
  // Used declared names are flags over every module's names laid end to end (module m's start at base[m]);
  // a name m does not declare (passed on through `export *`) goes to a set, made on first use.
  const base = new Int32Array(n + 1);
  for (let m = 0; m < n; m++) base[m + 1] = base[m] + modules[m].names.length;
  const usedName = new Uint8Array(base[n]);
  const usedOther: (Set<string> | undefined)[] = new Array(n);
  const allUsed = new Uint8Array(n);
  const starDone = new Uint8Array(n);
  const work: Task[] = [];

  const forward = (m: number, record: ExportRecord) => {
    if (record.from === undefined) return;
    const t = graph.targetOf(m, record.from);
    if (t === undefined) return;
    const source = record.sourceName ?? record.name;
    work.push(source === '*' ? { kind: 'all', m: t } : { kind: 'name', m: t, name: source });
  };

  /** A name of m is used: mark it and pass the use on through re-exports. */
  const useName = (m: number, name: string) => {
    if (allUsed[m]) return;
    const mod = modules[m];
    const i = nameIndex(mod, name);
    if (i >= 0) {
      if (usedName[base[m] + i]) return;
      usedName[base[m] + i] = 1;
      eachReexport(mod.records[i], (r) => forward(m, r));
      return;
    }
    const other = (usedOther[m] ??= new Set());
    if (other.has(name)) return;
    other.add(name);
    if (name !== 'default') for (const t of mod.stars) work.push({ kind: 'name', m: t, name });
  };

  // Direct imports are used at once rather than queued: one task object per imported name was most of the pass's garbage.
  for (let m = 0; m < n; m++) {
    for (const record of graph.moduleFacts(m).imports) {
      const t = graph.targetOf(m, record.specifier);
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
      for (let i = 0; i < mod.names.length; i++) {
        if (usedName[base[m] + i]) continue;
        usedName[base[m] + i] = 1;
        eachReexport(mod.records[i], (r) => forward(m, r));
      }
      allUsed[m] = 1;
      work.push({ kind: 'star', m });
    } else {
      // Everything `export *` brings in: all names of each target except `default`.
      if (starDone[m]) continue;
      starDone[m] = 1;
      for (const t of mod.stars) {
        for (const name of modules[t].names) if (name !== 'default') work.push({ kind: 'name', m: t, name });
        work.push({ kind: 'star', m: t });
      }
    }
  }

  const unused: UnusedExport[] = [];
  for (let m = 0; m < n; m++) {
    if (allUsed[m]) continue;
    const mod = modules[m];
    for (let i = 0; i < mod.names.length; i++) {
      if (usedName[base[m] + i]) continue;
      const first = firstRecord(mod.records[i]);
      unused.push({ node: m, name: mod.names[i], line: first.line, ...(first.from !== undefined ? { from: first.from } : {}) });
    }
  }
  return unused.sort((a, b) => a.node - b.node || a.line - b.line || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
