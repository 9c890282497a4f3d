import type { ScanEvent, ScanListener } from '../engine/events.js';
import type { OutputStream } from '../io.js';

/**
 * One JSON object per event per line, for machines (`--progress ndjson`).
 * The final result is summarized (the report itself goes to stdout/--output).
 */
export function createNdjsonListener(stream: OutputStream): ScanListener {
  return (event: ScanEvent) => {
    stream.write(`${JSON.stringify(toRecord(event))}\n`);
  };
}

function toRecord(event: ScanEvent): Record<string, unknown> {
  if (event.type !== 'scan:done') return { ...event };
  const { result } = event;
  return {
    type: 'scan:done',
    files: result.files.length,
    errors: result.files.filter((file) => file.error).length,
    durationMs: result.durationMs,
    cache: result.cache,
    ...(event.changed ? { changed: event.changed } : {}),
  };
}
