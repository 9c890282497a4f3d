/**
 * Named baselines: a saved BenchReport, and a compare that says per strategy
 * (and suite size) whether the current run improved, regressed or stayed
 * within noise. A regression counts only when it is significant (the Welch
 * interval of the ratio excludes 1) AND larger than the threshold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { readRegularFile, UnreadableFileError } from '../../util/read-regular-file.js';
import { checkOutputTarget, writeOutput, type OutputTarget } from '../../util/output-target.js';
import { exportJson } from '../export/json.js';
import { compareSamples, mean } from '../stats/index.js';
import type { BaselineChange, BaselineComparison, BenchReport, StrategyResult } from '../types.js';

/** Geometric mean: the quantity compareSamples compares. */
const geoMean = (xs: readonly number[]): number => Math.exp(mean(xs.map(Math.log)));

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Default folder: `.sonde/baselines` under the scanned root (sonde's own folder), or under cwd for a suite. */
export function defaultBaselineDir(report: { readonly settings: Pick<BenchReport['settings'], 'suite' | 'target'> }, cwd: string): string {
  return path.join(report.settings.suite ? cwd : report.settings.target, '.sonde', 'baselines');
}

/** Saved reports hold raw samples: a few MB at most; larger is not a baseline. */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

function baselinePath(dir: string, name: string): string {
  if (!NAME.test(name)) {
    throw new UserError('BENCH_BAD_BASELINE', `'${name}' is not a valid baseline name.`, 'Use letters, digits, dot, dash and underscore.');
  }
  return path.join(dir, `${name}.json`);
}

/**
 * Checks where `--save-baseline` will write, before the benchmark runs. The
 * default folder lies in the scanned (untrusted) root, so there no symbolic
 * link is followed; a `--baseline-dir` the user names is followed like `-o`.
 */
export function checkBaselineTarget(dir: string, name: string, chosenByUser: boolean, root: string): OutputTarget {
  return checkOutputTarget(baselinePath(dir, name), 'the baseline', chosenByUser ? {} : { noLinksBelow: root });
}

/** Saves to a target checked by checkBaselineTarget; returns the file. */
export function saveBaselineTo(report: BenchReport, target: OutputTarget): string {
  writeOutput(target, exportJson(report));
  return target.file;
}

/** Checks and saves in one go (for callers with nothing to do in between). */
export function saveBaseline(report: BenchReport, dir: string, name: string): string {
  return saveBaselineTo(report, checkOutputTarget(baselinePath(dir, name), 'the baseline'));
}

export function loadBaseline(dir: string, name: string): BenchReport {
  const file = baselinePath(dir, name);
  let text: string;
  try {
    // A baseline in the benchmarked tree's .sonde/ is the repository's: a regular file under a cap.
    text = readRegularFile(file, { maxBytes: MAX_BASELINE_BYTES });
  } catch (error) {
    if (error instanceof UnreadableFileError && !/ENOENT/.test(error.reason)) {
      throw new UserError('BENCH_BAD_BASELINE', `Baseline ${file} ${error.reason}.`);
    }
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
    throw new UserError(
      'BENCH_BASELINE_NOT_FOUND',
      `No baseline named '${name}' in ${dir}.`,
      known.length ? `Saved baselines: ${known.join(', ')}.` : 'Save one first with --save-baseline NAME.',
    );
  }
  let doc: Partial<BenchReport> | null;
  try {
    doc = JSON.parse(text) as Partial<BenchReport> | null;
  } catch {
    doc = null;
  }
  if (doc?.kind !== 'sonde-bench' || !Array.isArray(doc.results)) {
    throw new UserError('BENCH_BAD_BASELINE', `${file} is not a sonde bench report.`);
  }
  return doc as BenchReport;
}

/** (size, results) pairs of a report: each suite size, or one unnamed size. */
function groups(report: BenchReport): { size: string; results: readonly StrategyResult[] }[] {
  return report.suite ? report.suite.sizes.map((s) => ({ size: s.size, results: s.results })) : [{ size: '', results: report.results }];
}

/** Compares `current` with `baseline` strategy by strategy; `thresholdPercent` e.g. 5. */
export function compareWithBaseline(
  current: BenchReport,
  baseline: BenchReport,
  options: { name: string; thresholdPercent: number; alpha: number; seed: number },
): BaselineComparison {
  const changes: BaselineChange[] = [];
  const base = new Map(groups(baseline).map((g) => [g.size, g.results]));
  for (const group of groups(current)) {
    const baseResults = base.get(group.size);
    if (!baseResults) continue;
    for (const r of group.results) {
      const b = baseResults.find((x) => x.strategy === r.strategy);
      if (!b || b.samples.length === 0 || r.samples.length === 0) continue;
      const cur = r.samples.map((s) => s.wallMs);
      const old = b.samples.map((s) => s.wallMs);
      const c = compareSamples(cur, old, { alpha: options.alpha });
      // From the same ratio the verdict reads, so the sign and the verdict agree.
      const changePercent = (1 / c.speedup.ratio - 1) * 100;
      let verdict: BaselineChange['verdict'] = c.verdict === 'too few runs' ? 'too few runs' : 'within noise';
      if (c.verdict === 'faster') verdict = 'improved';
      else if (c.verdict === 'slower') verdict = changePercent > options.thresholdPercent ? 'regressed' : 'regressed (below threshold)';
      changes.push({
        size: group.size,
        strategy: r.strategy,
        baselineMs: geoMean(old),
        currentMs: geoMean(cur),
        changePercent,
        speedup: c.speedup,
        pValue: c.pValue,
        verdict,
      });
    }
  }
  const notes: string[] = [];
  const bm = baseline.machine;
  const cm = current.machine;
  if (bm.cpuModel !== cm.cpuModel || bm.cores !== cm.cores) notes.push(`the baseline ran on a different machine (${bm.cpuModel}, ${bm.cores} cores).`);
  if (bm.nodeVersion !== cm.nodeVersion) notes.push(`the baseline ran on Node ${bm.nodeVersion}, this run on ${cm.nodeVersion}.`);
  if (changes.length === 0) notes.push('no strategy (and size) is common to both runs: nothing to compare.');
  return {
    baselineName: options.name,
    baselineDate: bm.date,
    baselineCommit: bm.gitCommit,
    thresholdPercent: options.thresholdPercent,
    changes,
    regressed: changes.some((c) => c.verdict === 'regressed'),
    notes,
  };
}
