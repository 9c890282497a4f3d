/**
 * `npm run bench:tune`: does following `sonde tune` really give the fastest
 * scan? For each tree: tune it (as `sonde tune` does, within the budget),
 * then measure the same settings again, independently, with `sonde bench`
 * (every worker count tune tried, and a warm cache), and check the
 * recommendation against that bench:
 * - workers: the recommended count is not significantly slower than the
 *   fastest count the bench saw (Welch on log-times, as everywhere);
 * - cache: when recommended, the warm cache is significantly faster than the
 *   recommended worker count without it; when not, it is not.
 *
 *   node dist/benchmarks/tune-check.js [--tree DIR]… [--budget S] [--runs N]
 *
 * Without --tree: node_modules/rxjs/src and the 20,000-file generated tree
 * (`sonde generate --size large --seed 1`, into a temp dir, removed after).
 * Writes nothing into the trees and saves no tuned record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from '../src/bench/runner.js';
import { formatBenchText } from '../src/bench/report/format-text.js';
import { compareSamples, median } from '../src/bench/stats/index.js';
import { formatComparison, formatTune } from '../src/bench/tune/format.js';
import { runTune } from '../src/bench/tune/run-tune.js';
import { armName, WARM_CACHE } from '../src/bench/tune/plan.js';
import { generateProject } from '../src/generate/index.js';
import { createPlainBenchListener } from '../src/listeners/bench-plain-progress.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function check(tree: string, budgetS: number, runs: number): Promise<string[]> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`\n=== ${tree}\n$ sonde tune ${tree} --time-budget ${budgetS}`);
  const started = performance.now();
  const tune = await runTune({ target: tree, budgetMs: budgetS * 1000, onEvent: (e) => process.stderr.write(`  ${JSON.stringify(e)}\n`) });
  log(formatTune(tune));
  log(`(tune took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const tried = tune.measurement.arms.filter((arm) => arm.workers !== null).map((arm) => arm.workers!);
  const strategies = [...tried.map(armName), WARM_CACHE];
  log(`$ sonde bench ${tree} --strategies ${strategies.join(',')} --runs ${runs} --warmup 1`);
  const bench = await runBench(
    { target: tree, strategies, minRuns: runs, maxRuns: runs, warmupRuns: 1 },
    createPlainBenchListener(process.stderr),
  );
  log(formatBenchText(bench));
  const wall = (name: string) => bench.results.find((r) => r.strategy === name)!.samples.map((s) => s.wallMs);
  const chosen = armName(tune.recommendation.workers.choice);
  const fastest = tried.map(armName).reduce((a, b) => (median(wall(b)) < median(wall(a)) ? b : a));
  const lines = [`${tree}: tune recommends --parallel ${tune.recommendation.workers.choice}, cache ${tune.recommendation.cache.choice ? 'on' : 'off'}`];
  if (fastest === chosen) {
    lines.push(`  workers: ${chosen} also had the lowest median in the bench: followed, it was the fastest`);
  } else {
    const c = compareSamples(wall(fastest), wall(chosen));
    const evidence = { candidate: fastest, reference: chosen, evidence: c.verdict === 'too few runs' ? { kind: 'too few runs' as const, runs: wall(fastest).length, referenceRuns: wall(chosen).length } : { kind: 'compared' as const, ratio: c.speedup.ratio, low: c.speedup.low, high: c.speedup.high, verdict: c.verdict } };
    lines.push(`  workers: the bench's lowest median was ${fastest}; ${formatComparison(evidence)}: ${c.verdict === 'faster' ? 'the recommendation was NOT the fastest' : 'the recommendation was as fast (no significant difference)'}`);
  }
  const warm = compareSamples(wall(WARM_CACHE), wall(chosen));
  const warmFaster = warm.verdict === 'faster';
  lines.push(
    `  cache: in the bench, ${WARM_CACHE} vs ${chosen}: ${warm.speedup.ratio.toFixed(2)}×` +
      (warm.verdict === 'too few runs' ? ', too few runs for a verdict: ' : ` (95% CI ${warm.speedup.low.toFixed(2)}–${warm.speedup.high.toFixed(2)}), ${warm.verdict}: `) +
      (warmFaster === tune.recommendation.cache.choice ? 'agrees with the recommendation' : 'DISAGREES with the recommendation'),
  );
  for (const line of lines) log(line);
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tree: { type: 'string', multiple: true }, budget: { type: 'string' }, runs: { type: 'string' } } });
  const budget = Number(values.budget ?? 60);
  const runs = Number(values.runs ?? 5);
  let generated: string | undefined;
  const trees = values.tree?.map((tree) => path.resolve(tree)) ?? [path.join(REPO, 'node_modules', 'rxjs', 'src')];
  if (!values.tree) {
    generated = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-tune-check-'));
    process.stderr.write(`generating the 20,000-file tree in ${generated}\n`);
    generateProject({ size: 'large', seed: 1, outDir: generated });
    trees.push(generated);
  }
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(`machine: ${os.cpus()[0]?.model}, ${os.availableParallelism()} cores; load average at start ${load()}\n`);
  const summary: string[] = [];
  try {
    for (const tree of trees) summary.push(...(await check(tree, budget, runs)));
  } finally {
    if (generated) fs.rmSync(generated, { recursive: true, force: true });
  }
  process.stdout.write(`\n=== summary (load average at end ${load()})\n${summary.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
