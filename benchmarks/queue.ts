/**
 * Queue benchmark for issue #15: a coordinator (`sonde scan --queue`) with W
 * local `sonde worker` processes, against a sequential scan, on a generated
 * project; plus the per-job overhead the model in docs/distributed.md needs
 * (enqueue → ack round trip of an empty job, bytes per job and per file).
 *
 *   node dist/benchmarks/queue.js [--corpus DIR | --size 20000] [--workers 2] [--runs 3] [--jobs 200]
 *
 * Every sample is a fresh child process on a cold cache (a new Redis database
 * per queue sample; the sequential scan runs without a cache), strategies
 * interleaved round-robin; medians and ranges reported. Needs redis-server on
 * PATH; the server is started here on a free port and removed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue, QueueEvents } from 'bullmq';
import { cacheNamespace } from '../src/cache/namespace.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/config/options.js';
import { generateProject } from '../src/generate/index.js';
import { PROTOCOL_VERSION, QUEUE_NAME, QUEUE_PREFIX } from '../src/queue/protocol.js';
import type { JsonReport } from '../src/reporters/json-report.js';
import { TOOL_VERSION } from '../src/version.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'sonde.js');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    size: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    jobs: { type: 'string', default: '200' },
  },
});
const WORKERS = Number(values.workers);
const RUNS = Number(values.runs);
const JOBS = Number(values.jobs);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--databases', '64'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  return child;
}

function startWorker(url: string, root: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', url, '--root', root], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return new Promise((resolve) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('waiting for jobs')) resolve(child);
    });
  });
}

interface Sample {
  readonly wallMs: number;
  readonly report: JsonReport;
}

function scanOnce(root: string, args: string[]): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'scan', root, '--format', 'json', '--fail-on', 'never', '--progress', 'none', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`scan exited ${code}`));
      resolve({ wallMs: performance.now() - started, report: JSON.parse(stdout) as JsonReport });
    }),
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

/** Enqueue → ack of `count` empty jobs, one at a time, through one sonde worker: the queue's fixed cost per job. */
async function roundTrips(port: number, db: number, count: number): Promise<{ ms: number[]; jobBytes: number; resultBytes: number }> {
  const connection = { host: '127.0.0.1', port, db };
  const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
  const events = new QueueEvents(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
  await events.waitUntilReady();
  const data = {
    protocol: PROTOCOL_VERSION,
    scanId: '00000000-0000-4000-8000-000000000000',
    toolVersion: TOOL_VERSION,
    namespace: cacheNamespace(TOOL_VERSION, DEFAULT_ANALYSIS_OPTIONS),
    analysis: DEFAULT_ANALYSIS_OPTIONS,
    files: [],
  };
  const ms: number[] = [];
  let resultBytes = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const done = new Promise<string>((resolve) => {
      const listener = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
        if (jobId !== `rt-${i}`) return;
        events.off('completed', listener);
        resolve(JSON.stringify(returnvalue));
      };
      events.on('completed', listener);
    });
    await queue.add('analyze', data, { jobId: `rt-${i}`, removeOnComplete: true });
    resultBytes = (await done).length;
    ms.push(performance.now() - started);
  }
  await events.close();
  await queue.close();
  return { ms: ms.slice(5), jobBytes: JSON.stringify(data).length, resultBytes };
}

/** Mean stored size of a cache entry (facts + tag) in a database a queue scan filled: what a worker writes and the coordinator reads per file. */
async function factsBytes(port: number, db: number): Promise<number> {
  const queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port, db }, prefix: QUEUE_PREFIX });
  const client = (await queue.client) as unknown as {
    scan(cursor: string, ...args: (string | number)[]): Promise<[string, string[]]>;
    strlen(key: string): Promise<number>;
  };
  const [, keys] = await client.scan('0', 'MATCH', 'sonde/*', 'COUNT', 1000);
  let total = 0;
  for (const key of keys) total += await client.strlen(key);
  await queue.close();
  return keys.length ? total / keys.length : 0;
}

