import type { ScanEvent, ScanListener } from '../engine/events.js';
import type { OutputStream } from '../io.js';
import { escapeTerminal } from '../text/escape.js';

/** At most one progress line per interval: CI logs stay readable on 100k-file scans. */
const DEFAULT_INTERVAL_MS = 1000;

/**
 * Human progress for non-interactive runs, on stderr: the strategy, a
 * throttled `files done/total` line, warnings as they happen, and the end.
 */
export function createPlainProgressListener(
  stderr: OutputStream,
  options: { intervalMs?: number; now?: () => number } = {},
): ScanListener {
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let total = 0;
  let done = 0;
  let cached = 0;
  let lastPrint = now();
  const write = (line: string) => stderr.write(`${line}\n`);
  return (event: ScanEvent) => {
    switch (event.type) {
      case 'files:discovered':
        total = event.total;
        break;
      case 'scan:start':
        write(
          `sonde: scanning ${total} files in ${escapeTerminal(event.root)} (${event.strategy === 'parallel' ? `${event.workers} workers` : 'in-process'}, cache ${event.cache ? 'on' : 'off'})`,
        );
        break;
      case 'file:done': {
        done += 1;
        if (event.cached) cached += 1;
        const time = now();
        if (time - lastPrint >= interval && done < total) {
          lastPrint = time;
          write(`sonde: ${done}/${total} files (${Math.floor((done / total) * 100)}%)${cached ? `, ${cached} from cache` : ''}`);
        }
        break;
      }
      case 'warning':
        write(`sonde: warning: ${escapeTerminal(event.message)}`);
        break;
      case 'scan:done':
        write(`sonde: done: ${done} files in ${(event.result.durationMs / 1000).toFixed(2)} s`);
        break;
      default:
        break;
    }
  };
}
