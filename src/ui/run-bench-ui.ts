import { render } from 'ink';
import { createElement } from 'react';
import type { BenchListener } from '../bench/events.js';
import type { BenchReport } from '../bench/types.js';
import type { CliIO } from '../cli/io.js';
import { BenchApp } from './BenchApp.js';

/** What the CLI hands the interactive bench view. */
export interface BenchUiParams {
  readonly io: CliIO;
  readonly color: boolean;
  /** Runs the whole benchmark, reporting progress to the listener. */
  readonly runBench: (listener: BenchListener, signal: AbortSignal) => Promise<BenchReport>;
}

/**
 * Shows the live bench matrix, then the results, until the user quits.
 * Resolves with the report, or undefined when the benchmark failed or was
 * aborted (q or Ctrl-C while running, or `io.signal`); waits for an aborted
 * benchmark to settle (its child processes to end) before returning.
 */
export async function runBenchUi({ io, color, runBench }: BenchUiParams): Promise<BenchReport | undefined> {
  let outcome: BenchReport | undefined;
  let settled: Promise<unknown> = Promise.resolve();
  let running = false;
  const tracked = (listener: BenchListener, signal: AbortSignal): Promise<BenchReport> => {
    running = true;
    const promise = runBench(listener, signal);
    settled = promise.then(
      () => (running = false),
      () => (running = false),
    );
    return promise;
  };
  const app = render(createElement(BenchApp, { color, runBench: tracked, onOutcome: (report) => (outcome = report) }), {
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    ...(io.stdin ? { stdin: io.stdin as NodeJS.ReadStream } : {}),
    exitOnCtrlC: true,
    patchConsole: false,
  });
  const onAbort = (): void => app.unmount();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await app.waitUntilExit();
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
  }
  const abortedMidRun = running;
  await settled;
  return abortedMidRun ? undefined : outcome;
}
