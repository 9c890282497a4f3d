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
import type { FileResult } from '../types.js';
import { buildGraph } from './build-graph.js';
import { crossFileFindings, type CrossFileAnalysis, type CrossFileOptions } from './cross-file.js';
import { loadProjectConfig, type ProjectConfig } from './project-config.js';
import { createResolver, type Resolution, type Resolver } from './resolve.js';

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

  constructor(options: CrossFileOptions) {
    this.#options = options;
  }

  /** The cross-file result for `files` (all current files, sorted by path as the pipeline gives them). */
  async update(files: readonly FileResult[], changes: CrossFileChanges): Promise<CrossFileAnalysis> {
    if (this.#project === undefined || this.#resolve === undefined || changes.pathSetChanged || changes.projectChanged) {
      const paths = files.map((file) => file.path);
      this.#project = await loadProjectConfig(this.#options.root, paths);
      this.#resolve = createResolver(this.#options.root, new Set(paths), this.#project);
      this.#memo.clear();
    } else {
      for (const path of changes.changed) this.#memo.delete(path);
    }
    const project = this.#project;
    const resolve = this.#resolve;
    const memo = this.#memo;
    const memoized: Resolver = (from, specifier) => {
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
    const built = buildGraph(files, memoized);
    const notes = [...project.notes];
    const findings = crossFileFindings(built, project, this.#options, notes);
    return { graph: built.graph, findings, notes: [...new Set(notes)] };
  }
}
