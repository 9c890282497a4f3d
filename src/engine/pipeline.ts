import os from 'node:os';
import type { ScanOptions } from '../config/options.js';
import type { FactsCache } from '../cache/facts-cache.js';
import { NULL_CACHE } from '../cache/facts-cache.js';
import { startSampler, type SamplerOutput } from '../profiler/sampler.js';
import type { CodeCacheUse, ScanResult, WorkerStats } from '../types.js';
import { TOOL_VERSION } from '../version.js';
import type { Analyzer } from '../analysis/analyzer.js';
import type { ScanEventBus } from './events.js';
import { PhaseClock } from './phases.js';
import { readInputs, type OpenResources } from './inputs-phase.js';
import { chooseAnalyzer } from './strategy.js';

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
  /** The scan's start as the stat manifest's racy rule sees it (epoch ms); tests set it ahead to trust files they just wrote. */
  readonly startedAt?: number;
  /**
   * A report the caller kept for these report options (cli/report-replay.ts):
   * when the memo's digest matches the one it was kept for, the scan returns
   * it (`result.replayed`) instead of loading the results.
   */
  readonly replay?: { readonly key: string };
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

  // What the phases open (the cache, the analyzer), closed below even when one throws.
  const open: OpenResources = { cache: NULL_CACHE };
  try {
    const inputs = await readInputs(options, context, { clock, warn, bus }, open);
    const { readFiles, skipped, memo, pack, guard } = inputs;
    const cache = open.cache;
    if (memo.replay) {
      // The caller's kept report for these very inputs: nothing is loaded, the strategy is the one a memo hit names.
      const analyzer = (open.analyzer ??=
        context.analyzer ?? (await chooseAnalyzer(options, { files: 0, bytes: 0 }, context.cores ?? os.availableParallelism(), inputs.memory.maxWorkers)));
      const profile = sampler.stop();
      return {
        root: options.root,
        toolVersion: TOOL_VERSION,
        strategy: analyzer.strategy,
        workers: analyzer.workers,
        files: [],
        fileFindings: new Map(),
        crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] },
        skipped: [],
        cache: { enabled: true, ...memo.replay.cache, location: options.cache.location },
        durationMs: clock.elapsedMs(),
        profile: {
          phases: clock.timings,
          samples: profile.samples,
          workers: [],
          ...pick(profile),
          ...(inputs.statManifest ? { statManifest: inputs.statManifest() } : {}),
        },
        warnings,
        memoDigest: memo.digest!,
        replayed: memo.replay,
      };
    }
    // Loaded here: a replayed report (above) needs neither phase.
    const { gatherFacts } = await import('./facts-phase.js');
    const { findingsOf } = await import('./findings-phase.js');
    const { files, workerStats } = await gatherFacts(options, inputs, { cache, clock, warn, bus, signal, cores: context.cores, analyzer: context.analyzer }, open);
    const analyzer = open.analyzer!;

    guard.check();
    const { fileFindings, crossFile } = await findingsOf(files, readFiles, memo, options, { clock, warn, guard, pack });

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
      profile: {
        phases: clock.timings,
        samples: profile.samples,
        workers: workerStats,
        ...pick(profile),
        codeCache: codeCacheUse(workerStats),
        ...(inputs.statManifest ? { statManifest: inputs.statManifest() } : {}),
      },
      warnings,
      ...(analyzer.summary ? { queue: analyzer.summary() } : {}),
      ...(memo.digest ? { memoDigest: memo.digest } : {}),
    };
  } finally {
    sampler.stop();
    await Promise.allSettled([open.analyzer?.close(), open.cache.close()]);
  }
}

/** The code cache over all analysis threads: a bench child's proof of the state it started with. */
function codeCacheUse(workers: readonly WorkerStats[]): CodeCacheUse {
  let loaded = 0;
  let compiled = 0;
  for (const w of workers) {
    loaded += w.codeCache?.loaded ?? 0;
    compiled += w.codeCache?.compiled ?? 0;
  }
  return { loaded, compiled };
}

function pick(profile: SamplerOutput) {
  const { peakRssBytes, cpuUserMs, cpuSystemMs, processCpuMs } = profile;
  return { peakRssBytes, cpuUserMs, cpuSystemMs, processCpuMs };
}
