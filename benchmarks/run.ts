/**
 * `npm run bench`: the default synthetic suite (small → large; xl with
 * `-- --sizes small,medium,large,xl`) with sequential, parallel:2 and a warm
 * cache, sized to finish in under 10 minutes on a 2-core machine. Writes
 * bench-results/suite.{json,md,csv,html} (git-ignored) and prints the tables.
 * Any `sonde bench` flag after `--` overrides these defaults.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../src/cli/bench-args.js';
import { writeExports } from '../src/bench/export/index.js';
import { formatBenchText } from '../src/bench/report/format-text.js';
import { createPlainBenchListener } from '../src/listeners/bench-plain-progress.js';
import { runBench } from '../src/bench/runner.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(REPO, 'bench-results');

// Warm-ups are skipped because every run is a fresh process on a just-generated
// (so page-cached) tree; the warm cache still gets its priming run.
const DEFAULTS = ['--suite', '--strategies', 'sequential,parallel:2,cache:warm', '--warmup', '0',
  '--min-runs', '3', '--max-runs', '10', '--time-budget', '20',
  '--export-json', path.join(OUT, 'suite.json'), '--export-markdown', path.join(OUT, 'suite.md'),
  '--export-csv', path.join(OUT, 'suite.csv'), '--export-html', path.join(OUT, 'suite.html')];

async function main(): Promise<number> {
  // parseArgs keeps the last value of a repeated flag, so user flags win.
  const options = parseBenchArgs([...DEFAULTS, ...process.argv.slice(2)], process.cwd());
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const report = await runBench(options.bench, createPlainBenchListener(process.stderr), controller.signal);
  process.stdout.write(formatBenchText(report));
  for (const file of writeExports(report, options.exports)) process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  process.stderr.write(`total ${(report.totalDurationMs / 1000).toFixed(0)} s\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
