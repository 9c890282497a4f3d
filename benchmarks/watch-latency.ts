/**
 * `sonde scan --watch` latency and memory: a watch child on a generated
 * project, then one-line edits, one at a time; each edit's latency is from
 * just before the write to the `scan:done` (NDJSON on stderr) that lists the
 * file, debounce included. The child's RSS (VmRSS from /proc) is read after
 * every `scan:done`; its least-squares slope over the edits says whether
 * memory stays flat.
 *
 *   npm run bench:watch                      # 20,000 files (--size large), 1,000 edits
 *   npm run bench:watch -- --smoke           # 200 files, 20 edits
 *   npm run bench:watch -- --edit export             # each edit exports a new name: the graph is recomputed
 *   npm run bench:watch -- --size medium --edits 200 --parallel 0 --json out.json
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProject, PROJECT_SIZES } from '../src/generate/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean' },
    size: { type: 'string' },
    edits: { type: 'string' },
    parallel: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'string' },
    edit: { type: 'string' },
  },
});
const size = (values.size ?? (values.smoke ? 'small' : 'large')) as keyof typeof PROJECT_SIZES;
const edits = Number(values.edits ?? (values.smoke ? 20 : 1000));
const seed = Number(values.seed ?? 1);
/**
 * `line` (default): one line changed in place, a number literal in a function body: re-analysis, and the
 * cross-file results are reused since no import or export moved. `export`: a line appended that exports a
 * new name, so the graph and its findings are recomputed (the worst case for a one-line edit).
 */
const editKind = values.edit ?? 'line';
if (editKind !== 'line' && editKind !== 'export') throw new Error(`--edit ${editKind}: expected line or export`);

type Event = { type: string; changed?: string[]; files?: number };

const dir = mkdtempSync(path.join(os.tmpdir(), 'sonde-watch-bench-'));
try {
  const sources = generateProject({ size, seed, outDir: dir }).files.map((file) => file.path);
  const args = [path.join(repoRoot, 'bin/sonde.js'), 'scan', dir, '--watch', '--no-ui', '--progress', 'ndjson', '--fail-on', 'never', '--format', 'compact'];
  if (values.parallel !== undefined) args.push('--parallel', values.parallel);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  const waiters: ((event: Event) => void)[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const event = JSON.parse(line) as Event;
    if (event.type === 'scan:done') for (const waiter of waiters.splice(0)) waiter(event);
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`the watch child exited (${code})`))));
  const nextDone = (matches: (event: Event) => boolean): Promise<Event> =>
    Promise.race([
      exited,
      new Promise<Event>((resolve) => {
        const wait = (event: Event) => (matches(event) ? resolve(event) : waiters.push(wait));
        waiters.push(wait);
      }),
    ]);

  const startedAt = performance.now();
  const first = await nextDone(() => true);
  const initialMs = performance.now() - startedAt;
  const rssAtStart = rssBytes(child.pid!);
  console.error(`watching ${first.files} files (${size}); first scan ${(initialMs / 1000).toFixed(1)} s, RSS ${mib(rssAtStart)}; ${edits} edits…`);

  const latencies: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < edits; i++) {
    const rel = sources[(i * 7919) % sources.length]!;
    const done = nextDone((event) => event.changed?.includes(rel) ?? false);
    const file = path.join(dir, rel);
    const edited = editKind === 'line' ? editOneLine(readFileSync(file, 'utf8'), i) : undefined;
    const t0 = performance.now();
    if (editKind === 'export') appendFileSync(path.join(dir, rel), `export const watchEdit${i} = ${i};\n`);
    else writeFileSync(file, edited!);
    await done;
    latencies.push(performance.now() - t0);
    rss.push(rssBytes(child.pid!));
    if ((i + 1) % 100 === 0) console.error(`  ${i + 1} edits, median ${quantile(latencies, 0.5).toFixed(1)} ms, RSS ${mib(rss.at(-1)!)}`);
  }
  child.kill('SIGINT');
  await exited.catch(() => undefined);

  const slope = leastSquaresSlope(rss);
  const summary = {
    size,
    files: first.files,
    edits,
    edit: editKind,
    parallel: values.parallel ?? 'auto',
    initialScanMs: Math.round(initialMs),
    latencyMs: {
      median: round(quantile(latencies, 0.5)),
      p95: round(quantile(latencies, 0.95)),
      p99: round(quantile(latencies, 0.99)),
      min: round(Math.min(...latencies)),
      max: round(Math.max(...latencies)),
    },
    rss: {
      startBytes: rssAtStart,
      afterFirstEditBytes: rss[0],
      endBytes: rss.at(-1),
      slopeBytesPerEdit: Math.round(slope),
      // The first tenth warms up (JIT, lazily built memos): the slope after it says more about a leak.
      slopeAfterWarmupBytesPerEdit: Math.round(leastSquaresSlope(rss.slice(Math.floor(rss.length / 10)))),
    },
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg().map((value) => round(value)),
  };
  console.log(
    `latency (write → scan:done, ${edits} one-line edits (${editKind}) on ${first.files} files): median ${summary.latencyMs.median} ms, ` +
      `p95 ${summary.latencyMs.p95} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms\n` +
      `RSS: ${mib(rssAtStart)} at start, ${mib(rss.at(-1)!)} after the last edit; slope ${(slope / 1024).toFixed(1)} KiB/edit ` +
      `(${(summary.rss.slopeAfterWarmupBytesPerEdit / 1024).toFixed(1)} KiB/edit after the first tenth)`,
  );
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ ...summary, latencies: latencies.map(round), rss }, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The first number literal on a line that is not an import or export, changed to a value it did not have. */
function editOneLine(text: string, i: number): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => /^\s+\S/.test(line) && /\b\d+\b/.test(line) && !/^\s*(import|export)\b/.test(line));
  if (at === -1) return `${text}// watch edit ${i}\n`;
  lines[at] = lines[at]!.replace(/\b\d+\b/, String(100000 + i));
  return lines.join('\n');
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

function leastSquaresSlope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
