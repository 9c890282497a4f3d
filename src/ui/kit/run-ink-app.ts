import { render } from 'ink';
import type { ReactElement } from 'react';
import type { CliIO } from '../../io.js';

/**
 * Tracks the one long task an interactive view runs (a scan, a benchmark):
 * whether it is still running, and a promise that settles when it does.
 */
interface TrackedTask {
  /** Wraps a task start so the view's runs are observed. */
  track<T>(promise: Promise<T>): Promise<T>;
  readonly running: boolean;
  readonly settled: Promise<unknown>;
}

export function createTrackedTask(): TrackedTask {
  let running = false;
  let settled: Promise<unknown> = Promise.resolve();
  return {
    track(promise) {
      running = true;
      settled = promise.then(
        () => (running = false),
        () => (running = false),
      );
      return promise;
    },
    get running() {
      return running;
    },
    get settled() {
      return settled;
    },
  };
}

/**
 * Renders an Ink app on `io`'s streams until it exits (q, Ctrl-C, or
 * `io.signal`), then waits for a task stopped mid-run to settle — so workers,
 * child processes and the cache are closed on return. Resolves with `outcome()`
 * unless the user left while the task was running (its result is not theirs).
 */
export async function runInkApp<T>(element: ReactElement, io: CliIO, task: TrackedTask, outcome: () => T | undefined): Promise<T | undefined> {
  const app = render(element, {
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
  const leftMidRun = task.running;
  await task.settled;
  return leftMidRun ? undefined : outcome();
}
