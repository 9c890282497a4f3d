/**
 * The data that crosses sonde's internal boundaries: per-file facts (what the
 * analysis computes and the cache stores), findings, and the scan result.
 * Everything here is plain data, safe for structuredClone and JSON.
 */

/** How serious a finding is; `--fail-on` compares against this order. */
export type Severity = 'info' | 'warning' | 'error';

export const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'error'];

/** Metrics of one function-like node, as ESLint's `complexity` rule sees functions. */
export interface FunctionFacts {
  /** Name as ESLint reports it (`f`, `method 'm'` becomes `m`), or `<anonymous>`. */
  readonly name: string;
  /** 1-based line of the function's start. */
  readonly line: number;
  /** 1-based column of the function's start. */
  readonly column: number;
  readonly endLine: number;
  readonly params: number;
  readonly cyclomatic: number;
  readonly cognitive: number;
  /** Deepest block nesting inside the function, as ESLint's `max-depth` counts it. */
  readonly maxDepth: number;
  /**
   * Physical lines of the function as ESLint's `max-lines-per-function` counts
   * them (default options): from the line where its ESTree node starts — the
   * method or accessor definition for a class/object method, else the function
   * itself (its first parameter's `(`, `async`, `function`) — to its last line.
   * Not endLine - line + 1: `line` is where the function is reported.
   */
  readonly length: number;
  /** Present (true) for an immediately invoked function expression, which `max-lines-per-function` skips by default. */
  readonly iife?: true;
}

/** One module reference found in a file, unresolved. */
export interface ImportRecord {
  readonly specifier: string;
  /** `import`, `export … from`, `import()` or `require()`. */
  readonly kind: 'import' | 'reexport' | 'dynamic' | 'require';
  /** True for `import type` / `export type … from` (all names type-only). */
  readonly typeOnly: boolean;
  /**
   * Imported names: `default`, a named binding's original name, `*` for a
   * namespace import or `export *`. Empty for a side-effect import.
   */
  readonly names: readonly string[];
  readonly line: number;
}

/** One exported name of a file. */
export interface ExportRecord {
  /** Exported name (`default` for a default export). */
  readonly name: string;
  readonly line: number;
  readonly typeOnly: boolean;
  /** For `export { x } from './m'`: the specifier it re-exports from. */
  readonly from?: string;
  /** For a re-export: the name in the source module. */
  readonly sourceName?: string;
}

/**
 * A syntactic fact that a rule may turn into a finding. Observations are
 * cached with the facts; thresholds and severities are applied afterwards, so
 * changing the rule configuration never invalidates the cache.
 */
export interface Observation {
  readonly kind: 'explicit-any' | 'todo-comment' | 'empty-catch' | 'parse-error';
  readonly line: number;
  readonly column: number;
  /** The comment text, the diagnostic message, … */
  readonly text?: string;
}

/**
 * An inline `sonde-disable…` comment: `line` covers its own line,
 * `next-line` the line after the comment, `file` the whole file.
 */
export interface DisableDirective {
  readonly kind: 'line' | 'next-line' | 'file';
  /** 1-based position of the comment (where an unused directive is reported). */
  readonly line: number;
  readonly column: number;
  /** The line it covers (`file`: the comment's own line, unused). */
  readonly target: number;
  /** Rule ids; empty = every rule. */
  readonly rules: readonly string[];
}

/** Everything sonde learns from one file's content. Depends only on content + analysis options. */
export interface FileFacts {
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
  readonly functions: readonly FunctionFacts[];
  readonly imports: readonly ImportRecord[];
  readonly exports: readonly ExportRecord[];
  readonly observations: readonly Observation[];
  /** Inline `sonde-disable…` comments; absent when the file has none. */
  readonly directives?: readonly DisableDirective[];
}

/** A per-file failure: the file is listed, with the reason it has no facts. */
export interface FileError {
  readonly message: string;
  /** Stable machine-readable reason, e.g. `binary`, `encoding`, `unreadable`, `vanished`, `analysis-failed`. */
  readonly code: string;
}

/** A rule's verdict about a location. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Relative path; set for cross-file findings, omitted inside a file entry. */
  readonly path?: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Covered by the suppressions file: reported as such, never failing the run. */
  readonly suppressed?: true;
}

/** The outcome for one discovered file. */
export interface FileResult {
  readonly path: string;
  readonly size: number;
  readonly hash: string;
  readonly facts: FileFacts | null;
  readonly error: FileError | null;
  /** True when the facts came from the cache. Not part of the stable report. */
  readonly cached: boolean;
}

/** A file discovery chose not to analyze, with the reason. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  readonly size?: number;
}

export type PhaseName =
  | 'discover'
  | 'read'
  | 'cache-read'
  | 'analyze'
  | 'cross-file'
  | 'cache-write'
  /** The scan memo (engine/scan-memo.ts): its read with the stat manifest, its comparison, its rewrite after a scan that did not hit it. */
  | 'memo-read'
  | 'memo'
  | 'memo-write'
  | 'report';

