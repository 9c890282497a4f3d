/** `sonde scan --watch` without the interactive view: progress listeners, the report rewritten per batch, Ctrl-C. */
import path from 'node:path';
import type { ScanOptions } from '../../config/options.js';
import { ScanEventBus } from '../../engine/events.js';
import { watchScan } from '../../engine/watch/watch-scan.js';
import { ScanAbortedError } from '../../errors.js';
import type { CliIO } from '../../io.js';
import { createNdjsonListener } from '../../listeners/ndjson.js';
import { createWarningListener } from '../../listeners/warnings.js';
import { createWatchPlainListener } from '../../listeners/watch-plain.js';
import type { ScanResult } from '../../types.js';
import type { OutputTarget } from '../../util/output-target.js';
import { EXIT_INTERRUPTED } from '../exit-code.js';
import type { ScanCommandOptions } from '../scan-args.js';

export interface WatchRun {
  readonly options: ScanCommandOptions;
  readonly output: OutputTarget | undefined;
  readonly io: CliIO;
  /** Parses the same argv again: the config file is read anew. */
  readonly reload: () => ScanOptions;
  /** Writes one report (to -o, or stdout). */
  readonly report: (result: ScanResult) => Promise<void>;
  readonly finish: (result: ScanResult) => ScanResult;
}

/**
 * Watches until Ctrl-C, then exits 130 as an interrupted scan does. With -o
 * the report is rewritten after every batch (temp file + rename, so a reader
 * never sees half of it); without, stdout gets the first report only and each
 * batch is a line (plain) or a `scan:done` event (ndjson) on stderr.
 */
export async function watchAndReport(run: WatchRun): Promise<number> {
  const { options, output, io } = run;
  const bus = new ScanEventBus();
  if (options.progress === 'ndjson') bus.on(createNdjsonListener(io.stderr));
  else if (options.progress !== 'none') bus.on(createWatchPlainListener(io.stderr));
  else bus.on(createWarningListener(io.stderr));
  // Without a signal nothing could ever end the watch: a caller that gives none gets one that never aborts.
  const signal = io.signal ?? new AbortController().signal;
  let reported = false;
  const report = async (result: ScanResult) => {
    if (!output && reported) return;
    reported = true;
    await run.report(result);
  };
  const ignore = output ? isOwnOutput(output.file) : undefined;
  try {
    await watchScan(options.scan, {
      bus,
      signal,
      report,
      finish: run.finish,
      reloadOptions: run.reload,
      ...(options.configPath ? { configPath: options.configPath } : {}),
      ...(ignore ? { ignore } : {}),
    });
  } catch (error) {
    if (!(error instanceof ScanAbortedError) && !signal.aborted) throw error;
  }
  io.stderr.write('sonde: Scan interrupted.\n');
  return EXIT_INTERRUPTED;
}

/** The report file and the temporary file it is written through: sonde's own writes are not changes to scan. */
function isOwnOutput(file: string): (absolutePath: string) => boolean {
  const temporaryPrefix = path.join(path.dirname(file), `.${path.basename(file)}.`);
  return (absolutePath) => absolutePath === file || absolutePath.startsWith(temporaryPrefix);
}
