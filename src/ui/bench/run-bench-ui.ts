import { createElement } from 'react';
import type { BenchListener } from '../../bench/events.js';
import type { BenchReport } from '../../bench/types.js';
import type { CliIO } from '../../io.js';
import { BenchApp } from './BenchApp.js';
import { createTrackedTask, runInkApp } from '../kit/run-ink-app.js';

/** What the CLI hands the interactive bench view. */
interface BenchUiParams {
  readonly io: CliIO;
  readonly color: boolean;
  /** Runs the whole benchmark, reporting progress to the listener. */
  readonly runBench: (listener: BenchListener, signal: AbortSignal) => Promise<BenchReport>;
  /** Called when the user pressed Ctrl-C in the view (while running or on the results). */
  readonly onCtrlC?: () => void;
}

/**
 * Shows the live bench matrix, then the results, until the user quits.
 * Resolves with the report, or undefined when the benchmark failed or was
 * aborted (q or Ctrl-C while running, or `io.signal`); waits for an aborted
 * benchmark to settle (its child processes to end) before returning.
 */
export async function runBenchUi({ io, color, runBench, onCtrlC }: BenchUiParams): Promise<BenchReport | undefined> {
  let outcome: BenchReport | undefined;
  const task = createTrackedTask();
  const element = createElement(BenchApp, {
    color,
    runBench: (listener: BenchListener, signal: AbortSignal) => task.track(runBench(listener, signal)),
    onOutcome: (report) => (outcome = report),
  });
  return runInkApp(element, io, task, () => outcome, onCtrlC);
}
