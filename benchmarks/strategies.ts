/**
 * Strategy benchmark for issue #3: each sample is a fresh `node bin/sonde.js
 * scan` child process; strategies run round-robin; medians reported.
 *
 *   node dist/benchmarks/strategies.js [--corpus DIR] [--copies K] [--runs N] [--only a,b]
 *
 * Without --corpus it copies every .ts/.js file of node_modules/rxjs (src and
 * dist, 1,255 files) to a temp dir; --copies K makes K copies (each file gets
 * a distinct trailing comment, so no two are byte-identical and the scan's
 * duplicate-content shortcut cannot help). The tree is never the user's: the
 * "one file changed" scenario edits the temp copy.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JsonReport } from '../src/reporters/json-report.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'sonde.js');

interface Scenario {
  readonly name: string;
  readonly args: (dir: string, cacheDir: string) => string[];
  /** Runs before each sample (not timed). */
  readonly before?: (dir: string, cacheDir: string, round: number) => void;
}

interface Sample {
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly files: number;
  readonly workers: number;
  readonly hits: number;
}

function copyCorpus(source: string, target: string, copies: number): number {
  const files = (execFileSync('find', [source, '-type', 'f', '(', '-name', '*.ts', '-o', '-name', '*.js', ')'], { encoding: 'utf8' }) as string)
    .split('\n')
    .filter(Boolean);
  let count = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const destination = path.join(target, `copy${copy}`, path.relative(source, file));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, `${fs.readFileSync(file, 'utf8')}\n// sonde benchmark copy ${copy}\n`);
      count += 1;
    }
  }
  return count;
}

function runOnce(args: string[]): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [BIN, 'scan', ...args, '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 && code !== 1) return reject(new Error(`sonde exited ${code}: ${err.slice(-2000)}`));
      const report = JSON.parse(out) as JsonReport;
      resolve({
        wallMs,
        peakRssBytes: report.summary.peakRssBytes,
        files: report.summary.files,
        workers: report.summary.workers,
        hits: report.summary.cache.hits,
      });
    }),
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function touchOneFile(dir: string, round: number): void {
  const file = (execFileSync('find', [dir, '-name', '*.ts', '-path', '*src*'], { encoding: 'utf8' }) as string).split('\n').filter(Boolean).sort()[0];
  fs.appendFileSync(file, `\n// edit ${round} ${Date.now()}\n`);
}

const SCENARIOS: Scenario[] = [
  { name: 'sequential', args: (dir) => [dir, '--parallel', '0'] },
  { name: 'parallel-1', args: (dir) => [dir, '--parallel', '1'] },
  { name: 'parallel-2', args: (dir) => [dir, '--parallel', '2'] },
  { name: 'parallel-4', args: (dir) => [dir, '--parallel', '4'] },
  { name: 'auto', args: (dir) => [dir, '--parallel', 'auto'] },
  {
    name: 'cache-cold',
    args: (dir, cacheDir) => [dir, '--parallel', '0', '--cache', '--cache-location', path.join(cacheDir, 'cold.sqlite')],
    before: (_dir, cacheDir) => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(cacheDir, `cold.sqlite${suffix}`), { force: true });
    },
  },
  { name: 'cache-warm', args: (dir, cacheDir) => [dir, '--cache', '--cache-location', path.join(cacheDir, 'warm.sqlite')] },
  {
    name: 'cache-warm-1-changed',
    args: (dir, cacheDir) => [dir, '--cache', '--cache-location', path.join(cacheDir, 'warm.sqlite')],
    before: (dir, _cacheDir, round) => touchOneFile(dir, round),
  },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      copies: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      only: { type: 'string' },
    },
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-strategies-'));
  const dir = path.join(work, 'corpus');
  const cacheDir = path.join(work, 'cache');
  fs.mkdirSync(cacheDir);
  const fileCount = copyCorpus(values.corpus ?? path.join(REPO, 'node_modules', 'rxjs'), dir, Number(values.copies));
  const scenarios = values.only ? SCENARIOS.filter((s) => values.only!.split(',').includes(s.name)) : SCENARIOS;
  console.error(`corpus: ${fileCount} files in ${dir}; ${os.availableParallelism()} cores; node ${process.version}`);

  // The warm cache is filled once, before any timed run.
  if (scenarios.some((s) => s.name.startsWith('cache-warm'))) await runOnce([dir, '--cache', '--cache-location', path.join(cacheDir, 'warm.sqlite')]);

  const samples = new Map<string, Sample[]>(scenarios.map((s) => [s.name, []]));
  const rounds = Number(values.warmup) + Number(values.runs);
  for (let round = 0; round < rounds; round++) {
    for (const scenario of scenarios) {
      scenario.before?.(dir, cacheDir, round);
      const sample = await runOnce(scenario.args(dir, cacheDir));
      if (round >= Number(values.warmup)) samples.get(scenario.name)!.push(sample);
      console.error(`round ${round} ${scenario.name}: ${sample.wallMs.toFixed(0)} ms, workers ${sample.workers}, hits ${sample.hits}`);
    }
  }

  const base = median(samples.get('sequential')?.map((s) => s.wallMs) ?? [NaN]);
  console.log(`| scenario | median wall ms | min–max | vs sequential | peak RSS MB | workers | cache hits |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  for (const scenario of scenarios) {
    const list = samples.get(scenario.name)!;
    const walls = list.map((s) => s.wallMs);
    const m = median(walls);
    console.log(
      `| ${scenario.name} | ${m.toFixed(0)} | ${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)} | ${(base / m).toFixed(2)}× | ${(median(list.map((s) => s.peakRssBytes)) / 2 ** 20).toFixed(0)} | ${list[0]?.workers} | ${list[0]?.hits}/${list[0]?.files} |`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
