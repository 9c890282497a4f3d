import os from 'node:os';
import type { ScanOptions } from '../config/options.js';
import type { FactsCache } from '../cache/facts-cache.js';
import { NULL_CACHE } from '../cache/facts-cache.js';
import { applyFileRules } from '../rules/index.js';
import { startSampler, type SamplerOutput } from '../profiler/sampler.js';
import type { FileFacts, FileResult, Finding, ScanResult } from '../types.js';
import { TOOL_VERSION } from '../version.js';
import { PARSER_STACK_OVERFLOW } from '../analysis/parser-overflow.js';
import type { AnalysisOutcome, Analyzer, SourceInput } from '../analysis/analyzer.js';
import { discover } from './discover.js';
import { applyInlineDirectives } from './inline-directives.js';
import type { ScanEventBus } from './events.js';
import { PhaseClock } from './phases.js';
import { readAll, type ReadFile } from './read-phase.js';
import { decodeSource } from './read-source.js';
import { analyzeOnLargeStack, chooseAnalyzer, openCache, startPoolEarly } from './strategy.js';

/** What the pipeline runs with; `scan()` fills in the bus. */
export interface PipelineContext {
  readonly bus: ScanEventBus;
  readonly signal?: AbortSignal;
  /** Overrides the strategy chosen from `options.parallel` (tests, benchmarks). */
  readonly analyzer?: Analyzer;
  /** Overrides the cache chosen from `options.cache`. */
  readonly cache?: FactsCache;
  /** Cores available, for `--parallel auto`. */
  readonly cores?: number;
}

/**
 * Runs the whole pipeline: discover → read + hash → cache lookup → analyze
 * misses → cache write → cross-file pass → rules. Emits events on the bus and
 * never writes to a stream.
 */
