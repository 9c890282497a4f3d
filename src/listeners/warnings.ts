import type { ScanEvent, ScanListener } from '../engine/events.js';
import type { OutputStream } from '../io.js';
import { escapeTerminal } from '../text/escape.js';

/**
 * Only the scan's warnings ("cache disabled", …), on stderr: what
 * `--progress none` still prints, since a warning is not progress and a
 * silenced one costs a user hours.
 */
export function createWarningListener(stderr: OutputStream): ScanListener {
  return (event: ScanEvent) => {
    if (event.type === 'warning') stderr.write(`sonde: warning: ${escapeTerminal(event.message)}\n`);
  };
}
