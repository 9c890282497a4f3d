/**
 * How a sequential scan's peak memory scales with the tree: generated
 * projects of two sizes (default 10,000 and 100,000 files), each scanned with
 * `--format json` and with the pretty report, peak RSS read from
 * `/usr/bin/time -f %M` (the kernel's high-water mark of the whole process,
 * report included) next to the report's own `summary.peakRssBytes`.
 * Run with npm run bench:memory.
 *
 *   node dist/benchmarks/memory-scaling.js [--small N] [--large N] [--runs R] [--dir DIR] [--max-memory SIZE]
 *   node dist/benchmarks/memory-scaling.js --smoke      (1,000 vs 3,000 files, one run: what CI can afford)
 *
 * Generated trees are kept under DIR (default: $TMPDIR/sonde-memory-scaling),
 * keyed by size and seed, so a second run skips the minute a 100k tree takes
 * to write. Runs of the two sizes are interleaved (small, large, small, …) so
 * a noisy neighbour hits both; the figures are medians. Exit 1 when the ratio
 * passes --max-ratio (default 2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProject } from '../src/generate/index.js';

const BIN = fileURLToPath(new URL('../../bin/sonde.js', import.meta.url));
const TIME = '/usr/bin/time';
const SEED = 1;

interface Run {
  /** /usr/bin/time's maximum resident set size, bytes. */
  readonly timeRss: number;
  /** The report's summary.peakRssBytes (json only). */
  readonly reportedRss?: number;
  readonly wallS: number;
}

function tree(dir: string, files: number): string {
  const root = path.join(dir, `gen-${files}-seed${SEED}`);
  const done = path.join(root, 'sonde-ground-truth.json');
  if (!existsSync(done)) {
    rmSync(root, { recursive: true, force: true });
    const started = performance.now();
    process.stderr.write(`generating ${files} files in ${root}… `);
    generateProject({ size: files, seed: SEED, outDir: root });
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return root;
}

function scanOnce(root: string, format: 'json' | 'pretty', maxMemory: string | undefined, out: string): Run {
  const args = ['-f', '%M %e', '-o', `${out}.time`, process.execPath, BIN, 'scan', root, '--sequential', '--format', format];
  args.push('--progress', 'none', '--no-ui', '--fail-on', 'never', '-o', out);
  if (maxMemory) args.push('--max-memory', maxMemory);
  const run = spawnSync(TIME, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0) throw new Error(`scan of ${root} (${format}) exited ${run.status}: ${run.stderr}`);
  const [kb, wall] = readFileSync(`${out}.time`, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const reported = format === 'json' ? (JSON.parse(readFileSync(out, 'utf8')) as { summary: { peakRssBytes: number } }).summary.peakRssBytes : undefined;
  rmSync(out, { force: true });
  rmSync(`${out}.time`, { force: true });
  return { timeRss: kb! * 1024, wallS: wall!, ...(reported !== undefined ? { reportedRss: reported } : {}) };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function main(): void {
  const { values } = parseArgs({
    options: {
      small: { type: 'string' },
      large: { type: 'string' },
      runs: { type: 'string', default: '1' },
      dir: { type: 'string', default: path.join(os.tmpdir(), 'sonde-memory-scaling') },
      'max-memory': { type: 'string' },
      'max-ratio': { type: 'string', default: '2' },
      smoke: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(TIME)) {
    console.log(`skipped: ${TIME} (GNU time) is not installed`);
    return;
  }
  const small = Number(values.small ?? (values.smoke ? 1000 : 10_000));
  const large = Number(values.large ?? (values.smoke ? 3000 : 100_000));
  const runs = Number(values.runs);
  mkdirSync(values.dir, { recursive: true });
  const roots = { small: tree(values.dir, small), large: tree(values.dir, large) };
  const out = path.join(values.dir, `report-${process.pid}`);

  console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; sequential scans, ${runs} run(s) each, medians`);
  console.log(`${values['max-memory'] ? `--max-memory ${values['max-memory']}; ` : ''}peak RSS from ${TIME} -f %M (and summary.peakRssBytes for json)`);
  let worst = 0;
  for (const format of ['json', 'pretty'] as const) {
    const results: Record<'small' | 'large', Run[]> = { small: [], large: [] };
    for (let run = 0; run < runs; run++) {
      for (const size of ['small', 'large'] as const) results[size].push(scanOnce(roots[size], format, values['max-memory'], out));
    }
    const peak = (size: 'small' | 'large') => median(results[size].map((r) => r.timeRss));
    const reported = (size: 'small' | 'large') => (format === 'json' ? ` (reported ${mb(median(results[size].map((r) => r.reportedRss!)))})` : '');
    const wall = (size: 'small' | 'large') => `${median(results[size].map((r) => r.wallS)).toFixed(1)} s`;
    const ratio = peak('large') / peak('small');
    worst = Math.max(worst, ratio);
    console.log(
      `${format.padEnd(6)} ${small} files: ${mb(peak('small'))}${reported('small')}, ${wall('small')} | ` +
        `${large} files: ${mb(peak('large'))}${reported('large')}, ${wall('large')} | ratio ${ratio.toFixed(2)}×`,
    );
  }
  if (worst > Number(values['max-ratio'])) {
    console.log(`FAIL: ratio ${worst.toFixed(2)}× > ${values['max-ratio']}×`);
    process.exitCode = 1;
  }
}

main();
