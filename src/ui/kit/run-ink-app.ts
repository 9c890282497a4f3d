import { render, useApp, useInput } from 'ink';
import { createElement, type ReactElement, type ReactNode } from 'react';
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
 * Ctrl-C in raw mode is a key, not SIGINT: Ink's own handler would just
 * unmount, which looks like `q`. This one tells the caller first, so the
 * command can end as an interrupted plain run does (exit 130 and its message).
 */
function CtrlCExit({ onCtrlC, children }: { onCtrlC: () => void; children?: ReactNode }) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onCtrlC();
      exit();
    }
  });
  return children;
}

/**
 * Renders an Ink app on `io`'s streams until it exits (q, Ctrl-C, or
 * `io.signal`), then waits for a task stopped mid-run to settle — so workers,
 * child processes and the cache are closed on return. Resolves with `outcome()`
 * unless the user left while the task was running (its result is not theirs).
 * `onCtrlC` is called when the user pressed Ctrl-C (at any stage).
 */
export async function runInkApp<T>(
  element: ReactElement,
  io: CliIO,
  task: TrackedTask,
  outcome: () => T | undefined,
  onCtrlC: () => void = () => {},
): Promise<T | undefined> {
  const app = render(createElement(CtrlCExit, { onCtrlC }, element), {
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    ...(io.stdin ? { stdin: io.stdin as NodeJS.ReadStream } : {}),
    // CtrlCExit handles it (and so can tell it from q).
    exitOnCtrlC: false,
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
