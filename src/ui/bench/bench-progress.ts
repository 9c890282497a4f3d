/**
 * The live state of `sonde bench`, folded from BenchEvents by a pure reducer
 * (applied once per frame by the batching hook).
 */
import type { BenchEvent } from '../../bench/events.js';
import type { LogLine } from '../scan/scan-progress.js';
import { escapeTerminal } from '../../text/index.js';

/** One run of one strategy. */
export interface BenchCell {
  readonly run: number;
  readonly warmup: boolean;
  readonly status: 'running' | 'done' | 'failed';
  readonly wallMs?: number;
  readonly peakRssBytes?: number;
  readonly error?: string;
}

export interface BenchProgress {
  readonly target: string;
  readonly strategies: readonly string[];
  readonly plannedRuns: number;
  readonly warmupRuns: number;
  /** The suite size being measured, when running the suite. */
  readonly size: { readonly name: string; readonly files: number } | undefined;
  /** Runs per strategy, in the order they started. */
  readonly cells: ReadonlyMap<string, readonly BenchCell[]>;
  readonly messages: readonly LogLine[];
  readonly startedAt: number;
  readonly now: number;
  readonly done: boolean;
}

export function initialBench(now: number): BenchProgress {
  return { target: '', strategies: [], plannedRuns: 0, warmupRuns: 0, size: undefined, cells: new Map(), messages: [], startedAt: now, now, done: false };
}

export function applyBenchEvents(state: BenchProgress, events: readonly BenchEvent[], now: number): BenchProgress {
  // The clock stops when the benchmark is done, so the header shows its duration.
  let next: BenchProgress = { ...state, now: state.done ? state.now : now };
  let cells: Map<string, BenchCell[]> | undefined;
  const mutable = (): Map<string, BenchCell[]> => (cells ??= new Map([...next.cells].map(([k, v]) => [k, [...v]])));
  const message = (level: LogLine['level'], text: string): void => {
    const last = next.messages[next.messages.length - 1];
    next = { ...next, messages: [...next.messages, { id: (last?.id ?? -1) + 1, level, text: escapeTerminal(text) }] };
  };
  for (const event of events) {
    switch (event.type) {
      case 'bench:start':
        next = { ...next, target: escapeTerminal(event.target), strategies: event.strategies, plannedRuns: event.plannedRuns, warmupRuns: event.warmupRuns, startedAt: now };
        break;
      case 'suite:size':
        // A new size starts a fresh matrix; the previous size's line stays in the log.
        cells = new Map();
        next = { ...next, size: { name: event.size, files: event.files } };
        message('info', `suite size ${event.size}: ${event.files} files`);
        break;
      case 'run:start': {
        const map = mutable();
        const list = map.get(event.strategy) ?? [];
        list.push({ run: event.run, warmup: event.warmup, status: 'running' });
        map.set(event.strategy, list);
        if (!next.strategies.includes(event.strategy)) next = { ...next, strategies: [...next.strategies, event.strategy] };
        break;
      }
      case 'run:done': {
        const map = mutable();
        const list = map.get(event.strategy) ?? [];
        const cell: BenchCell = {
          run: event.run,
          warmup: event.warmup,
          status: event.error === undefined ? 'done' : 'failed',
          wallMs: event.wallMs,
          peakRssBytes: event.peakRssBytes,
          ...(event.error === undefined ? {} : { error: event.error }),
        };
        const index = list.findIndex((c) => c.run === event.run && c.warmup === event.warmup && c.status === 'running');
        if (index >= 0) list[index] = cell;
        else list.push(cell);
        map.set(event.strategy, list);
        if (event.error !== undefined) message('error', `${event.strategy} run ${event.run}: ${event.error}`);
        break;
      }
      case 'bench:message':
        message(event.level, event.message);
        break;
      case 'bench:done':
        next = { ...next, done: true };
        break;
    }
  }
  return cells ? { ...next, cells } : next;
}
