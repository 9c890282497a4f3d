import { render } from 'ink';
import { createElement } from 'react';
import type { CliIO } from '../cli/io.js';
import type { ScanEventBus } from '../engine/events.js';
import type { ScanResult } from '../types.js';
import { ScanApp } from './ScanApp.js';

/** What the CLI hands the interactive scan view. */
export interface ScanUiParams {
  readonly io: CliIO;
  readonly root: string;
  /** Runs one scan, emitting events on the bus; called again for `r` (rescan). */
  readonly runScan: (bus: ScanEventBus, signal: AbortSignal) => Promise<ScanResult>;
  readonly color: boolean;
}

/**
 * Shows the interactive scan UI on `io` until the user quits. Resolves with
 * the result of the last scan when it succeeded, undefined when it failed or
 * was aborted (q or Ctrl-C during the scan, or `io.signal`). Waits for an
 * aborted scan to settle, so workers and the cache are closed on return.
 */
export async function runScanUi({ io, root, runScan, color }: ScanUiParams): Promise<ScanResult | undefined> {
  let outcome: ScanResult | undefined;
  let settled: Promise<unknown> = Promise.resolve();
  let running = false;
  const tracked = (bus: ScanEventBus, signal: AbortSignal): Promise<ScanResult> => {
    running = true;
    const promise = runScan(bus, signal);
    settled = promise.then(
      () => (running = false),
      () => (running = false),
    );
    return promise;
  };
  const app = render(
    createElement(ScanApp, { root, color, runScan: tracked, onOutcome: (result) => (outcome = result) }),
    {
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      ...(io.stdin ? { stdin: io.stdin as NodeJS.ReadStream } : {}),
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  const onAbort = (): void => app.unmount();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await app.waitUntilExit();
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
  }
  // Quitting mid-scan aborted it (ScanApp's effect cleanup): its result is not the user's.
  const abortedMidScan = running;
  await settled;
  return abortedMidScan ? undefined : outcome;
}
