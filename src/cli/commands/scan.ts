import { once } from 'node:events';
import { findRepoRoot } from '../../config/repo-root.js';
import { SOURCE_EXTENSIONS } from '../../config/options.js';
import { ScanEventBus } from '../../engine/events.js';
import { scan } from '../../engine/scan.js';
import { UserError } from '../../errors.js';
import { createWarningListener } from '../../listeners/warnings.js';
import { loadChunkedReporter, type ReporterOptions } from '../../reporters/index.js';
import type { ScanResult } from '../../types.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, exitVerdict } from '../exit-code.js';
import { keepReport, replayable, replayedChunks, replayedCounts, replayKey } from '../report-replay.js';
import type { CliIO } from '../../io.js';
import type { CommandHandler } from '../command.js';
import { parseScanArgs, type ScanCommandOptions } from '../scan-args.js';
import { useColor } from '../terminal.js';
import { checkOutputTarget, writeOutput, type OutputTarget } from '../../util/output-target.js';
import { escapeTerminal } from '../../text/escape.js';
import { createMemoryGuard, guardedChunks } from '../../profiler/memory-guard.js';
import { PACK_FROM_FILES } from '../../engine/packed-facts.js';
import { withoutSuppressed } from '../../config/suppressions.js';
import { prepareSuppressions, processSuppressions, type PreparedSuppressions } from '../suppressions-file.js';

/** `sonde scan`: the interactive UI in a terminal, reports and progress lines everywhere else. */
export const scanCommand: CommandHandler = async (argv, io) => {
  const options = parseScanArgs(argv, io.cwd, io.env);
  const color = useColor(io, options.color);
  // Checked before any work: an unwritable -o must not cost a whole scan first.
  const output = options.output ? checkOutputTarget(options.output, 'the report') : undefined;
  if (options.cpuProf) checkOutputTarget(options.cpuProf, 'the CPU profile');
  const suppressions = prepareSuppressions(options.suppressions);
  // --quiet is about the report: the interactive browser shows everything, so a quiet run prints the report instead.
  const interactive = options.ui && options.format === 'pretty' && !options.quiet && !options.output && io.stdout.isTTY === true && !io.env.CI;

  const profiler = options.cpuProf ? await (await import('../../profiler/cpu-profile.js')).startCpuProfile() : undefined;
  try {
    if (options.watch && !interactive) {
      const { watchAndReport } = await import('./scan-watch.js');
      const reload = () => parseScanArgs(argv, io.cwd, io.env).scan;
      return await watchAndReport({ options, output, io, reload, report: reportFor(argv, options, output, io, color), finish: (result) => suppress(result, options, suppressions, io) });
    }
    if (interactive) {
      const { result, interrupted, ctrlC } = await scanInteractively(argv, options, suppressions, io, color);
      // The UI resolves undefined when the scan failed (it has shown why) or was stopped
      // (Ctrl-C, q mid-scan: raw mode turns Ctrl-C into a key, so io.signal alone does not tell).
      // Ctrl-C at any stage, even on the finished results, ends as in plain mode: 130 and the message.
      if (!result || ctrlC) {
        if (!ctrlC && !interrupted && !io.signal?.aborted) return EXIT_ERROR;
        io.stderr.write('sonde: Scan interrupted.\n');
        return EXIT_INTERRUPTED;
      }
      checkSomethingMatched(result, options);
      return verdict(result, options, io);
    }
    return verdict(await scanAndReport(argv, options, output, suppressions, io, color), options, io);
  } finally {
    await profiler?.stop(options.cpuProf!);
  }
};

/** The exit code; when --max-warnings decided it, a line on stderr says so (as ESLint does). */
function verdict(result: ScanResult, options: ScanCommandOptions, io: CliIO): number {
  // A replayed report's findings were not loaded: the counts kept with it decide.
  const { code, tooManyWarnings } = exitVerdict(result, options, result.replayed ? replayedCounts(result).counts : undefined);
  if (tooManyWarnings) {
    io.stderr.write(`sonde: ${tooManyWarnings.count} warnings, more than --max-warnings ${tooManyWarnings.max} allows.\n`);
  }
  return code;
}

/**
 * No file matched: a typo in --include (or a wrong path) would otherwise pass
 * CI with an empty report. ESLint exits 2 here too.
 */
