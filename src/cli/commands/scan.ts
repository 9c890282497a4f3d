import { once } from 'node:events';
import { ScanEventBus } from '../../engine/events.js';
import { scan } from '../../engine/scan.js';
import { createNdjsonListener } from '../../listeners/ndjson.js';
import { createPlainProgressListener } from '../../listeners/plain-progress.js';
import { loadChunkedReporter } from '../../reporters/index.js';
import type { ScanResult } from '../../types.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, exitCodeFor } from '../exit-code.js';
import type { CliIO } from '../../io.js';
import type { CommandHandler } from '../command.js';
import { parseScanArgs, type ScanCommandOptions } from '../scan-args.js';
import { useColor } from '../terminal.js';
import { checkOutputTarget, writeOutput, type OutputTarget } from '../../util/output-target.js';

/** `sonde scan`: the interactive UI in a terminal, reports and progress lines everywhere else. */
export const scanCommand: CommandHandler = async (argv, io) => {
  const options = parseScanArgs(argv, io.cwd, io.env);
  const color = useColor(io);
  // Checked before any work: an unwritable -o must not cost a whole scan first.
  const output = options.output ? checkOutputTarget(options.output, 'the report') : undefined;
  if (options.cpuProf) checkOutputTarget(options.cpuProf, 'the CPU profile');
  const interactive = options.ui && options.format === 'pretty' && !options.output && io.stdout.isTTY === true && !io.env.CI;

  const profiler = options.cpuProf ? await (await import('../../profiler/cpu-profile.js')).startCpuProfile() : undefined;
  try {
    if (interactive) {
      const { result, interrupted } = await scanInteractively(options, io, color);
      // The UI resolves undefined when the scan failed (it has shown why) or was stopped
      // (Ctrl-C, q mid-scan: raw mode turns Ctrl-C into a key, so io.signal alone does not tell).
      if (!result) {
        if (!interrupted && !io.signal?.aborted) return EXIT_ERROR;
        io.stderr.write('sonde: Scan interrupted.\n');
        return EXIT_INTERRUPTED;
      }
      return exitCodeFor(result, options.failOn);
    }
    return exitCodeFor(await scanAndReport(options, output, io, color), options.failOn);
  } finally {
    await profiler?.stop(options.cpuProf!);
  }
};

/** Scans with progress on stderr and writes the report as the scan's `report` phase. */
async function scanAndReport(options: ScanCommandOptions, output: OutputTarget | undefined, io: CliIO, color: boolean): Promise<ScanResult> {
  const bus = new ScanEventBus();
  if (options.progress === 'ndjson') bus.on(createNdjsonListener(io.stderr));
  else if (options.progress !== 'none') bus.on(createPlainProgressListener(io.stderr));
  const report = async (result: ScanResult) => {
    const reporter = await loadChunkedReporter(options.format);
    const chunks = reporter(result, { color: color && !output, columns: io.stdout.columns ?? 80, top: options.top });
    if (output) writeOutput(output, chunks);
    else await writeChunks(io.stdout, chunks);
  };
  return scan(options.scan, { bus, report, ...(io.signal ? { signal: io.signal } : {}) });
}

async function scanInteractively(
  options: ScanCommandOptions,
  io: CliIO,
  color: boolean,
): Promise<{ result: ScanResult | undefined; interrupted: boolean }> {
  const { runScanUi } = await import('../../ui/scan/run-scan-ui.js');
  let interrupted = false;
  const result = await runScanUi({
    io,
    root: options.scan.root,
    color,
    runScan: async (bus, signal) => {
      interrupted = false;
      try {
        return await scan(options.scan, { bus, signal });
      } catch (error) {
        interrupted = signal.aborted;
        throw error;
      }
    },
  });
  return { result, interrupted };
}

/** Writes in order, waiting for the stream to drain so a large report never sits whole in memory. */
async function writeChunks(stream: CliIO['stdout'], chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk) && !stream.writableEnded && !stream.destroyed) await once(stream, 'drain');
  }
}
