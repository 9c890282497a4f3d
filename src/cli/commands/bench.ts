/**
 * `sonde bench`: measure scan strategies (or the synthetic suite), print a
 * hyperfine-like report on stdout, write exports, save or compare baselines.
 * Exit 1 only for a significant regression against `--compare`.
 */
import { formatBaselineComparison } from '../../bench/report/format-baseline.js';
import { checkBaselineTarget, compareWithBaseline, defaultBaselineDir, loadBaseline, saveBaselineTo } from '../../bench/results/baseline.js';
import { BENCH_HELP, parseBenchArgs } from '../bench-args.js';
import type { BenchListener } from '../../bench/events.js';
import { checkExportTargets, writeExports } from '../../bench/export/index.js';
import { formatBenchText } from '../../bench/report/format-text.js';
import { createPlainBenchListener } from '../../listeners/bench-plain-progress.js';
import { checkBenchOptions, runBench } from '../../bench/runner.js';
import { UserError } from '../../errors.js';
import type { BenchReport } from '../../bench/types.js';
import { EXIT_ERROR, EXIT_INTERRUPTED } from '../exit-code.js';
import type { CliIO } from '../../io.js';
import type { CommandHandler } from '../command.js';
import { useColor } from '../terminal.js';

/** Seams for the lead: e.g. an Ink bench view on a TTY instead of plain lines. */
export interface BenchCommandDeps {
  readonly createListener?: (io: CliIO) => BenchListener;
  /** Replaces the measurement (tests inject reports with known samples, so verdicts do not depend on timing). */
  readonly runBench?: typeof runBench;
}

export function createBenchCommand(deps: BenchCommandDeps = {}): CommandHandler {
  const measure = deps.runBench ?? runBench;
  return async (argv, io) => {
    const options = parseBenchArgs(argv, io.cwd);
    if (options.help) {
      io.stdout.write(BENCH_HELP);
      return 0;
    }
    // Everything is checked before the benchmark (and before its UI): strategies and numbers,
    // the target, every path this run will write, the baseline it reads. A typo must not cost the whole run.
    checkBenchOptions(options.bench, io.cwd);
    const exports = checkExportTargets(options.exports);
    const settings = { suite: options.bench.suite ?? false, target: options.bench.target ?? io.cwd };
    const dir = options.baselineDir ?? defaultBaselineDir({ settings }, io.cwd);
    const baselineRoot = settings.suite ? io.cwd : settings.target;
    const baselineTarget = options.saveBaseline
      ? checkBaselineTarget(dir, options.saveBaseline, options.baselineDir !== undefined, baselineRoot)
      : undefined;
    const baseline = options.compare ? loadBaseline(dir, options.compare) : undefined;
    const interactive = !options.quiet && !options.noUi && io.stdout.isTTY === true && !io.env.CI && !deps.createListener;
    let report: BenchReport | undefined;
    if (interactive) {
      // The Ink bench view drives the run (live matrix, then results) and returns the report on `q`.
      const { runBenchUi } = await import('../../ui/bench/run-bench-ui.js');
      let interrupted = false;
      let ctrlC = false;
      report = await runBenchUi({
        io,
        color: useColor(io),
        onCtrlC: () => (ctrlC = true),
        runBench: (listener, signal) =>
          measure(options.bench, listener, signal).catch((error: unknown) => {
            interrupted = signal.aborted;
            throw error;
          }),
      });
      if (!report || ctrlC) {
        // Ctrl-C in the view arrives as a key (raw mode), not as io.signal; at any stage it ends as a plain run's Ctrl-C does.
        if (!ctrlC && !interrupted && !io.signal?.aborted) return EXIT_ERROR;
        io.stderr.write('sonde: Benchmark interrupted.\n');
        return EXIT_INTERRUPTED;
      }
    } else {
      const listener: BenchListener = options.quiet
        ? () => {}
        : (deps.createListener?.(io) ?? createPlainBenchListener(io.stderr));
      report = await measure(options.bench, listener, io.signal);
    }
    if (report.results.every((r) => r.samples.length === 0)) {
      const why = report.results[0]?.failures[0]?.error ?? 'no runs';
      throw new UserError('BENCH_FAILED', `Every benchmark run failed: ${why}`, 'Check that `sonde scan` works on this path.');
    }
    if (!interactive) io.stdout.write(formatBenchText(report));
    for (const file of writeExports(report, exports)) io.stderr.write(`wrote ${file}\n`);
    let exitCode = 0;
    if (options.compare && baseline) {
      const comparison = compareWithBaseline(report, baseline, {
        name: options.compare,
        thresholdPercent: options.regressionThreshold,
        alpha: report.settings.alpha,
        seed: report.settings.seed,
      });
      io.stdout.write(`\n${formatBaselineComparison(comparison)}`);
      if (comparison.regressed) exitCode = 1;
    }
    if (baselineTarget) io.stderr.write(`saved baseline ${saveBaselineTo(report, baselineTarget)}\n`);
    return exitCode;
  };
}

/** `sonde bench` with plain progress lines on stderr. */
export const benchCommand: CommandHandler = createBenchCommand();
