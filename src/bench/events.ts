/**
 * What `sonde bench` reports while it runs; the Ink bench view and the plain
 * logger are listeners. `BenchReport` (src/bench/types.ts) is the final result.
 */
export type BenchEvent =
  | {
      readonly type: 'bench:start';
      readonly target: string;
      readonly strategies: readonly string[];
      /** Planned measured runs per strategy (may grow or shrink adaptively). */
      readonly plannedRuns: number;
      readonly warmupRuns: number;
    }
  | { readonly type: 'run:start'; readonly strategy: string; readonly run: number; readonly warmup: boolean }
  | {
      readonly type: 'run:done';
      readonly strategy: string;
      readonly run: number;
      readonly warmup: boolean;
      readonly wallMs: number;
      readonly peakRssBytes: number;
      /** Set when the run failed. */
      readonly error?: string;
    }
  | { readonly type: 'suite:size'; readonly size: string; readonly files: number }
  | { readonly type: 'bench:message'; readonly level: 'info' | 'warning'; readonly message: string }
  | { readonly type: 'bench:done' };

export type BenchListener = (event: BenchEvent) => void;