export async function runPipeline(options: ScanOptions, context: PipelineContext): Promise<ScanResult> {
  const bus = context.bus;
  const signal = context.signal;
  const clock = new PhaseClock(bus);
  const warnings: string[] = [];
  const warn = (code: string, message: string) => {
    warnings.push(message);
    bus.emit({ type: 'warning', code, message });
  };
  const sampler = startSampler(options.sampleIntervalMs, (sample) => bus.emit({ type: 'sample', sample }));

  let analyzer: Analyzer | undefined;
  let cache: FactsCache = NULL_CACHE;
  try {
    const found = await clock.time('discover', () => discover(options));
    const discovery = options.shard ? (await import('../queue/shard.js')).sliceDiscovery(found, options.shard) : found;
    bus.emit({ type: 'files:discovered', total: discovery.files.length, skipped: discovery.skipped.length });
    for (const message of discovery.warnings ?? []) warn('NAMED_FILE_IGNORED', message);

    analyzer = context.analyzer ? undefined : await startPoolEarly(options);
    const { files: readFiles, skipped } = await clock.time('read', () => readAll(discovery, options.maxFileSize, options.skipGenerated));

    cache = context.cache ?? (await openCache(options, warn));
    const keys = [...new Set(readFiles.flatMap((file) => (file.contentKey ? [file.contentKey] : [])))];
    const cached = await clock.time('cache-read', () => cache.getMany(keys));
    const factsByKey = new Map<string, FileFacts>(cached);
    const reportDone = (file: ReadFile, fromCache: boolean, workerId?: number) =>
      bus.emit({
        type: 'file:done',
        path: file.path,
        lines: file.contentKey ? (factsByKey.get(file.contentKey)?.lines ?? 0) : 0,
        cached: fromCache,
        ...(file.error || (file.contentKey && errorsByKey.has(file.contentKey))
          ? { error: (file.error ?? errorsByKey.get(file.contentKey!))!.message }
          : {}),
        ...(workerId !== undefined ? { workerId } : {}),
      });

    // Identical content under the same extension is analyzed once (vendored copies, generated files).
    const toAnalyze: SourceInput[] = [];
    const pathsByKey = new Map<string, ReadFile[]>();
    const errorsByKey = new Map<string, NonNullable<FileResult['error']>>();
    for (const file of readFiles) {
      const bytes = file.bytes;
      file.bytes = undefined;
      if (!file.contentKey || factsByKey.has(file.contentKey)) continue;
      const sameContent = pathsByKey.get(file.contentKey);
      if (sameContent) {
        sameContent.push(file);
        continue;
      }
      pathsByKey.set(file.contentKey, [file]);
      const decoded = decodeSource(bytes!);
      if (decoded.kind === 'error') errorsByKey.set(file.contentKey, decoded.error);
      else toAnalyze.push({ path: file.path, text: decoded.text, contentKey: file.contentKey });
    }

    analyzer ??= context.analyzer ?? (await chooseAnalyzer(options, toAnalyze, context.cores ?? os.availableParallelism(), { cache, warn }));
    bus.emit({
      type: 'scan:start',
      root: options.root,
      strategy: analyzer.strategy,
      workers: analyzer.workers,
      cache: cache.enabled,
    });
    for (const file of readFiles) {
      if (!file.contentKey || errorsByKey.has(file.contentKey)) reportDone(file, false);
      else if (factsByKey.has(file.contentKey)) reportDone(file, true);
    }
    const keyByPath = new Map(readFiles.map((file) => [file.path, file.contentKey]));
    const fresh: [string, FileFacts][] = [];

    const analyzeStart = clock.elapsedMs();
    const tooDeep: SourceInput[] = [];
    const onOutcome = (outcome: AnalysisOutcome, workerId: number) => {
      const key = keyByPath.get(outcome.path)!;
      if (!outcome.ok && outcome.error.code === PARSER_STACK_OVERFLOW) {
        // Retried below on a large stack, the same way in every strategy.
        tooDeep.push(toAnalyze.find((input) => input.path === outcome.path)!);
        return;
      }
      if (outcome.ok) {
        factsByKey.set(key, outcome.facts);
        if (!outcome.stored) fresh.push([key, outcome.facts]);
      } else {
        errorsByKey.set(key, outcome.error);
      }
      for (const file of pathsByKey.get(key) ?? []) reportDone(file, false, workerId);
    };
    try {
      if (toAnalyze.length > 0) {
        const activeAnalyzer = analyzer;
        await clock.time('analyze', async () => {
          await activeAnalyzer.analyze(toAnalyze, options.analysis, onOutcome, signal);
          for (const input of tooDeep) onOutcome(await analyzeOnLargeStack(input, options.analysis), 0);
        });
      }
    } finally {
      // Even when interrupted, keep what was computed: the next scan starts warmer.
      if (fresh.length > 0 && cache.enabled) await clock.time('cache-write', () => cache.setMany(fresh));
    }
    const workerStats = analyzer.stats(clock.elapsedMs() - analyzeStart);
    bus.emit({ type: 'workers:stats', workers: workerStats });

    const files: FileResult[] = readFiles.map((file) => {
      const facts = file.contentKey ? (factsByKey.get(file.contentKey) ?? null) : null;
      const error = file.error ?? (file.contentKey ? (errorsByKey.get(file.contentKey) ?? null) : null);
      return {
        path: file.path,
        size: file.size,
        hash: file.hash,
        facts: error ? null : facts,
        error,
        cached: file.contentKey !== undefined && cached.has(file.contentKey),
      };
    });

    const crossFileRaw = await clock.time('cross-file', async () => {
      const { analyzeCrossFile } = await import('../graph/cross-file.js');
      return analyzeCrossFile(files, {
        root: options.root,
        entries: options.entries,
        ignoreTypeOnlyCycles: options.ignoreTypeOnlyCycles,
        rules: options.rules,
      });
    });

    // What the cross-file pass could not use (an unreadable tsconfig, an entry matching no file) is the user's to know.
    for (const note of crossFileRaw.notes) warn('cross-file', note);

    const fileFindings = new Map<string, readonly Finding[]>();
    for (const file of files) {
      if (file.facts) fileFindings.set(file.path, applyFileRules(file.facts, options.rules));
    }
    const crossFile = applyInlineDirectives(files, fileFindings, crossFileRaw, options.rules);

    const profile = sampler.stop();
    const hits = files.filter((file) => file.cached).length;
    return {
      root: options.root,
      toolVersion: TOOL_VERSION,
      strategy: analyzer.strategy,
      workers: analyzer.workers,
      files,
      fileFindings,
      crossFile,
      skipped,
      cache: {
        enabled: cache.enabled,
        hits,
        misses: cache.enabled ? readFiles.filter((file) => file.contentKey !== undefined).length - hits : 0,
        ...(cache.enabled ? { location: options.cache.location } : {}),
      },
      durationMs: clock.elapsedMs(),
      profile: { phases: clock.timings, samples: profile.samples, workers: workerStats, ...pick(profile) },
      warnings,
      ...(analyzer.summary ? { queue: analyzer.summary() } : {}),
    };
  } finally {
    sampler.stop();
    await Promise.allSettled([analyzer?.close(), cache.close()]);
  }
}

function pick(profile: SamplerOutput) {
  const { peakRssBytes, cpuUserMs, cpuSystemMs, processCpuMs } = profile;
  return { peakRssBytes, cpuUserMs, cpuSystemMs, processCpuMs };
}