async function main(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-queue-bench-'));
  const root = values.corpus ? path.resolve(values.corpus) : path.join(temp, 'project');
  if (!values.corpus) generateProject({ size: Number(values.size), seed: 1, outDir: root });
  const port = await freePort();
  const redis = await startRedis(port, temp);
  const base = `redis://127.0.0.1:${port}`;
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(`${base}/0`, root));
    const trips = await roundTrips(port, 0, JOBS);
    for (const worker of workers.splice(0)) worker.kill('SIGKILL');

    const sequential: number[] = [];
    const threads: number[] = [];
    const queued: number[] = [];
    const reports: Record<'sequential' | 'queue', JsonReport[]> = { sequential: [], queue: [] };
    let db = 1;
    let splits = '';
    for (let run = 0; run < RUNS; run++) {
      const alone = await scanOnce(root, ['--parallel', '0']);
      sequential.push(alone.wallMs);
      reports.sequential.push(alone.report);
      threads.push((await scanOnce(root, ['--parallel', String(WORKERS)])).wallMs);
      // A new database per sample: a cold cache and an empty queue; workers started (not timed) before the scan.
      const url = `${base}/${db++}`;
      for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(url, root));
      const sample = await scanOnce(root, ['--queue', url]);
      queued.push(sample.wallMs);
      reports.queue.push(sample.report);
      splits += ` ${JSON.stringify((sample.report.summary as { queue?: unknown }).queue)}`;
      for (const worker of workers.splice(0)) worker.kill('SIGKILL');
    }
    const files = fs.readdirSync(root, { recursive: true }).length;
    const perFile = await factsBytes(port, 1);
    console.log(`project: ${root} (${files} entries), ${WORKERS} worker processes, ${RUNS} runs each, ${os.availableParallelism()} cores`);
    console.log(`enqueue→ack round trip of an empty job (n=${trips.ms.length}): median ${median(trips.ms).toFixed(2)} ms, range ${trips.ms.length ? `${Math.min(...trips.ms).toFixed(2)}–${Math.max(...trips.ms).toFixed(2)}` : '-'} ms`);
    console.log(`job payload: ${trips.jobBytes} bytes + per file ~${JSON.stringify({ path: 'src/module-000/feature-00/file-000.ts', key: `ts:${'0'.repeat(40)}`, size: 12345 }).length + 1} bytes; result: ${trips.resultBytes} bytes`);
    console.log(`cache entry (facts + tag) per file, written by a worker and read back by the coordinator: ~${perFile.toFixed(0)} bytes`);
    console.log(`sequential: median ${median(sequential).toFixed(0)} ms (range ${range(sequential)})`);
    console.log(`--parallel ${WORKERS} (threads, one process): median ${median(threads).toFixed(0)} ms (range ${range(threads)})`);
    console.log(`queue, ${WORKERS} workers: median ${median(queued).toFixed(0)} ms (range ${range(queued)}); split:${splits}`);
    // The model's inputs (docs/distributed.md): the coordinator's serial phases, and analysis CPU per file.
    for (const [name, list] of Object.entries(reports)) {
      const phase = (wanted: string) => median(list.map((report) => report.profile.phases.filter((entry) => entry.phase === wanted).reduce((sum, entry) => sum + entry.durationMs, 0)));
      const busy = median(list.map((report) => report.profile.workers.reduce((sum, worker) => sum + worker.busyMs, 0)));
      const phases = ['discover', 'read', 'cache-read', 'analyze', 'cache-write', 'cross-file'].map((wanted) => `${wanted} ${phase(wanted).toFixed(0)}`).join(', ');
      console.log(`${name} phases (median ms): ${phases}; analysis busy ${busy.toFixed(0)} ms = ${(busy / list[0]!.summary.files).toFixed(2)} ms/file`);
    }
    console.log(`speedup over sequential: queue ${(median(sequential) / median(queued)).toFixed(2)}×, threads ${(median(sequential) / median(threads)).toFixed(2)}×`);
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    redis.kill('SIGKILL');
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

await main();
