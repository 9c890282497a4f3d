/**
 * The live state of a running scan, folded from ScanEvents by a pure reducer.
 * The UI hook batches events and applies them here once per frame, so the
 * cost of an event is a few field updates, never a render.
 */
import type { ScanEvent } from '../../engine/events.js';
import type { PhaseName, ScanResult, Strategy, WorkerStats } from '../../types.js';
import { escapeTerminal } from '../../text/index.js';

/** How many profiler samples the live sparkline keeps. */
const SAMPLE_WINDOW = 120;

/** One finished log line (warning or per-file error), shown above the live area. */
export interface LogLine {
  readonly id: number;
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** Everything the scanning view shows. */
export interface ScanProgress {
  readonly root: string;
  readonly strategy: Strategy | undefined;
  readonly workers: number;
  readonly cache: boolean;
  /** ms timestamp (the reducer's clock) of scan:start. */
  readonly startedAt: number | undefined;
  /** ms timestamp of the last applied batch. */
  readonly now: number;
  readonly phase: PhaseName | undefined;
  readonly phases: readonly { readonly phase: PhaseName; readonly durationMs: number }[];
  readonly total: number | undefined;
  readonly skipped: number;
  readonly done: number;
  readonly lines: number;
  readonly cacheHits: number;
  readonly errors: number;
  /** Files finished per analysis thread id (cache hits are not attributed). */
  readonly perWorker: ReadonlyMap<number, number>;
  readonly workerStats: readonly WorkerStats[];
  /** Recent RSS values (bytes), oldest first. */
  readonly rss: readonly number[];
  readonly cpuPercent: number | undefined;
  readonly logs: readonly LogLine[];
  /** Log lines not shown because the cap was reached. */
  readonly droppedLogs: number;
  readonly result: ScanResult | undefined;
}

/** Cap on log lines printed during one scan; the rest are counted, and the Files/Findings tabs list them all. */
export const MAX_LOG_LINES = 50;

/** The state before any event. */
export function initialProgress(root: string, now: number): ScanProgress {
  return {
    root,
    strategy: undefined,
    workers: 0,
    cache: false,
    startedAt: undefined,
    now,
    phase: undefined,
    phases: [],
    total: undefined,
    skipped: 0,
    done: 0,
    lines: 0,
    cacheHits: 0,
    errors: 0,
    perWorker: new Map(),
    workerStats: [],
    rss: [],
    cpuPercent: undefined,
    logs: [],
    droppedLogs: 0,
    result: undefined,
  };
}

/**
 * Applies a batch of events at time `now`. Collections are copied once per
 * batch (not per event), which keeps a 10,000-event batch cheap.
 */
export function applyEvents(state: ScanProgress, events: readonly ScanEvent[], now: number): ScanProgress {
  const next = { ...state, now } as { -readonly [K in keyof ScanProgress]: ScanProgress[K] };
  let perWorker: Map<number, number> | undefined;
  let rss: number[] | undefined;
  let logs: LogLine[] | undefined;
  let phases: { phase: PhaseName; durationMs: number }[] | undefined;
  const log = (level: LogLine['level'], text: string): void => {
    logs ??= [...next.logs];
    if (logs.length >= MAX_LOG_LINES) {
      next.droppedLogs += 1;
      return;
    }
    const last = logs[logs.length - 1];
    logs.push({ id: (last?.id ?? -1) + 1, level, text: escapeTerminal(text) });
  };
  for (const event of events) {
    switch (event.type) {
      case 'scan:start':
        next.root = escapeTerminal(event.root);
        next.strategy = event.strategy;
        next.workers = event.workers;
        next.cache = event.cache;
        next.startedAt = now;
        break;
      case 'phase:start':
        next.phase = event.phase;
        break;
      case 'phase:end':
        phases ??= [...next.phases];
        phases.push({ phase: event.phase, durationMs: event.durationMs });
        break;
      case 'files:discovered':
        next.total = event.total;
        next.skipped = event.skipped;
        break;
      case 'file:done':
        next.done += 1;
        next.lines += event.lines;
        if (event.cached) next.cacheHits += 1;
        if (event.error !== undefined) {
          next.errors += 1;
          log('error', `${event.path}: ${event.error}`);
        }
        if (!event.cached && event.workerId !== undefined) {
          perWorker ??= new Map(next.perWorker);
          perWorker.set(event.workerId, (perWorker.get(event.workerId) ?? 0) + 1);
        }
        break;
      case 'workers:stats':
        next.workerStats = event.workers;
        break;
      case 'sample':
        rss ??= [...next.rss];
        rss.push(event.sample.rss);
        next.cpuPercent = event.sample.cpuPercent;
        break;
      case 'warning':
        log('warning', `${event.code}: ${event.message}`);
        break;
      case 'scan:done':
        next.result = event.result;
        next.phase = undefined;
        break;
    }
  }
  if (perWorker) next.perWorker = perWorker;
  if (rss) next.rss = rss.length > SAMPLE_WINDOW ? rss.slice(rss.length - SAMPLE_WINDOW) : rss;
  if (logs) next.logs = logs;
  if (phases) next.phases = phases;
  return next;
}

/** Derived rates for the progress line. */
interface ProgressRates {
  readonly elapsedMs: number;
  readonly filesPerSecond: number;
  readonly linesPerSecond: number;
  /** Estimated ms left, or undefined while unknown. */
  readonly etaMs: number | undefined;
  /** done ÷ total, 0 while the total is unknown. */
  readonly fraction: number;
}

/** files/s, lines/s and ETA from the counts and the elapsed time. */
export function progressRates(state: ScanProgress): ProgressRates {
  const elapsedMs = state.startedAt === undefined ? 0 : Math.max(0, state.now - state.startedAt);
  const seconds = elapsedMs / 1000;
  const filesPerSecond = seconds > 0 ? state.done / seconds : 0;
  const linesPerSecond = seconds > 0 ? state.lines / seconds : 0;
  const total = state.total;
  const fraction = total ? Math.min(1, state.done / total) : 0;
  const etaMs =
    total !== undefined && filesPerSecond > 0 ? (Math.max(0, total - state.done) / filesPerSecond) * 1000 : undefined;
  return { elapsedMs, filesPerSecond, linesPerSecond, etaMs, fraction };
}
