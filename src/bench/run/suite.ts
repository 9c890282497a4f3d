/**
 * `sonde bench --suite`: generate the synthetic projects (small → large, xl
 * opt-in), measure the strategies on each, and fit how time and peak memory
 * grow with the file count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareWithReference } from '../results/analyze.js';
import type { BenchListener } from '../events.js';
import { measureStrategies, type MeasureSettings } from './measure.js';
import type { SuiteSize } from '../options.js';
import { fitLinear, fitPowerLaw, median } from '../stats/index.js';
import type { StrategySpec } from '../strategy.js';
import type { ScalingFit, SuitePoint, SuiteReport, SuiteSizeResult } from '../types.js';
import { listSourceFiles, type Workspace } from './workspace.js';

/** Writes one synthetic project into outDir (the generator of src/generate, injected for tests). */
export type ProjectGenerator = (size: SuiteSize, seed: number, outDir: string) => Promise<unknown> | unknown;

interface SuiteSettings extends MeasureSettings {
  readonly sizes: readonly SuiteSize[];
  readonly reference: string;
  readonly alpha: number;
  /** Generated projects go here (kept between runs: same seed ⇒ same bytes); else into the workspace. */
  readonly suiteDir?: string;
}

/** Medians of one size's strategies, for the scaling fits and the suite table. */
export function suitePoints(size: SuiteSizeResult['results']): SuitePoint[] {
  return size
    .filter((r) => r.samples.length > 0)
    .map((r) => ({
      strategy: r.strategy,
      medianWallMs: r.summary.median,
      medianScanMs: r.scanSummary.median,
      medianPeakRssBytes: r.peakRss.median,
    }));
}

/**
 * Per strategy: linear fit of median wall ms over files (slope = ms per file,
 * intercept = fixed cost) and log-log exponents of time and peak RSS. Needs
 * at least two sizes with different file counts; otherwise returns [].
 */
export function scalingFits(sizes: readonly SuiteSizeResult[]): ScalingFit[] {
  const strategies = [...new Set(sizes.flatMap((s) => s.points.map((p) => p.strategy)))];
  const fits: ScalingFit[] = [];
  for (const strategy of strategies) {
    const rows = sizes
      .map((s) => ({ files: s.files, p: s.points.find((p) => p.strategy === strategy) }))
      .filter((r): r is { files: number; p: SuitePoint } => r.p !== undefined && r.files > 0);
    if (new Set(rows.map((r) => r.files)).size < 2) continue;
    const xs = rows.map((r) => r.files);
    const lin = fitLinear(xs, rows.map((r) => r.p.medianWallMs));
    const time = fitPowerLaw(xs, rows.map((r) => r.p.medianWallMs));
    const mem = fitPowerLaw(xs, rows.map((r) => Math.max(1, r.p.medianPeakRssBytes)));
    fits.push({
      strategy,
      msPerFile: lin.slope,
      fixedMs: lin.intercept,
      linearR2: lin.r2,
      timeExponent: time.exponent,
      timeR2: time.r2,
      memoryExponent: mem.exponent,
      memoryR2: mem.r2,
    });
  }
  return fits;
}

/** Runs the suite; sizes are measured in order, smallest first. */
export async function runSuite(
  specs: readonly StrategySpec[],
  settings: SuiteSettings,
  generate: ProjectGenerator,
  workspace: Workspace,
  listener: BenchListener,
  signal?: AbortSignal,
): Promise<SuiteReport> {
  const base = settings.suiteDir ?? path.join(workspace.dir, 'suite');
  const sizes: SuiteSizeResult[] = [];
  for (const size of settings.sizes) {
    const dir = path.join(base, `${size}-seed${settings.seed}`);
    const marker = path.join(dir, '.sonde-suite-complete');
    if (!fs.existsSync(marker)) {
      fs.rmSync(dir, { recursive: true, force: true });
      listener({ type: 'bench:message', level: 'info', message: `generating the ${size} project (seed ${settings.seed})…` });
      await generate(size, settings.seed, dir);
      fs.writeFileSync(marker, '');
    }
    listener({ type: 'suite:size', size, files: listSourceFiles(dir).length });
    const results = await measureStrategies(dir, specs, settings, workspace, listener, signal);
    const ok = results.flatMap((r) => r.samples);
    const files = ok.length ? median(ok.map((s) => s.files)) : 0;
    const lines = ok.length ? median(ok.map((s) => s.lines)) : 0;
    const comparisons = compareWithReference(results, settings.reference, settings);
    sizes.push({ size, files, lines, results, comparisons, points: suitePoints(results) });
  }
  return { sizes, scaling: scalingFits(sizes) };
}
