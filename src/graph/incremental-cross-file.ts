/**
 * The cross-file pass for a resident scan (`sonde scan --watch`): the same
 * result as `analyzeCrossFile`, recomputed after each batch of changes with
 * only the changed files' imports resolved again.
 *
 * Why this split: on the 20,000-file generated project, resolving every
 * import is most of the pass, while cycles and unused exports over the
 * already-resolved graph are linear and cheap (docs/watch.md has the
 * figures). A specifier's resolution depends only on the importing file's
 * path, the set of scanned paths and the tsconfig/package.json data, never on
 * the importing file's content; so resolutions are memoized per (file,
 * specifier) and stay valid across content edits. Adding, removing or
 * renaming a file, or a change to tsconfig/package.json, clears the memo and
 * reloads the project data: those change what every specifier may mean.
 */
import type { FileFacts, FileResult } from '../types.js';
import { compareCodeUnits } from '../util/compare.js';
import { assembleGraph, graphNodes, nodeEdges, type ModuleFacts, type NodeEdges } from './build-graph.js';
import { crossFileFindings, type CrossFileAnalysis, type CrossFileOptions } from './cross-file.js';
import { loadProjectConfig, type ProjectConfig } from './project-config.js';
import { createResolver, type Resolution, type Resolver } from './resolve.js';
import { collectModuleExports, type ModuleExports } from './unused-exports.js';

/** What changed since the last `update`. */
export interface CrossFileChanges {
  /** Paths whose content (hence imports) changed; their memoized resolutions are dropped. */
  readonly changed: Iterable<string>;
  /** A file appeared or disappeared: every resolution may differ. */
  readonly pathSetChanged: boolean;
  /** tsconfig / package.json changed: reload them. */
  readonly projectChanged: boolean;
}

/** The cross-file pass kept warm between batches. */
export class IncrementalCrossFile {
  readonly #options: CrossFileOptions;
  #project: ProjectConfig | undefined;
  #resolve: Resolver | undefined;
  /** from → specifier → resolution. */
  readonly #memo = new Map<string, Map<string, Resolution>>();
  /** The last graph's nodes and each node's part; valid while the node set stays the same. */
  #nodes: string[] = [];
  #ids = new Map<string, number>();
  #facts: ModuleFacts[] = [];
  #parts: NodeEdges[] = [];
  #exports: ModuleExports[] = [];
  /** Imports and exports of every node by path, with the hash they were read at. */
  #modules = new Map<string, { readonly hash: string; readonly facts: ModuleFacts }>();
  /** The last result, returned as is when no import or export changed. */
  #last: CrossFileAnalysis | undefined;

  constructor(options: CrossFileOptions) {
    this.#options = options;
  }

