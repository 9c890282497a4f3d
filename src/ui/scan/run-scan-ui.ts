import { createElement } from 'react';
import type { CliIO } from '../../io.js';
import type { ScanEventBus } from '../../engine/events.js';
import type { ScanResult } from '../../types.js';
import { createTrackedTask, runInkApp } from '../kit/run-ink-app.js';
import { ScanApp } from './ScanApp.js';

/** What the CLI hands the interactive scan view. */
interface ScanUiParams {
  readonly io: CliIO;
  readonly root: string;
  /** Runs one scan, emitting events on the bus; called again for `r` (rescan). */
  readonly runScan: (bus: ScanEventBus, signal: AbortSignal) => Promise<ScanResult>;
  readonly color: boolean;
  /** `--watch`: `runScan` stays resident and the view follows its results. */
  readonly watch?: boolean;
  /** Called when the user pressed Ctrl-C in the view (mid-scan or after): the command then ends as interrupted. */
  readonly onCtrlC?: () => void;
}

/**
 * Shows the interactive scan UI on `io` until the user quits. Resolves with
 * the result of the last scan when it succeeded, undefined when it failed or
 * was aborted (q or Ctrl-C during the scan, or `io.signal`). Waits for an
 * aborted scan to settle, so workers and the cache are closed on return.
 */
export async function runScanUi({ io, root, runScan, color, onCtrlC, watch = false }: ScanUiParams): Promise<ScanResult | undefined> {
  let outcome: ScanResult | undefined;
  const task = createTrackedTask();
  const element = createElement(ScanApp, {
    root,
    color,
    runScan: (bus: ScanEventBus, signal: AbortSignal) => task.track(runScan(bus, signal)),
    onOutcome: (result) => (outcome = result),
    watch,
  });
  const result = await runInkApp(element, io, task, () => outcome, onCtrlC);
  // A watch is always running when the user leaves: its last result is still theirs.
  return watch ? outcome : result;
}
