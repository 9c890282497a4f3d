/**
 * `runBench`: the programmatic entry of `sonde bench`. Measures the
 * strategies on a tree (or on the synthetic suite), then derives statistics,
 * comparisons and recommendations into one BenchReport.
 */
import fs from 'node:fs';
import { UserError } from '../errors.js';
import { generateProject } from '../generate/index.js';
import { compareWithReference } from './results/analyze.js';
import type { BenchListener } from './events.js';
import { machineInfo } from './run/machine.js';
import { measureStrategies } from './run/measure.js';
import { resolveBenchOptions, type BenchOptions, type ResolvedBenchOptions } from './options.js';
import { recommend } from './results/recommend.js';
import { runSuite, type ProjectGenerator } from './run/suite.js';
import { BENCH_SCHEMA_VERSION, type BenchReport, type BenchSettings } from './types.js';
import { createWorkspace } from './run/workspace.js';

/** Seams for tests; real defaults. */
interface BenchDeps {
  readonly generate?: ProjectGenerator;
  readonly now?: () => Date;
}

function settingsOf(o: ResolvedBenchOptions): BenchSettings {
  return {
    target: o.suite ? (o.suiteDir ?? '(generated in a temporary directory)') : o.target,
    strategies: o.specs.map((s) => s.name),
    reference: o.reference,
    warmupRuns: o.warmupRuns,
    minRuns: o.minRuns,
    maxRuns: o.maxRuns,
    timeBudgetMs: o.timeBudgetMs,
    targetRme: o.targetRme,
    alpha: o.alpha,
    seed: o.seed,
    suite: o.suite,
    sizes: o.suite ? o.sizes : [],
  };
}

const defaultGenerator: ProjectGenerator = (size, seed, outDir) => generateProject({ size, seed, outDir });

/**
 * Everything about the options that can be wrong, checked without running
 * anything: strategies parse, numbers are in range, the reference is among
 * the strategies, the target is a directory. Throws the UserError; the CLI
 * calls it before any measurement (and before its UI starts).
 */
export function checkBenchOptions(options: BenchOptions, cwd = process.cwd()): ResolvedBenchOptions {
  const o = resolveBenchOptions(options, cwd);
  if (!o.suite && !fs.statSync(o.target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError('ROOT_NOT_FOUND', `No directory at ${o.target}.`, 'Pass the path of a project to benchmark.');
  }
  return o;
}

/** Runs a benchmark; events go to `listener`; `signal` stops it (rejects with an ABORTED UserError). */
export async function runBench(options: BenchOptions, listener: BenchListener, signal?: AbortSignal, deps: BenchDeps = {}): Promise<BenchReport> {
  const o = checkBenchOptions(options);
  const started = performance.now();
  const date = deps.now?.() ?? new Date();
  const settings = settingsOf(o);
  const strategies = o.specs.map((s) => s.name);
  listener({
    type: 'bench:start',
    target: o.suite ? `suite (${o.sizes.join(', ')})` : o.target,
    strategies,
    plannedRuns: o.minRuns,
    warmupRuns: o.warmupRuns,
  });
  const workspace = createWorkspace();
  try {
    const measure = { ...o, bin: o.bin };
    let results;
    let comparisons;
    let suite = null;
    if (o.suite) {
      const generate = deps.generate ?? defaultGenerator;
      suite = await runSuite(o.specs, measure, generate, workspace, listener, signal);
      const largest = suite.sizes[suite.sizes.length - 1];
      results = largest?.results ?? [];
      comparisons = largest?.comparisons ?? [];
    } else {
      results = await measureStrategies(o.target, o.specs, measure, workspace, listener, signal);
      comparisons = compareWithReference(results, o.reference, o);
    }
    const warnings = suite
      ? suite.sizes.flatMap((size) => size.results.flatMap((r) => r.warnings.map((w) => `${size.size}: ${w}`)))
      : results.flatMap((r) => r.warnings);
    for (const r of results) {
      if (r.samples.length === 0) warnings.push(`${r.strategy}: every run failed (${r.failures[0]?.error ?? 'unknown error'}).`);
    }
    const fileCounts = new Set(results.flatMap((r) => r.samples.map((s) => s.files)));
    if (fileCounts.size > 1) {
      warnings.push(`the strategies scanned different file counts (${[...fileCounts].join(', ')}); comparisons may be skewed.`);
    }
    for (const w of warnings) listener({ type: 'bench:message', level: 'warning', message: w });
    const report: BenchReport = {
      schemaVersion: BENCH_SCHEMA_VERSION,
      kind: 'sonde-bench',
      machine: machineInfo(date),
      settings,
      results,
      comparisons,
      recommendations: recommend(comparisons, results, o.reference),
      warnings,
      suite,
      totalDurationMs: performance.now() - started,
    };
    listener({ type: 'bench:done' });
    return report;
  } finally {
    workspace.dispose();
  }
}
