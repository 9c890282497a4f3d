/**
 * The facts of every file: from the memo, then the cache (one batch, or
 * slices on a packed scan), then the analyzer for the rest — identical
 * content analyzed once, in batches that commit to the cache as they finish
 * (a scan killed at 90% keeps ~90% of its work), a parse that overflows its
 * thread's stack retried on a large one. Emits `scan:start`, `file:done` and
 * `workers:stats`.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FactsCache } from '../cache/facts-cache.js';
import type { ScanOptions } from '../config/options.js';
import { PARSER_STACK_OVERFLOW } from '../analysis/parser-overflow.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import type { FileFacts, FileResult, WorkerStats } from '../types.js';
import type { ScanEventBus } from './events.js';
import type { OpenResources, ScanInputs } from './inputs-phase.js';
import { fileResult, packFacts, type HeldFacts } from './packed-facts.js';
import type { PhaseClock } from './phases.js';
import type { ReadFile } from './read-phase.js';
import { decodeSource, readSource } from './read-source.js';
import { analyzeOnLargeStack, chooseAnalyzer } from './strategy.js';

/** What the phase runs with besides the options and the inputs. */
export interface FactsTools {
  readonly cache: FactsCache;
  readonly clock: PhaseClock;
  readonly warn: (code: string, message: string) => void;
  readonly bus: ScanEventBus;
  readonly signal?: AbortSignal;
  /** Cores available, for `--parallel auto`. */
  readonly cores?: number;
  /** Overrides the strategy chosen from `options.parallel` (tests, benchmarks). */
  readonly analyzer?: Analyzer;
}