function checkSomethingMatched(result: ScanResult, options: ScanCommandOptions): void {
  const matched = result.replayed ? replayedCounts(result).matched : result.files.length > 0 || result.skipped.length > 0;
  if (!options.errorOnUnmatchedPattern || matched) return;
  const { include, exclude } = options.scan;
  const patterns = include.length > 0 ? include.map((pattern) => `'${pattern}'`).join(', ') : `the source extensions (.${SOURCE_EXTENSIONS.join(', .')})`;
  const excluded = exclude.length > 0 ? `, excluding ${exclude.map((pattern) => `'${pattern}'`).join(', ')}` : '';
  throw new UserError(
    'NO_FILES_MATCHED',
    `No files matched ${patterns}${excluded} in ${escapeTerminal(result.root)}.`,
    'Check the path and the patterns, or pass --no-error-on-unmatched-pattern to accept an empty scan.',
  );
}

/** How the human formats lay out: whole lines when stdout is not a terminal, paths from the working directory. */
function reporterOptions(options: ScanCommandOptions, output: OutputTarget | undefined, io: CliIO, color: boolean): ReporterOptions {
  const terminal = !output && io.stdout.isTTY === true;
  return {
    color: color && !output,
    // Not a terminal: no truncation and no wrapping, which would break grep.
    columns: terminal ? (io.stdout.columns ?? 80) : Infinity,
    top: options.top,
    ...(options.maxFindings !== undefined ? { maxFindings: options.maxFindings } : {}),
    focus: options.focus,
    collapse: options.collapse,
    cwd: io.cwd,
    repoRoot: findRepoRoot(options.scan.root) ?? io.cwd,
  };
}

/** The result with suppressed findings marked, after rewriting the suppressions file when asked to. */
function suppress(result: ScanResult, options: ScanCommandOptions, prepared: PreparedSuppressions, io: CliIO): ScanResult {
  const { result: marked, note } = processSuppressions(result, options.suppressions, prepared.existing, prepared.target);
  if (note) io.stderr.write(note);
  return marked;
}

/** JSON and SARIF list suppressed findings as such; the human formats leave them out and count them. */
const LISTS_SUPPRESSED: ReadonlySet<string> = new Set(['json', 'sarif']);

/** Scans with progress on stderr and writes the report as the scan's `report` phase. */
async function scanAndReport(
  argv: readonly string[],
  options: ScanCommandOptions,
  output: OutputTarget | undefined,
  suppressions: PreparedSuppressions,
  io: CliIO,
  color: boolean,
): Promise<ScanResult> {
  const bus = new ScanEventBus();
  // Each listener is loaded only when its progress mode is asked for (a warm scan is mostly start-up).
  if (options.progress === 'ndjson') bus.on((await import('../../listeners/ndjson.js')).createNdjsonListener(io.stderr));
  else if (options.progress !== 'none') bus.on((await import('../../listeners/plain-progress.js')).createPlainProgressListener(io.stderr));
  else bus.on(createWarningListener(io.stderr));
  // A replayable run lays its report out with the very options its replay key is made of.
  const presentation = replayable(options) ? reporterOptions(options, output, io, color) : undefined;
  const key = presentation && replayKey(options, presentation, suppressions.existing);
  const report = reportFor(argv, options, output, io, color, presentation && key ? { presentation, replay: key } : undefined);
  const finish = (result: ScanResult) => suppress(result, options, suppressions, io);
  return scan(options.scan, { bus, report, finish, ...(key ? { replay: { key } } : {}), ...(io.signal ? { signal: io.signal } : {}) });
}