export interface PhaseTiming {
  readonly phase: PhaseName;
  readonly startMs: number;
  readonly durationMs: number;
}

/** One profiler sample. `t` is ms since scan start. */
export interface ProfileSample {
  readonly t: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  /** CPU time of the whole process (all threads) over the interval, in % of one core. */
  readonly cpuPercent: number;
}

/** What one analysis thread did, measured inside that thread. */
export interface WorkerStats {
  readonly id: number;
  readonly tasks: number;
  readonly files: number;
  readonly busyMs: number;
  /** busyMs ÷ the analyze phase's wall time. */
  readonly utilization: number;
  readonly heapUsedBytes: number;
  /** How this thread's parser load used the V8 code cache (absent from threads that report none). */
  readonly codeCache?: CodeCacheUse;
}

/** Large parser files compiled from a code-cache blob (`loaded`) or from source (`compiled`); both 0: no code cache in use. */
export interface CodeCacheUse {
  readonly loaded: number;
  readonly compiled: number;
}

export interface Profile {
  readonly phases: readonly PhaseTiming[];
  readonly samples: readonly ProfileSample[];
  readonly workers: readonly WorkerStats[];
  readonly peakRssBytes: number;
  /** CPU time of the scan (all threads), from its start to its end. */
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** CPU time of the whole process up to the scan's end, Node's start-up included (what a benchmark of the command sees). */
  readonly processCpuMs?: number;
  /** The parser's V8 code cache over all threads of the scan: blobs loaded vs files compiled. */
  readonly codeCache?: CodeCacheUse;
  /** What the stat manifest (engine/stat-manifest.ts) spared this scan; absent without a cache. */
  readonly statManifest?: StatManifestUse;
}

/** The folder walk taken from the stat manifest (no walk), and how many files were not read because their metadata was unchanged. */
export interface StatManifestUse {
  readonly walkReused: boolean;
  readonly readsSkipped: number;
}

/** A report's text kept for the same inputs and the same report options, with what its caller needs besides the text. */
export interface ReplayedReport {
  readonly text: string;
  /** The cache line of a memo hit on these inputs. */
  readonly cache: { readonly hits: number; readonly misses: number };
  /** What the caller kept beside the text, for itself. */
  readonly meta: Readonly<Record<string, unknown>>;
}

export interface CacheSummary {
  readonly enabled: boolean;
  readonly hits: number;
  readonly misses: number;
  readonly location?: string;
}

/** Module graph built by the cross-file pass. */
export interface ModuleGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly GraphEdge[];
  /** Specifiers that name a package (not a file in the scan). */
  readonly external: readonly { readonly from: string; readonly specifier: string }[];
  /** Relative specifiers that resolve to no scanned file. */
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/**
 * The key (a non-enumerable property) under which the cross-file pass's graph
 * also hands out its edges one at a time, in the order of `edges`. Its
 * `edges` list is made only when first read: a report written from here
 * never holds ~300,000 edge objects at once (a 100,000-file scan).
 */
export const GRAPH_EDGE_AT: unique symbol = Symbol('sonde.graphEdgeAt');

export interface GraphEdgeReader {
  readonly count: number;
  at(index: number): GraphEdge;
}

export interface CrossFileResult {
  readonly graph: ModuleGraph;
  readonly findings: readonly Finding[];
}

export type Strategy = 'sequential' | 'parallel';

/** How a `--queue` scan split its work: remote workers that did jobs, and the files they and the coordinator analyzed. */
export interface QueueSummary {
  readonly workers: number;
  readonly remoteFiles: number;
  readonly localFiles: number;
}

/** The whole outcome of a scan: what reporters turn into text. */
export interface ScanResult {
  readonly root: string;
  readonly toolVersion: string;
  readonly strategy: Strategy;
  readonly workers: number;
  readonly files: readonly FileResult[];
  /** Findings per file path, after rules and thresholds. */
  readonly fileFindings: ReadonlyMap<string, readonly Finding[]>;
  readonly crossFile: CrossFileResult;
  readonly skipped: readonly SkippedFile[];
  readonly cache: CacheSummary;
  readonly durationMs: number;
  readonly profile: Profile;
  readonly warnings: readonly string[];
  /** Findings the suppressions file covers that this result leaves out (the human formats); the summary counts them. */
  readonly suppressedFindings?: number;
  /** Present only for a `--queue` scan. */
  readonly queue?: QueueSummary;
  /** The scan memo's digest of this scan's inputs (engine/scan-memo.ts), when the scan had a memo to compare with. */
  readonly memoDigest?: string;
  /**
   * A report replayed from the cache instead of results (cli/report-replay.ts):
   * only when the caller asked for one by key and the memo's digest matched.
   * `files`, findings and the graph are then empty; the text is the report.
   */
  readonly replayed?: ReplayedReport;
}
