/**
 * The scan's inputs, before any analysis: the cache opened, the slot's memo
 * and stat manifest read, the files discovered (or the previous walk reused),
 * read and hashed (or their recorded outcomes reused), the memory plan made,
 * and the memo compared with what was read.
 */
import type { FactsCache } from '../cache/facts-cache.js';
import type { ScanOptions } from '../config/options.js';
import { planMemory, type MemoryPlan } from '../config/memory-budget.js';
import { createMemoryGuard, type MemoryGuard } from '../profiler/memory-guard.js';
import type { Analyzer } from '../analysis/analyzer.js';
import type { SkippedFile, StatManifestUse } from '../types.js';
import type { Discovery, WalkTrace } from './discover.js';
import type { ScanEventBus } from './events.js';
import { PACK_FROM_FILES } from './packed-facts.js';
import type { PhaseClock } from './phases.js';
import { readAll, type ReadFile } from './read-phase.js';
import { lookupMemo, NO_MEMO, readStoredMemo, saveManifest, type MemoLookup, type StoredMemo } from './scan-memo.js';
import { ManifestRecorder, readOptionsKey, ReadShortcut, reuseWalk, type StatManifest } from './stat-manifest.js';
import { openCache, startPoolEarly } from './strategy.js';

/** What the phases open (inputs: the cache, a pool started early; facts: the analyzer), for the pipeline to close whatever happens next. */
export interface OpenResources {
  cache: FactsCache;
  analyzer?: Analyzer;
}

/** The pipeline's tools the phase reports through. */
export interface PhaseTools {
  readonly clock: PhaseClock;
  readonly warn: (code: string, message: string) => void;
  readonly bus: ScanEventBus;
}

export interface ScanInputs {
  readonly readFiles: ReadFile[];
  readonly skipped: SkippedFile[];
  readonly memo: MemoLookup;
  /** Facts held packed (a large scan or a memory budget): engine/packed-facts.ts. */
  readonly pack: boolean;
  readonly memory: MemoryPlan;
  readonly guard: MemoryGuard;
  /** What the stat manifest spared, once the scan is over (absent without one). */
  readonly statManifest?: () => StatManifestUse;
}

/** Reads the scan's inputs; what it opens is put in `open` as soon as it is open. */
export async function readInputs(
  options: ScanOptions,
  context: { readonly cache?: FactsCache; readonly analyzer?: Analyzer; readonly startedAt?: number; readonly replay?: { readonly key: string } },
  tools: PhaseTools,
  open: OpenResources,
): Promise<ScanInputs> {
  const { clock, bus } = tools;
  // A kept report holds no warnings (cli/report-replay.ts): a scan that has any to say is not replayed.
  let warned = 0;
  const warn = (code: string, message: string) => {
    warned += 1;
    tools.warn(code, message);
  };
  const startedAt = context.startedAt ?? Date.now();
  const cache = (open.cache = context.cache ?? (await openCache(options, warn)));
  // Read first: the stat manifest can spare the walk and the reads (stat-manifest.ts). Not under a memory
  // budget, which must not hold a whole tree's manifest.
  const useManifest = cache.enabled && options.maxMemory === undefined;
  const stored: StoredMemo = useManifest ? await clock.time('memo-read', () => readStoredMemo(cache, options, context.replay?.key)) : {};
  const recorder = useManifest ? new ManifestRecorder(startedAt, readOptionsKey(options)) : undefined;

  // Let go once read: 100,000 paths twice over.
  let discovery: Discovery | undefined = await clock.time('discover', () => discoverOrReuse(options, stored.manifest, recorder));
  if (options.shard) discovery = (await import('../queue/shard.js')).sliceDiscovery(discovery, options.shard);
  bus.emit({ type: 'files:discovered', total: discovery.files.length, skipped: discovery.skipped.length });
  for (const message of discovery.warnings ?? []) warn('NAMED_FILE_IGNORED', message);

  // A budget too small for this many files fails here, before a byte is read.
  const memory = planMemory(options.maxMemory, discovery.files.length);
  const pack = options.maxMemory !== undefined || discovery.files.length >= PACK_FROM_FILES;
  const guard = createMemoryGuard(options.maxMemory, pack);

  if (!context.analyzer) open.analyzer = await startPoolEarly(options, memory.maxWorkers);
  const shortcut = recorder && new ReadShortcut(stored.manifest, readOptionsKey(options));
  const { files: readFiles, skipped } = await clock.time('read', () =>
    readAll(discovery!, options.maxFileSize, options.skipGenerated, memory.batchBytes, recorder && { recorder, shortcut }),
  );
  discovery = undefined;

  // The scan memo (scan-memo.ts): on a hit, every fact and the whole result; otherwise the facts of unchanged content.
  // Not on packed scans: a memo is parsed whole, which a memory-bounded scan must not do.
  const replayText = warned === 0 ? stored.replayText : undefined;
  const memo = cache.enabled && !pack ? await clock.time('memo', () => lookupMemo(cache, { options, files: readFiles, skipped }, stored.memo, replayText)) : NO_MEMO;
  // What the next scan may skip reading; rewritten only when it changed (it is small: no memo rewrite).
  if (recorder && !recorder.unchanged) await clock.time('memo-write', () => saveManifest(cache, options, recorder.finish()));
  return {
    readFiles,
    skipped,
    memo,
    pack,
    memory,
    guard,
    ...(recorder && shortcut ? { statManifest: () => ({ walkReused: recorder.walkReused, readsSkipped: shortcut.served }) } : {}),
  };
}

/**
 * The files to scan: the previous walk when the stat manifest shows that
 * nothing it listed or read has changed, else a walk (loading fast-glob only
 * then), traced for the next scan's manifest.
 */
async function discoverOrReuse(options: ScanOptions, manifest: StatManifest | undefined, recorder: ManifestRecorder | undefined): Promise<Discovery> {
  const named = options.paths.length > 0;
  const reused = recorder && !named ? reuseWalk(manifest?.walk, options.root) : undefined;
  if (reused) {
    recorder!.keepWalk(manifest!.walk!);
    return reused;
  }
  const { discover } = await import('./discover.js');
  if (!recorder || named) {
    recorder?.noWalk();
    return discover(options);
  }
  const trace: WalkTrace = { dirs: new Set(), ignoreFiles: [] };
  const discovery = discover(options, trace);
  recorder.walk(options.root, trace.dirs, trace.ignoreFiles, discovery);
  return discovery;
}