/** Every read file as a FileResult (facts or error), and what the analysis threads did. The analyzer is put in `open`, for the pipeline to close. */
export async function gatherFacts(
  options: ScanOptions,
  inputs: ScanInputs,
  tools: FactsTools,
  open: OpenResources,
): Promise<{ readonly files: FileResult[]; readonly workerStats: readonly WorkerStats[] }> {
  const { readFiles, memo, pack, memory, guard } = inputs;
  const { cache, clock, warn, bus, signal } = tools;
  const keys = [...new Set(readFiles.flatMap((file) => (file.contentKey && !memo.facts.has(file.contentKey) ? [file.contentKey] : [])))];
  const factsByKey = new Map<string, HeldFacts>();
  // Packed facts keep their line count apart, for the progress events.
  const linesByKey = new Map<string, number>();
  // Packed facts go to a file when the private cache folder allows one, else stay in the heap as text.
  const spill = pack ? (await import('./facts-spill.js')).FactsSpill.open() : undefined;
  const hold = (key: string, facts: FileFacts) => {
    if (!pack) return void factsByKey.set(key, facts);
    factsByKey.set(key, spill ? spill.put(facts) : packFacts(facts));
    linesByKey.set(key, facts.lines);
  };
  const cachedKeys = new Set<string>();
  for (const [key, facts] of memo.facts) {
    hold(key, facts);
    cachedKeys.add(key);
  }
  if (!memo.hit) await clock.time('cache-read', async () => {
    // Packed scans look up in slices, so the cache's objects never all live at once.
    const slice = pack ? LOOKUP_SLICE : keys.length;
    for (let start = 0; start < keys.length; start += slice) {
      for (const [key, facts] of await cache.getMany(keys.slice(start, start + slice))) {
        hold(key, facts);
        cachedKeys.add(key);
      }
    }
  });
  const linesOf = (key: string): number => {
    const held = factsByKey.get(key);
    return held === undefined ? 0 : pack ? (linesByKey.get(key) ?? 0) : (held as FileFacts).lines;
  };
  const reportDone = (file: ReadFile, fromCache: boolean, workerId?: number) =>
    bus.emit({
      type: 'file:done',
      path: file.path,
      lines: file.contentKey ? linesOf(file.contentKey) : 0,
      cached: fromCache,
      ...(file.error || (file.contentKey && errorsByKey.has(file.contentKey))
        ? { error: (file.error ?? errorsByKey.get(file.contentKey!))!.message }
        : {}),
      ...(workerId !== undefined ? { workerId } : {}),
    });

  // Identical content under the same extension is analyzed once (vendored copies, generated files).
  const pending: ReadFile[] = [];
  const pathsByKey = new Map<string, ReadFile[]>();
  const errorsByKey = new Map<string, NonNullable<FileResult['error']>>();
  let pendingBytes = 0;
  for (const file of readFiles) {
    if (!file.contentKey || factsByKey.has(file.contentKey)) {
      file.bytes = undefined;
      continue;
    }
    const sameContent = pathsByKey.get(file.contentKey);
    if (sameContent) {
      file.bytes = undefined;
      sameContent.push(file);
      continue;
    }
    pathsByKey.set(file.contentKey, [file]);
    pending.push(file);
    pendingBytes += file.size;
  }

  const analyzer = (open.analyzer ??=
    tools.analyzer ??
    (await chooseAnalyzer(options, { files: pending.length, bytes: pendingBytes }, tools.cores ?? os.availableParallelism(), memory.maxWorkers, {
      cache,
      warn,
    })));
  bus.emit({
    type: 'scan:start',
    root: options.root,
    strategy: analyzer.strategy,
    workers: analyzer.workers,
    cache: cache.enabled,
  });
  for (const file of readFiles) {
    if (!file.contentKey) reportDone(file, false);
    else if (factsByKey.has(file.contentKey)) reportDone(file, true);
  }
  const keyByPath = new Map(pending.map((file) => [file.path, file.contentKey!]));
  let fresh: [string, FileFacts][] = [];
  let lastCommit = performance.now();
  // Facts are committed as batches finish, so a scan killed at 90% keeps ~90% of its work.
  const commit = async () => {
    if (fresh.length === 0 || !cache.enabled) return;
    const batch = fresh;
    fresh = [];
    lastCommit = performance.now();
    await cache.setMany(batch);
  };

  const analyzeStart = clock.elapsedMs();
  let batch: SourceInput[] = [];
  const tooDeep: SourceInput[] = [];
  const onOutcome = (outcome: AnalysisOutcome, workerId: number) => {
    const key = keyByPath.get(outcome.path)!;
    if (!outcome.ok && outcome.error.code === PARSER_STACK_OVERFLOW) {
      // Retried below on a large stack, the same way in every strategy.
      tooDeep.push(batch.find((input) => input.path === outcome.path)!);
      return;
    }
    if (outcome.ok) {
      hold(key, outcome.facts);
      // A queue worker's facts are in the shared cache already.
      if (cache.enabled && !outcome.stored) fresh.push([key, outcome.facts]);
    } else {
      errorsByKey.set(key, outcome.error);
    }
    for (const file of pathsByKey.get(key) ?? []) reportDone(file, false, workerId);
  };
  const failBeforeAnalysis = (file: ReadFile, error: NonNullable<FileResult['error']>) => {
    errorsByKey.set(file.contentKey!, error);
    for (const same of pathsByKey.get(file.contentKey!) ?? []) reportDone(same, false);
  };
  // Batches grow with the workers, so each has work while one batch is analyzed.
  const batchFiles = memory.batchFiles * Math.max(1, analyzer.workers);
  const batchBytes = memory.batchBytes * Math.max(1, analyzer.workers);
  try {
    if (pending.length > 0) {
      const activeAnalyzer = analyzer;
      await clock.time('analyze', async () => {
        let next = 0;
        while (next < pending.length) {
          batch = [];
          let bytes = 0;
          for (; next < pending.length && batch.length < batchFiles && bytes < batchBytes; next++) {
            const input = sourceInput(pending[next]!, options, failBeforeAnalysis);
            if (input) {
              batch.push(input);
              bytes += input.text.length;
            }
          }
          tooDeep.length = 0;
          if (batch.length > 0) await activeAnalyzer.analyze(batch, options.analysis, onOutcome, signal);
          for (const input of tooDeep) onOutcome(await analyzeOnLargeStack(input, options.analysis), 0);
          if (fresh.length >= COMMIT_EVERY_FILES || performance.now() - lastCommit >= COMMIT_EVERY_MS) await commit();
          guard.check();
        }
        batch = [];
      });
    }
  } finally {
    // Even when interrupted, keep what was computed: the next scan starts warmer.
    if (fresh.length > 0 && cache.enabled) await clock.time('cache-write', commit);
  }
  const workerStats = analyzer.stats(clock.elapsedMs() - analyzeStart);
  bus.emit({ type: 'workers:stats', workers: workerStats });

  const files: FileResult[] = readFiles.map((file) => {
    const held = file.contentKey ? (factsByKey.get(file.contentKey) ?? null) : null;
    const error = file.error ?? (file.contentKey ? (errorsByKey.get(file.contentKey) ?? null) : null);
    return fileResult(file, error ? null : held, error, file.contentKey !== undefined && cachedKeys.has(file.contentKey), spill);
  });
  // What only the analysis needed goes before the cross-file pass, the scan's other peak.
  factsByKey.clear();
  pathsByKey.clear();
  keyByPath.clear();
  pending.length = 0;
  keys.length = 0;
  linesByKey.clear();

  return { files, workerStats };
}

/** Fresh facts are committed to the cache once this many are waiting… */
const COMMIT_EVERY_FILES = 500;
/** …or once this long has passed since the last commit. */
const COMMIT_EVERY_MS = 1000;
/** Keys looked up at once on a packed scan. */
const LOOKUP_SLICE = 2000;

/**
 * A pending file's text for the analyzer, from the bytes the read phase kept
 * or read again (checked against the hash the report and the cache key use);
 * undefined, with the file's error recorded, when it is not source text or changed.
 */
function sourceInput(
  file: ReadFile,
  options: ScanOptions,
  fail: (file: ReadFile, error: NonNullable<FileResult['error']>) => void,
): SourceInput | undefined {
  let bytes = file.bytes;
  file.bytes = undefined;
  if (!bytes) {
    // Discovery's absolute paths are the root joined with the relative one.
    const again = readSource(path.join(options.root, file.path), options.maxFileSize);
    if (again.kind === 'error') return void fail(file, again.error);
    if (again.kind === 'too-large' || again.hash !== file.hash) {
      return void fail(file, { code: 'changed', message: 'The file changed during the scan: scan again to analyze it.' });
    }
    bytes = again.bytes;
  }
  const decoded = decodeSource(bytes);
  if (decoded.kind === 'error') return void fail(file, decoded.error);
  return { path: file.path, text: decoded.text, contentKey: file.contentKey };
}

