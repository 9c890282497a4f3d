/**
 * What the queue tests share: a `sonde worker` child process (real bin/,
 * short lock and stalled clocks), a scan through runCli in-process, and a
 * redis-server that can be restarted on its port.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../../src/cli.js';
import { generateProject } from '../../../src/generate/index.js';
import { fakeIO } from '../../helpers/fake-io.js';
import { programPath } from '../../helpers/require-program.js';
import { makeTempTree, REPO_ROOT } from '../../helpers/temp-tree.js';

/** Clocks short enough for a test: a killed worker's job is back in the queue within ~1.5 s. */
export const TEST_CLOCKS = { SONDE_QUEUE_LOCK_MS: '1000', SONDE_QUEUE_STALLED_MS: '500' };

export interface Report {
  summary: { files: number; queue?: { workers: number; remoteFiles: number; localFiles: number }; cache: { enabled: boolean } };
  files: unknown[];
  findings: unknown[];
  graph: unknown;
  warnings: string[];
}

/** What must be byte-identical whatever did the analysis. */
export const stable = (report: Report) => JSON.stringify({ files: report.files, findings: report.findings, graph: report.graph });

/** A generated project of `files` files (several queue batches: a batch is at least 32 KB). */
export function projectTree(files: number, seed: number): string {
  const root = makeTempTree({});
  generateProject({ size: files, seed, outDir: root });
  return root;
}

/** A running `sonde worker`, its stderr captured. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves once its stderr matches `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code or signal once it has ended. */
  readonly exited: Promise<number | string>;
}

export async function startWorker(url: string, root: string, extraEnv: Record<string, string> = {}, args: string[] = []): Promise<WorkerProcess> {
  // An empty url: the worker reads it from SONDE_REDIS_URL in extraEnv.
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'sonde.js'), 'worker', ...(url ? [url] : []), '--root', root, ...args], {
    env: { ...process.env, ...TEST_CLOCKS, NO_COLOR: '1', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitFor = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`worker never printed ${pattern}:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  const worker = { child, output: () => output, waitFor, exited };
  await waitFor(/waiting for jobs/);
  return worker;
}

/** Stops a worker for good (SIGKILL) and waits for it. */
export async function killWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  await worker.exited;
}

/** `sonde scan . --format json` in-process, with extra flags; the NDJSON progress on stderr is returned too. */
export async function scanJson(root: string, ...args: string[]): Promise<{ report: Report; stderr: string }> {
  const run = fakeIO({ cwd: root });
  const code = await runCli(['scan', '.', '--format', 'json', '--progress', 'ndjson', '--fail-on', 'never', ...args], run.io);
  assert.equal(code, 0, run.stderr);
  return { report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

/** Sets queue clocks of the in-process coordinator for one test (it reads the process environment). */
export async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A redis-server on a fixed port (to restart one where its clients expect it); resolves once it accepts connections. */
export async function startRedisOnPort(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(programPath('redis-server'), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not restart:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}
