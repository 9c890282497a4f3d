import type { ScanEvent, ScanListener } from '../engine/events.js';
import type { OutputStream } from '../io.js';
import { escapeTerminal } from '../text/index.js';
import type { Finding, ScanResult } from '../types.js';
import { createPlainProgressListener } from './plain-progress.js';

/** Changed paths named in a batch line before "and N more". */
const NAMED_PATHS = 3;

/**
 * `sonde scan --watch` in plain mode: the first scan's progress as usual,
 * then one line per settled batch: what changed, findings new and resolved,
 * the totals. A delta, not the whole report (that is `-o FILE`'s job).
 */
export function createWatchPlainListener(stderr: OutputStream): ScanListener {
  const first = createPlainProgressListener(stderr);
  let previous: ReadonlySet<string> | undefined;
  return (event: ScanEvent) => {
    if (event.type !== 'scan:done' || !event.changed) {
      if (previous === undefined || event.type === 'warning') first(event);
      if (event.type === 'scan:done') previous = findingKeys(event.result);
      return;
    }
    const now = findingKeys(event.result);
    let added = 0;
    let resolved = 0;
    for (const key of now) if (!previous?.has(key)) added += 1;
    for (const key of previous ?? []) if (!now.has(key)) resolved += 1;
    previous = now;
    const named = event.changed.slice(0, NAMED_PATHS).map(escapeTerminal).join(', ');
    const more = event.changed.length > NAMED_PATHS ? ` and ${event.changed.length - NAMED_PATHS} more` : '';
    stderr.write(
      `sonde: ${event.changed.length} changed (${named}${more}): ${added} new, ${resolved} resolved; ` +
        `${now.size} findings in ${event.result.files.length} files (${Math.round(event.result.durationMs)} ms)\n`,
    );
  };
}

function findingKeys(result: ScanResult): Set<string> {
  const keys = new Set<string>();
  const add = (path: string | undefined, finding: Finding) => {
    if (!finding.suppressed) keys.add(`${path ?? ''}\0${finding.rule}\0${finding.line}\0${finding.column}\0${finding.message}`);
  };
  for (const [path, findings] of result.fileFindings) for (const finding of findings) add(path, finding);
  for (const finding of result.crossFile.findings) add(finding.path, finding);
  return keys;
}
