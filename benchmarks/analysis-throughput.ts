/**
 * Single-thread throughput of the per-file analysis on rxjs/src (251 real TS
 * files): files/s and lines/s, median of several runs after a warm-up run.
 * Files are read once up front: this measures analysis, not I/O.
 *
 *   npx tsc -p tsconfig.json && node dist/benchmarks/analysis-throughput.js [runs] [dir]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSourceAnalyzer } from '../src/analysis/analyze-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/config/options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 7);
const dir = path.resolve(root, process.argv[3] ?? 'node_modules/rxjs/src');

function sourceFiles(start: string): string[] {
  const out: string[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  }
  return out.sort();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const loadStart = performance.now();
const analyze = await loadSourceAnalyzer();
const loadMs = performance.now() - loadStart;
const files = sourceFiles(dir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
let lines = 0;
const durations: number[] = [];
for (let run = 0; run <= runs; run++) {
  const started = performance.now();
  let runLines = 0;
  for (const { file, text } of files) runLines += analyze(file, text, DEFAULT_ANALYSIS_OPTIONS).lines;
  const elapsed = performance.now() - started;
  if (run > 0) durations.push(elapsed); // run 0 warms up the JIT
  lines = runLines;
}
const ms = median(durations);
console.log(`analysis throughput, single thread, ${path.relative(root, dir)}: ${files.length} files, ${lines} lines`);
console.log(`  loadSourceAnalyzer: ${loadMs.toFixed(0)} ms`);
console.log(`  per run: median ${ms.toFixed(0)} ms (min ${Math.min(...durations).toFixed(0)}, max ${Math.max(...durations).toFixed(0)}, n=${durations.length})`);
console.log(`  ${(files.length / (ms / 1000)).toFixed(0)} files/s, ${(lines / (ms / 1000)).toFixed(0)} lines/s`);
console.log(`  heap used after: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`);
