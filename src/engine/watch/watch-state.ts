/**
 * What a resident scan holds between batches: every path's last read (its
 * hash, facts, per-file findings, or why it is skipped), the warm cross-file
 * pass, the analyzer with its parser loaded, and the open cache. A batch
 * re-reads only the paths that changed, analyzes only content it has not
 * seen, and rebuilds the result from what it holds; the result is the one a
 * cold scan of the same tree gives (test/engine/watch.test.ts checks it).
 */
import path from 'node:path';
import type { FactsCache } from '../../cache/facts-cache.js';
import type { ScanOptions } from '../../config/options.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../../analysis/analyzer.js';
import { PARSER_STACK_OVERFLOW } from '../../analysis/parser-overflow.js';
import { IncrementalCrossFile } from '../../graph/incremental-cross-file.js';
import { applyFileRules } from '../../rules/index.js';
import type { FileFacts, FileResult, Finding, ScanResult, SkippedFile } from '../../types.js';
import { compareCodeUnits } from '../../util/compare.js';
import { TOOL_VERSION } from '../../version.js';
import { discover, type Discovery } from '../discover.js';
import { applyInlineDirectives } from '../inline-directives.js';
import { readAll, type ReadFile } from '../read-phase.js';
import { decodeSource } from '../read-source.js';
import { analyzeOnLargeStack } from '../strategy.js';

/** One path as last seen: a file in the report (with its rule findings before directives), or a skipped one. */
type Entry =
  | {
      readonly kind: 'file';
      /** On large trees the pipeline's results hold facts packed, parsed on each read: batches read `facts` of changed files only. */
      readonly file: FileResult;
      readonly contentKey?: string;
      /** Rule findings before directives; undefined when the file has no facts. */
      readonly findings?: readonly Finding[];
      /** The file has `sonde-disable` directives to apply. */
      readonly directives: boolean;
    }
  | { readonly kind: 'skipped'; readonly skipped: SkippedFile };

/** What a batch asks of the state, already sorted out from the raw events (watch-batch.ts). */
export interface BatchWork {
  /** Known paths whose content may have changed. */
  readonly reread: readonly string[];
  /** Walk the tree again: something appeared, vanished, or .gitignore changed. */
  readonly rediscover: boolean;
  /** tsconfig/package.json changed (root-relative paths, listed as changed). */
  readonly project: readonly string[];
}

/** The result of a batch and the paths whose entries changed (empty: nothing to announce). */
export interface BatchOutcome {
  readonly result: ScanResult;
  readonly changed: readonly string[];
}

export class WatchState {
  readonly #options: ScanOptions;
  readonly #analyzer: Analyzer;
  readonly #cache: FactsCache;
  readonly #entries = new Map<string, Entry>();
  readonly #cross: IncrementalCrossFile;
  #discoverySkipped: readonly SkippedFile[] = [];
  /** Paths of the files in the report, sorted; undefined when the set changed since. */
  #sortedFiles: string[] | undefined;
  #notes = '';