/** Writes the report of a result: to `-o` (atomically: temp file + rename) or to stdout. */
function reportFor(
  argv: readonly string[],
  options: ScanCommandOptions,
  output: OutputTarget | undefined,
  io: CliIO,
  color: boolean,
  /** A replayable run's layout and replay key; otherwise each report is laid out when it is written. */
  fixed?: { readonly presentation: ReporterOptions; readonly replay: string },
): (marked: ScanResult) => Promise<void> {
  const replay = fixed?.replay;
  return async (marked: ScanResult) => {
    checkSomethingMatched(marked, options);
    const presentation = fixed?.presentation ?? reporterOptions(options, output, io, color);
    if (marked.replayed) {
      const chunks = await replayedChunks(marked, options, presentation);
      if (output) writeOutput(output, chunks);
      else await writeChunks(io.stdout, chunks);
      return;
    }
    const shown = LISTS_SUPPRESSED.has(options.format) ? marked : withoutSuppressed(marked);
    const reporter = await loadChunkedReporter(options.format);
    const html =
      options.format === 'html'
        ? { html: (await import('../html-report-input.js')).htmlReportInput(argv, shown, options.htmlIncludeSource, options.scan.maxFileSize) }
        : {};
    // Under --max-memory, or on a large scan, the report's garbage is collected as it is written.
    const guard = createMemoryGuard(options.scan.maxMemory, shown.files.length >= PACK_FROM_FILES);
    const reported = options.quiet ? (await import('../../reporters/quiet.js')).errorsOnly(shown) : shown;
    // With a replay key, the text is kept as it is written, for the next run with the same inputs.
    const kept: string[] = [];
    const chunks = guardedChunks(reporter(reported, { ...presentation, ...html }), guard);
    const written = replay ? keepEach(chunks, kept) : chunks;
    if (output) writeOutput(output, written);
    else await writeChunks(io.stdout, written);
    if (replay) await keepReport(marked, reported, options, replay, kept.join(''));
    if (options.format === 'mermaid') await warnOnMermaidLimit(shown, presentation, io);
  };
}

/** The chunks, each also pushed to `kept`. */
function* keepEach(chunks: Iterable<string>, kept: string[]): Generator<string> {
  for (const chunk of chunks) {
    kept.push(chunk);
    yield chunk;
  }
}

/** Mermaid refuses to render past its `maxEdges` (500): say so, and how to draw less. */
async function warnOnMermaidLimit(result: ScanResult, presentation: ReporterOptions, io: CliIO): Promise<void> {
  const { MERMAID_MAX_EDGES, graphView } = await import('../../reporters/graph-view.js');
  const edges = graphView(result.crossFile.graph, presentation).edges.length;
  if (edges <= MERMAID_MAX_EDGES) return;
  io.stderr.write(
    `sonde: warning: the mermaid graph has ${edges} edges, over Mermaid's default limit of ${MERMAID_MAX_EDGES}; ` +
      `narrow it with --focus GLOB or --collapse PATTERN, or raise maxEdges in Mermaid's config.\n`,
  );
}

async function scanInteractively(
  argv: readonly string[],
  options: ScanCommandOptions,
  suppressions: PreparedSuppressions,
  io: CliIO,
  color: boolean,
): Promise<{ result: ScanResult | undefined; interrupted: boolean; ctrlC: boolean }> {
  const { runScanUi } = await import('../../ui/scan/run-scan-ui.js');
  let interrupted = false;
  let ctrlC = false;
  let note = '';
  // The view browses what the pretty report would show: suppressed findings
  // are left out (and counted). A note is held until the view has closed.
  const finish = (result: ScanResult) => {
    const processed = processSuppressions(result, options.suppressions, suppressions.existing, suppressions.target);
    note = processed.note ?? '';
    return withoutSuppressed(processed.result);
  };
  const result = await runScanUi({
    io,
    root: options.scan.root,
    color,
    onCtrlC: () => (ctrlC = true),
    watch: options.watch,
    runScan: async (bus, signal) => {
      interrupted = false;
      try {
        if (options.watch) {
          const { watchScan } = await import('../../engine/watch/watch-scan.js');
          const reloadOptions = () => parseScanArgs(argv, io.cwd, io.env).scan;
          return await watchScan(options.scan, { bus, signal, finish, reloadOptions, ...(options.configPath ? { configPath: options.configPath } : {}) });
        }
        return await scan(options.scan, { bus, signal, finish });
      } catch (error) {
        interrupted = signal.aborted;
        throw error;
      }
    },
  });
  if (note) io.stderr.write(note);
  return { result, interrupted, ctrlC };
}

/** Writes in order, waiting for the stream to drain so a large report never sits whole in memory. */
async function writeChunks(stream: CliIO['stdout'], chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk) && !stream.writableEnded && !stream.destroyed) await once(stream, 'drain');
  }
}