  /** The cross-file result for `files` (all current files, sorted by path as the pipeline gives them). */
  async update(files: readonly FileResult[], changes: CrossFileChanges): Promise<CrossFileAnalysis> {
    let rebuild = changes.pathSetChanged || changes.projectChanged || this.#project === undefined;
    if (rebuild || this.#project === undefined || this.#resolve === undefined) {
      const paths = files.map((file) => file.path);
      this.#project = await loadProjectConfig(this.#options.root, paths);
      this.#resolve = createResolver(this.#options.root, new Set(paths), this.#project);
      this.#memo.clear();
    } else {
      for (const path of changes.changed) this.#memo.delete(path);
    }
    const resolve = this.#memoized(this.#resolve);
    // Which changed files are nodes now; a file that gained or lost its facts changes the node set (and every id).
    const changedNodes: { id: number; hash: string; facts: ModuleFacts }[] = [];
    if (!rebuild) {
      for (const path of changes.changed) {
        const file = findFile(files, path);
        const isNode = file !== undefined && file.facts !== null && file.error === null;
        const id = this.#ids.get(path);
        if (isNode !== (id !== undefined)) {
          rebuild = true;
          break;
        }
        if (id !== undefined) {
          const facts = file!.facts!;
          changedNodes.push({ id, hash: file!.hash, facts: { imports: facts.imports, exports: facts.exports } });
        }
      }
    }
    // An edit that leaves every import and export as it was (a function body, a comment) cannot change the
    // graph or its findings: they are made of these records and the paths alone.
    if (!rebuild && this.#last && changedNodes.every(({ id, facts }) => sameModuleSyntax(this.#facts[id], facts))) return this.#last;
    if (rebuild) {
      const { nodes, moduleFacts, ids } = this.#graphNodes(files);
      const facts = nodes.map((_, node) => moduleFacts(node));
      this.#nodes = nodes;
      this.#facts = facts;
      this.#ids = ids;
      this.#parts = nodes.map((_, from) => nodeEdges(from, nodes, facts[from], ids, resolve));
      this.#exports = facts.map((fileFacts, m) => collectModuleExports(fileFacts, (specifier) => this.#parts[m].targets.get(specifier)));
    } else {
      for (const { id, hash, facts } of changedNodes) {
        this.#modules.set(this.#nodes[id], { hash, facts });
        this.#facts[id] = facts;
        this.#parts[id] = nodeEdges(id, this.#nodes, facts, this.#ids, resolve);
        this.#exports[id] = collectModuleExports(facts, (specifier) => this.#parts[id]!.targets.get(specifier));
      }
    }
    const held = this.#facts;
    const built = assembleGraph(this.#nodes, (node) => held[node]!, this.#parts);
    const notes = [...this.#project.notes];
    const findings = crossFileFindings(built, this.#project, this.#options, notes, this.#exports);
    this.#last = { graph: built.graph, findings, notes: [...new Set(notes)] };
    return this.#last;
  }

  /**
   * graphNodes, reusing each unchanged file's imports and exports from the last
   * build: on a large tree the pipeline's results hold facts packed, and
   * parsing 20,000 of them again for one added file would cost more than the graph.
   */
  #graphNodes(files: readonly FileResult[]): ReturnType<typeof graphNodes> {
    const modules = new Map<string, { readonly hash: string; readonly facts: ModuleFacts }>();
    const withFacts: FileResult[] = [];
    for (const file of files) {
      if (file.error !== null) continue;
      const known = this.#modules.get(file.path);
      if (known && known.hash === file.hash) {
        modules.set(file.path, known);
        withFacts.push(file);
        continue;
      }
      const facts = file.facts;
      if (facts === null) continue;
      modules.set(file.path, { hash: file.hash, facts: { imports: facts.imports, exports: facts.exports } });
      withFacts.push(file);
    }
    this.#modules = modules;
    // Spelled out, not spread: spreading a packed result would read (parse) its facts.
    return graphNodes(
      withFacts.map((file) => ({ path: file.path, size: file.size, hash: file.hash, facts: modules.get(file.path)!.facts as FileFacts, error: null, cached: false })),
    );
  }

  #memoized(resolve: Resolver): Resolver {
    const memo = this.#memo;
    return (from, specifier) => {
      let own = memo.get(from);
      if (!own) {
        own = new Map();
        memo.set(from, own);
      }
      let resolution = own.get(specifier);
      if (!resolution) {
        resolution = resolve(from, specifier);
        own.set(specifier, resolution);
      }
      return resolution;
    };
  }
}

/** Same imports and exports, lines included (cycle and unused-export findings carry lines). */
function sameModuleSyntax(before: ModuleFacts | undefined, after: ModuleFacts): boolean {
  return before !== undefined && JSON.stringify(before.imports) === JSON.stringify(after.imports) && JSON.stringify(before.exports) === JSON.stringify(after.exports);
}

/** Binary search in the path-sorted files. */
function findFile(files: readonly FileResult[], path: string): FileResult | undefined {
  let low = 0;
  let high = files.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = compareCodeUnits(files[mid].path, path);
    if (order === 0) return files[mid];
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