  constructor(options: ScanOptions, analyzer: Analyzer, cache: FactsCache) {
    this.#options = options;
    this.#analyzer = analyzer;
    this.#cache = cache;
    this.#cross = new IncrementalCrossFile({
      root: options.root,
      entries: options.entries,
      ignoreTypeOnlyCycles: options.ignoreTypeOnlyCycles,
      rules: options.rules,
    });
  }

  /** Whether `rel` is a path the state holds (a file or a skipped one). */
  knows(rel: string): boolean {
    return this.#entries.has(rel);
  }

  get options(): ScanOptions {
    return this.#options;
  }

  /**
   * Takes over a finished scan's files. `discovery` (walked after the scan)
   * tells the skips of discovery (links) from the skips of reading (size,
   * generated): only the latter are re-read when they change.
   */
  async seed(result: ScanResult, discovery: Discovery): Promise<void> {
    for (const file of result.files) {
      const extension = path.extname(file.path).slice(1);
      this.#entries.set(file.path, {
        ...fileEntry(file, file.error ? null : file.facts, this.#options),
        ...(file.error ? {} : { contentKey: `${extension}:${file.hash}` }),
      });
    }
    const discoverySkips = new Set(discovery.skipped.map((skip) => skip.path));
    this.#discoverySkipped = result.skipped.filter((skip) => discoverySkips.has(skip.path));
    for (const skipped of result.skipped) if (!discoverySkips.has(skipped.path)) this.#entries.set(skipped.path, { kind: 'skipped', skipped });
    // Load the parser and resolve every import now, so the first edit does not pay for them.
    await this.#analyzer.analyze([{ path: 'warm-up.ts', text: 'export const warm = 1;\n' }], this.#options.analysis, () => {});
    const cross = await this.#cross.update(this.#files(), { changed: [], pathSetChanged: true, projectChanged: true });
    // The first scan has warned about these already.
    this.#notes = cross.notes.join('\n');
  }

  /** Applies one batch; `changed` is empty when nothing the report shows moved. */
  async apply(work: BatchWork, signal?: AbortSignal): Promise<BatchOutcome> {
    const started = performance.now();
    const changed = new Set<string>();
    const toRead = new Set(work.reread);
    let pathSetChanged = false;
    if (work.rediscover) {
      const discovery = discover(this.#options);
      const found = new Set(discovery.files.map((file) => file.path));
      for (const [rel, entry] of this.#entries) {
        if (found.has(rel)) continue;
        this.#entries.delete(rel);
        changed.add(rel);
        if (entry.kind === 'file') pathSetChanged = true;
      }
      for (const file of discovery.files) if (!this.#entries.has(file.path)) toRead.add(file.path);
      const before = JSON.stringify(this.#discoverySkipped);
      this.#discoverySkipped = discovery.skipped;
      if (JSON.stringify(discovery.skipped) !== before) for (const skip of discovery.skipped) changed.add(skip.path);
    }
    if (await this.#reread([...toRead], changed, signal)) pathSetChanged = true;
    for (const rel of work.project) changed.add(rel);
    if (pathSetChanged) this.#sortedFiles = undefined;

    const files = this.#files();
    const crossRaw = await this.#cross.update(files, { changed, pathSetChanged, projectChanged: work.project.length > 0 });
    const notes = crossRaw.notes.join('\n');
    const notesChanged = notes !== this.#notes;
    this.#notes = notes;
    const fileFindings = new Map<string, readonly Finding[]>();
    const withDirectives: FileResult[] = [];
    for (const file of files) {
      const entry = this.#entries.get(file.path) as Extract<Entry, { kind: 'file' }>;
      if (entry.findings) fileFindings.set(file.path, entry.findings);
      if (entry.directives) withDirectives.push(file);
    }
    // Only the files with directives: applyInlineDirectives reads nothing else of them.
    const crossFile = applyInlineDirectives(withDirectives, fileFindings, crossRaw, this.#options.rules);
    const readSkipped: SkippedFile[] = [];
    for (const entry of this.#entries.values()) if (entry.kind === 'skipped') readSkipped.push(entry.skipped);
    const skipped = [...this.#discoverySkipped, ...readSkipped].sort((a, b) => compareCodeUnits(a.path, b.path));
    const rss = process.memoryUsage().rss;
    const result: ScanResult = {
      root: this.#options.root,
      toolVersion: TOOL_VERSION,
      strategy: this.#analyzer.strategy,
      workers: this.#analyzer.workers,
      files,
      fileFindings,
      crossFile,
      skipped,
      cache: { enabled: this.#cache.enabled, hits: 0, misses: 0, ...(this.#cache.enabled ? { location: this.#options.cache.location } : {}) },
      durationMs: performance.now() - started,
      profile: { phases: [], samples: [], workers: [], peakRssBytes: rss, cpuUserMs: 0, cpuSystemMs: 0 },
      warnings: notesChanged ? crossRaw.notes : [],
    };
    return { result, changed: [...changed].sort(compareCodeUnits) };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#analyzer.close(), this.#cache.close()]);
  }

  #files(): FileResult[] {
    this.#sortedFiles ??= [...this.#entries].flatMap(([rel, entry]) => (entry.kind === 'file' ? [rel] : [])).sort(compareCodeUnits);
    return this.#sortedFiles.map((rel) => (this.#entries.get(rel) as Extract<Entry, { kind: 'file' }>).file);
  }

  /** Reads `paths` again and analyzes what is new; true when a path joined or left the report's files. */
  async #reread(paths: readonly string[], changed: Set<string>, signal?: AbortSignal): Promise<boolean> {
    if (paths.length === 0) return false;
    const root = this.#options.root;
    const discovery = { files: paths.map((rel) => ({ path: rel, absolutePath: path.join(root, rel) })), skipped: [] };
    const { files: read, skipped } = readAll(discovery, this.#options.maxFileSize, this.#options.skipGenerated);
    let setChanged = false;
    const settle = (rel: string, entry: Entry) => {
      const before = this.#entries.get(rel);
      if ((before?.kind === 'file') !== (entry.kind === 'file')) setChanged = true;
      this.#entries.set(rel, entry);
      changed.add(rel);
    };
    for (const skip of skipped) {
      const before = this.#entries.get(skip.path);
      if (before?.kind === 'skipped' && before.skipped.reason === skip.reason && before.skipped.size === skip.size) continue;
      settle(skip.path, { kind: 'skipped', skipped: skip });
    }
    const pending: { file: ReadFile; input: SourceInput }[] = [];
    for (const file of read) {
      const bytes = file.bytes;
      file.bytes = undefined;
      const before = this.#entries.get(file.path);
      if (file.contentKey && before?.kind === 'file' && before.contentKey === file.contentKey) continue;
      const decoded = file.contentKey ? decodeSource(bytes!) : undefined;
      const error = file.error ?? (decoded?.kind === 'error' ? decoded.error : undefined);
      if (error || !decoded || decoded.kind === 'error') {
        settle(file.path, fileEntry(toResult(file, null, error ?? null, false), null, this.#options));
        continue;
      }
      pending.push({ file, input: { path: file.path, text: decoded.text } });
    }
    if (pending.length === 0) return setChanged;

    const keys = pending.map(({ file }) => file.contentKey!);
    const cached = this.#cache.enabled ? await this.#cache.getMany(keys) : new Map<string, FileFacts>();
    const byPath = new Map(pending.map((item) => [item.file.path, item]));
    const fresh: [string, FileFacts][] = [];
    const settleOutcome = (outcome: AnalysisOutcome, fromCache: boolean) => {
      const { file } = byPath.get(outcome.path)!;
      if (outcome.ok) {
        if (!fromCache) fresh.push([file.contentKey!, outcome.facts]);
        settle(file.path, { ...fileEntry(toResult(file, outcome.facts, null, fromCache), outcome.facts, this.#options), contentKey: file.contentKey! });
      } else {
        settle(file.path, { ...fileEntry(toResult(file, null, outcome.error, false), null, this.#options), contentKey: file.contentKey! });
      }
    };
    const toAnalyze: SourceInput[] = [];
    for (const { file, input } of pending) {
      const facts = cached.get(file.contentKey!);
      if (facts) settleOutcome({ ok: true, path: file.path, facts }, true);
      else toAnalyze.push(input);
    }
    const tooDeep: SourceInput[] = [];
    await this.#analyzer.analyze(
      toAnalyze,
      this.#options.analysis,
      (outcome) => {
        // Retried on a large stack, as the pipeline does, so watch and scan agree on deep files.
        if (!outcome.ok && outcome.error.code === PARSER_STACK_OVERFLOW) tooDeep.push(byPath.get(outcome.path)!.input);
        else settleOutcome(outcome, false);
      },
      signal,
    );
    for (const input of tooDeep) settleOutcome(await analyzeOnLargeStack(input, this.#options.analysis), false);
    if (fresh.length > 0 && this.#cache.enabled) await this.#cache.setMany(fresh);
    return setChanged;
  }
}

/** A file's entry: its result, and its rule findings computed once from `facts` (read once: it may be packed). */
function fileEntry(file: FileResult, facts: FileFacts | null, options: ScanOptions): Extract<Entry, { kind: 'file' }> {
  return {
    kind: 'file',
    file,
    ...(facts ? { findings: applyFileRules(facts, options.rules) } : {}),
    directives: (facts?.directives?.length ?? 0) > 0,
  };
}

function toResult(file: ReadFile, facts: FileFacts | null, error: FileResult['error'], cached: boolean): FileResult {
  return { path: file.path, size: file.size, hash: file.hash, facts, error, cached };
}
